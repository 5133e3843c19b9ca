import { stepExamples } from './exampleSteps';

/** Examples of `region-expansion:assess`. */
export const examples = stepExamples(
  { id: 'assess', action: 'region-expansion:assess', name: 'Assess' },
  [
    {
      description:
        'Assess the workspace infrastructure against Frankfurt for confidential German data',
      input: {
        targetLocation: 'eu-central-1',
        paths: ['infrastructure'],
        residency: { countries: ['DE'] },
        classification: 'confidential',
      },
    },
    {
      description:
        'Assess against the AWS European Sovereign Cloud with a waiver',
      input: {
        targetLocation: 'eusc-de-east-1',
        residency: { partition: 'aws-eusc' },
        classification: 'restricted',
        waivers: [
          {
            check: 'availability',
            reason: 'Service replaced before go-live',
            approver: 'user:default/cloud-governance',
            expiresAt: '2099-01-01T00:00:00Z',
          },
        ],
      },
    },
  ],
);
