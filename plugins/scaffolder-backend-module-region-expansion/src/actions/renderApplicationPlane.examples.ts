import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

/** Examples of `region-expansion:render-application-plane`. */
export const examples: TemplateExample[] = [
  {
    description:
      'Render the CDK app from the planned cells with customer managed keys',
    example: yaml.stringify({
      steps: [
        {
          id: 'render',
          action: 'region-expansion:render-application-plane',
          name: 'Render application plane',
          input: {
            name: 'payments-de',
            targetLocation: 'eu-central-1',
            controlPlaneMode: 'regional',
            isolationModel: 'pool',
            encryptionTier: 'customer-managed-kms-key',
            residencyCountries: ['DE'],
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
      'Render dedicated silo cells in the AWS European Sovereign Cloud with an external key store',
    example: yaml.stringify({
      steps: [
        {
          id: 'render',
          action: 'region-expansion:render-application-plane',
          name: 'Render application plane',
          input: {
            name: 'health-eusc',
            targetLocation: 'eusc-de-east-1',
            controlPlaneMode: 'partition',
            isolationModel: 'silo',
            encryptionTier: 'external-key-store',
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
            targetPath: 'application-plane',
          },
        },
      ],
    }),
  },
];
