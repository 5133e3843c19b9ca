import {
  Cell,
  ControlPlane,
  Tenant,
} from '@region-expansion/plugin-region-expansion-common';

export const controlPlaneFixture: ControlPlane = {
  id: 'cp-eu',
  name: 'EU control plane',
  mode: 'regional',
  partition: 'aws',
  homeLocation: 'eu-central-1',
  managedLocations: ['eu-central-1', 'eu-west-1'],
};

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

export function tenantFixture(overrides: Partial<Tenant> = {}): Tenant {
  return {
    id: 'acme',
    name: 'Acme',
    tier: 'pool',
    residency: { jurisdictions: ['EU'] },
    classification: 'confidential',
    loadUnits: 10,
    ...overrides,
  };
}
