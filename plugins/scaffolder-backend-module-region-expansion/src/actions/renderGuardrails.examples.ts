import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

/** Examples of `region-expansion:render-guardrails`. */
export const examples: TemplateExample[] = [
  {
    description:
      'Guardrails for a financial-services application plane in Frankfurt',
    example: yaml.stringify({
      steps: [
        {
          id: 'guardrails',
          action: 'region-expansion:render-guardrails',
          name: 'Guardrails',
          input: {
            name: 'payments-de',
            targetLocation: 'eu-central-1',
            industry: 'financial-services',
            allowedRegions: ['eu-central-2'],
            accountIds: ['111122223333'],
          },
        },
      ],
    }),
  },
  {
    description:
      'Guardrails in the AWS European Sovereign Cloud with a support exemption',
    example: yaml.stringify({
      steps: [
        {
          id: 'guardrails',
          action: 'region-expansion:render-guardrails',
          name: 'Guardrails',
          input: {
            name: 'health-eusc',
            targetLocation: 'eusc-de-east-1',
            industry: 'healthcare',
            additionalExemptions: ['support:*'],
          },
        },
      ],
    }),
  },
];
