import { stepExamples } from './exampleSteps';

/** A pooled cell specification the examples share. */
const EXAMPLE_POOLED_SPEC = {
  version: '2026.1',
  isolation: 'pooled',
  capacity: { tenants: 50, loadUnits: 1000, quotas: {} },
  serviceQuotas: [
    {
      serviceCode: 'lambda',
      quotaCode: 'L-B99A9384',
      quotaName: 'Concurrent executions',
      perCell: 1000,
    },
  ],
};

/** Examples of `region-expansion:plan-cells`. */
export const examples = stepExamples(
  { id: 'plan', action: 'region-expansion:plan-cells', name: 'Plan cells' },
  [
    {
      description: 'Plan three pooled cells in Frankfurt over two accounts',
      input: {
        name: 'payments-de',
        targetLocation: 'eu-central-1',
        controlPlaneMode: 'regional',
        isolationModel: 'pool',
        cellSpec: EXAMPLE_POOLED_SPEC,
        cellCount: 3,
        accountIds: ['111122223333', '444455556666'],
      },
    },
    {
      description:
        'Plan two dedicated silo cells in the AWS European Sovereign Cloud',
      input: {
        name: 'health-eusc',
        targetLocation: 'eusc-de-east-1',
        controlPlaneMode: 'partition',
        isolationModel: 'silo',
        cellSpec: {
          ...EXAMPLE_POOLED_SPEC,
          isolation: 'dedicated',
          capacity: { tenants: 1, loadUnits: 200, quotas: {} },
        },
        cellCount: 2,
        accountIds: ['111122223333', '444455556666'],
      },
    },
  ],
);
