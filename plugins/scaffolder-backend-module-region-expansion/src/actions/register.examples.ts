import { EXAMPLE_CELLS, stepExamples } from './exampleSteps';

/** Examples of `region-expansion:register`. */
export const examples = stepExamples(
  { id: 'register', action: 'region-expansion:register', name: 'Register' },
  [
    {
      description:
        'Register a regional control plane and one planned cell in Frankfurt',
      input: {
        name: 'payments-de',
        targetLocation: 'eu-central-1',
        controlPlaneMode: 'regional',
        cells: [EXAMPLE_CELLS.paymentsDe],
      },
    },
    {
      description:
        'Register a partition control plane in the AWS European Sovereign Cloud',
      input: {
        name: 'health-eusc',
        targetLocation: 'eusc-de-east-1',
        controlPlaneMode: 'partition',
        cells: [EXAMPLE_CELLS.healthEusc],
      },
    },
  ],
);
