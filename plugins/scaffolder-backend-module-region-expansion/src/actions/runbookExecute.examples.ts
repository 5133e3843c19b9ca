import { stepExamples } from './exampleSteps';

/** Examples of `region-expansion:runbook:execute`. */
export const examples = stepExamples(
  {
    id: 'execute-runbook',
    action: 'region-expansion:runbook:execute',
    name: 'Execute the migration runbook',
  },
  [
    {
      description:
        'Execute the runbook the plan step produced (run it with dry run first to review)',
      input: { runbook: '${{ steps["plan-runbook"].output.runbook }}' },
    },
  ],
);
