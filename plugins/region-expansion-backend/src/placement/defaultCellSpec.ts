import { CellSpec } from '@region-expansion/plugin-region-expansion-common';

/**
 * Cell spec the placement engine names when it proposes a new cell, unless
 * the service is created with another.
 *
 * @public
 */
export const DEFAULT_CELL_SPEC: CellSpec = {
  version: '2026.1',
  isolation: 'pooled',
  capacity: {
    tenants: 80,
    loadUnits: 600,
    quotas: { dedicatedDataStores: 12 },
  },
  serviceQuotas: [
    {
      serviceCode: 'lambda',
      quotaCode: 'L-B99A9384',
      quotaName: 'Concurrent executions',
      perCell: 3000,
    },
  ],
};
