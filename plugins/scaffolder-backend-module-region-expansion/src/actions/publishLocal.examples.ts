import { stepExamples } from './exampleSteps';

/** Examples of `region-expansion:publish-local`. */
export const examples = stepExamples(
  { id: 'publish', action: 'region-expansion:publish-local', name: 'Publish' },
  [
    {
      description:
        'Publish the whole workspace under the configured output directory',
      input: { name: 'payments-de' },
    },
    {
      description: 'Publish only the guardrails folder',
      input: { name: 'payments-de-guardrails', sourcePath: 'guardrails' },
    },
  ],
);
