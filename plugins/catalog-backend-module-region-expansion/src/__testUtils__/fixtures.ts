import type {
  Cell,
  Location,
} from '@region-expansion/plugin-region-expansion-common';

/**
 * A location in the EU, with the country, jurisdictions and geography every
 * European test location shares; `overrides` say what differs.
 */
export function euLocation(
  overrides: Partial<Location> & Pick<Location, 'id' | 'kind' | 'name'>,
): Location {
  return {
    partition: 'aws',
    country: 'DE',
    jurisdictions: ['EU', 'EEA', 'GEO-EUROPE'],
    geography: 'Europe',
    ...overrides,
  };
}

export const frankfurt = euLocation({
  id: 'eu-central-1',
  kind: 'region',
  name: 'Europe (Frankfurt)',
});

export const dublin = euLocation({
  id: 'eu-west-1',
  kind: 'region',
  name: 'Europe (Ireland)',
  country: 'IE',
});

/** An active pooled cell in Frankfurt; `overrides` say what differs. */
export function cell(overrides: Partial<Cell> & Pick<Cell, 'id'>): Cell {
  return {
    name: `Cell ${overrides.id}`,
    locationId: 'eu-central-1',
    partition: 'aws',
    controlPlaneId: 'cp-eu',
    lifecycle: 'active',
    isolation: 'pooled',
    accountId: '111122223333',
    specVersion: '2026.1',
    capacity: { tenants: 80, loadUnits: 600, quotas: {} },
    usage: { tenants: 0, loadUnits: 0, quotas: {} },
    ...overrides,
  };
}
