import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

/** Examples of `region-expansion:publish-local`. */
export const examples: TemplateExample[] = [
  {
    description:
      'Publish the whole workspace under the configured output directory',
    example: yaml.stringify({
      steps: [
        {
          id: 'publish',
          action: 'region-expansion:publish-local',
          name: 'Publish',
          input: { name: 'payments-de' },
        },
      ],
    }),
  },
  {
    description: 'Publish only the guardrails folder',
    example: yaml.stringify({
      steps: [
        {
          id: 'publish',
          action: 'region-expansion:publish-local',
          name: 'Publish',
          input: { name: 'payments-de-guardrails', sourcePath: 'guardrails' },
        },
      ],
    }),
  },
];
