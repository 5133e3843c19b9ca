import { Tenant } from '@region-expansion/plugin-region-expansion-common';

export {
  cellFixture,
  controlPlaneFixture,
} from '@region-expansion/plugin-region-expansion-node/testUtils';

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
