import { stepExamples } from './exampleSteps';

/** Examples of `region-expansion:render-guardrails`. */
export const examples = stepExamples(
  {
    id: 'guardrails',
    action: 'region-expansion:render-guardrails',
    name: 'Guardrails',
  },
  [
    {
      description:
        'Guardrails for a financial-services application plane in Frankfurt',
      input: {
        name: 'payments-de',
        targetLocation: 'eu-central-1',
        industry: 'financial-services',
        allowedRegions: ['eu-central-2'],
        accountIds: ['111122223333'],
      },
    },
    {
      description:
        'Guardrails in the AWS European Sovereign Cloud with a support exemption',
      input: {
        name: 'health-eusc',
        targetLocation: 'eusc-de-east-1',
        industry: 'healthcare',
        additionalExemptions: ['support:*'],
      },
    },
  ],
);
