import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

/** Examples of `region-expansion:register`. */
export const examples: TemplateExample[] = [
  {
    description:
      'Register a regional control plane and one planned cell in Frankfurt',
    example: yaml.stringify({
      steps: [
        {
          id: 'register',
          action: 'region-expansion:register',
          name: 'Register',
          input: {
            name: 'payments-de',
            targetLocation: 'eu-central-1',
            controlPlaneMode: 'regional',
            cells: [
              {
                id: 'payments-de-cell-01',
                name: 'payments-de cell 01 (eu-central-1)',
                locationId: 'eu-central-1',
                controlPlaneId: 'payments-de-cp',
                lifecycle: 'planned',
                isolation: 'pooled',
                accountId: '111122223333',
                specVersion: '2026.1',
                capacity: { tenants: 50, loadUnits: 1000, quotas: {} },
              },
            ],
          },
        },
      ],
    }),
  },
  {
    description:
      'Register a partition control plane in the AWS European Sovereign Cloud',
    example: yaml.stringify({
      steps: [
        {
          id: 'register',
          action: 'region-expansion:register',
          name: 'Register',
          input: {
            name: 'health-eusc',
            targetLocation: 'eusc-de-east-1',
            controlPlaneMode: 'partition',
            cells: [
              {
                id: 'health-eusc-cell-01',
                name: 'health-eusc cell 01 (eusc-de-east-1)',
                locationId: 'eusc-de-east-1',
                controlPlaneId: 'health-eusc-cp',
                lifecycle: 'planned',
                isolation: 'dedicated',
                accountId: '111122223333',
                specVersion: '2026.1',
                capacity: { tenants: 1, loadUnits: 200, quotas: {} },
              },
            ],
          },
        },
      ],
    }),
  },
];
