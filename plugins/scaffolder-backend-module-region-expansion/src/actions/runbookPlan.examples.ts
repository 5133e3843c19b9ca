import { stepExamples } from './exampleSteps';

/** Examples of `region-expansion:runbook:plan`. */
export const examples = stepExamples(
  {
    id: 'plan-runbook',
    action: 'region-expansion:runbook:plan',
    name: 'Plan the migration runbook',
  },
  [
    {
      description: 'Plan moving one tenant to the best cell in Frankfurt',
      input: {
        request: {
          kind: 'tenants',
          tenantIds: ['acme'],
          target: { locationId: 'eu-central-1' },
        },
      },
    },
    {
      description: 'Plan evacuating every tenant of a cell',
      input: {
        request: { kind: 'evacuate-cell', cellId: 'cell-dub-1' },
      },
    },
  ],
);
