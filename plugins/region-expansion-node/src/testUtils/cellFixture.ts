import type { Cell } from '@region-expansion/plugin-region-expansion-common';

/**
 * An active pooled cell in Frankfurt (`cell-fra-1`, room for 3 tenants and
 * 100 load units, nothing used), changed by `overrides`.
 *
 * @public
 */
export function cellFixture(overrides: Partial<Cell> = {}): Cell {
  return {
    id: 'cell-fra-1',
    name: 'Frankfurt 1',
    locationId: 'eu-central-1',
    partition: 'aws',
    controlPlaneId: 'cp-eu',
    lifecycle: 'active',
    isolation: 'pooled',
    accountId: '111122223333',
    specVersion: '2024.1',
    capacity: {
      tenants: 3,
      loadUnits: 100,
      quotas: { dedicatedDataStores: 1 },
    },
    usage: { tenants: 0, loadUnits: 0, quotas: {} },
    ...overrides,
  };
}
