import type {
  Cell,
  CellSpec,
  ControlPlane,
  PlacementDecision,
  PlacementUnplaceable,
  Tenant,
} from '@region-expansion/plugin-region-expansion-common';
import { LocationCatalog } from '../locations/LocationCatalog';
import { sovereignControlPlaneFixture } from '../testUtils';
import { PlacementEngine } from './PlacementEngine';
import type { ReadinessLookup } from './readiness';

/** Shared fixtures of the placement tests (not exported from the package). */
export const catalog = LocationCatalog.fromSnapshot();

export const controlPlanes: ControlPlane[] = [
  {
    id: 'cp-global',
    name: 'Global control plane',
    mode: 'global',
    partition: 'aws',
    homeLocation: 'us-east-1',
    managedLocations: catalog
      .regions()
      .filter(r => r.partition === 'aws')
      .map(r => r.id),
  },
  sovereignControlPlaneFixture,
];

export const spec: CellSpec = {
  version: '2025.1',
  isolation: 'pooled',
  capacity: { tenants: 10, loadUnits: 100, quotas: {} },
  serviceQuotas: [
    {
      serviceCode: 'lambda',
      quotaCode: 'L-B99A9384',
      quotaName: 'Concurrent executions',
      perCell: 1000,
    },
    {
      serviceCode: 'dynamodb',
      quotaCode: 'L-F98FE922',
      quotaName: 'Tables',
      perCell: 50,
    },
  ],
};

let sequence = 0;

/** A cell with sensible defaults; `used` sets usage tenants and load. */
export function cell(
  overrides: Partial<Cell> & { locationId: string },
  used: { tenants?: number; loadUnits?: number } = {},
): Cell {
  sequence++;
  const location = catalog.require(overrides.locationId);
  const isolation = overrides.isolation ?? 'pooled';
  return {
    id: `cell-${sequence}`,
    name: `Cell ${sequence}`,
    partition: location.partition,
    controlPlaneId: location.partition === 'aws-eusc' ? 'cp-eusc' : 'cp-global',
    lifecycle: 'active',
    isolation,
    accountId: '123456789012',
    specVersion: '2025.1',
    capacity: {
      tenants: isolation === 'dedicated' ? 1 : 10,
      loadUnits: 100,
      quotas: {},
    },
    usage: {
      tenants: used.tenants ?? 0,
      loadUnits: used.loadUnits ?? 0,
      quotas: {},
    },
    ...overrides,
  };
}

/** A pool tenant with no residency requirement unless overridden. */
export function tenant(overrides: Partial<Tenant> = {}): Tenant {
  return {
    id: 'tenant-1',
    name: 'Tenant 1',
    tier: 'pool',
    residency: {},
    classification: 'internal',
    loadUnits: 10,
    ...overrides,
  };
}

/** An engine over the shared catalog, control planes and spec. */
export function engine(cells: Cell[], readiness?: ReadinessLookup) {
  return PlacementEngine.create({
    cells,
    catalog,
    controlPlanes,
    cellSpec: spec,
    readiness,
  });
}

/** The decision, checked to be unplaceable. */
export function unplaceable(decision: PlacementDecision): PlacementUnplaceable {
  expect(decision.outcome).toBe('unplaceable');
  return decision as PlacementUnplaceable;
}
