import { EXAMPLE_CELLS, stepExamples } from './exampleSteps';

/** Examples of `region-expansion:render-application-plane`. */
export const examples = stepExamples(
  {
    id: 'render',
    action: 'region-expansion:render-application-plane',
    name: 'Render application plane',
  },
  [
    {
      description:
        'Render the CDK app from the planned cells with customer managed keys',
      input: {
        name: 'payments-de',
        targetLocation: 'eu-central-1',
        controlPlaneMode: 'regional',
        isolationModel: 'pool',
        encryptionTier: 'customer-managed-kms-key',
        classification: 'internal',
        residencyCountries: ['DE'],
        cells: [EXAMPLE_CELLS.paymentsDe],
      },
    },
    {
      description:
        'Render dedicated silo cells in the AWS European Sovereign Cloud with an external key store',
      input: {
        name: 'health-eusc',
        targetLocation: 'eusc-de-east-1',
        controlPlaneMode: 'partition',
        isolationModel: 'silo',
        encryptionTier: 'external-key-store',
        classification: 'restricted',
        cells: [EXAMPLE_CELLS.healthEusc],
        targetPath: 'application-plane',
      },
    },
  ],
);
