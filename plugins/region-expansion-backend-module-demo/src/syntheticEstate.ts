import {
  Cell,
  ControlPlane,
  createSeededRandom,
  Residency,
  Tenant,
  TenantTier,
  DataClassification,
} from '@region-expansion/plugin-region-expansion-common';

/**
 * Regions of the synthetic estate: partition, pooled and dedicated cells.
 *
 * @public
 */
export const DEMO_REGIONS: Array<{
  id: string;
  partition: string;
  controlPlaneId: string;
  pooled: number;
  dedicated: number;
}> = [
  { id: 'us-east-1', partition: 'aws', controlPlaneId: 'cp-aws-global', pooled: 7, dedicated: 2 },
  { id: 'us-west-2', partition: 'aws', controlPlaneId: 'cp-aws-global', pooled: 5, dedicated: 1 },
  { id: 'eu-central-1', partition: 'aws', controlPlaneId: 'cp-aws-eu', pooled: 7, dedicated: 2 },
  { id: 'eu-west-1', partition: 'aws', controlPlaneId: 'cp-aws-eu', pooled: 6, dedicated: 2 },
  { id: 'eu-west-3', partition: 'aws', controlPlaneId: 'cp-aws-eu', pooled: 3, dedicated: 1 },
  { id: 'ap-southeast-2', partition: 'aws', controlPlaneId: 'cp-aws-global', pooled: 3, dedicated: 1 },
  { id: 'ap-northeast-1', partition: 'aws', controlPlaneId: 'cp-aws-global', pooled: 3, dedicated: 1 },
  { id: 'eusc-de-east-1', partition: 'aws-eusc', controlPlaneId: 'cp-eusc', pooled: 4, dedicated: 2 },
  { id: 'us-gov-west-1', partition: 'aws-us-gov', controlPlaneId: 'cp-govcloud', pooled: 2, dedicated: 1 },
]; // prettier-ignore

/**
 * The synthetic estate's control planes.
 *
 * @public
 */
export const DEMO_CONTROL_PLANES: ControlPlane[] = [
  {
    id: 'cp-aws-global',
    name: 'Global control plane',
    mode: 'global',
    partition: 'aws',
    homeLocation: 'us-east-1',
    managedLocations: ['us-east-1', 'us-west-2', 'ap-southeast-2', 'ap-northeast-1'],
  },
  {
    id: 'cp-aws-eu',
    name: 'EU control plane',
    mode: 'regional',
    partition: 'aws',
    homeLocation: 'eu-central-1',
    managedLocations: ['eu-central-1', 'eu-west-1', 'eu-west-3'],
  },
  {
    id: 'cp-eusc',
    name: 'European Sovereign Cloud control plane',
    mode: 'partition',
    partition: 'aws-eusc',
    homeLocation: 'eusc-de-east-1',
    managedLocations: ['eusc-de-east-1'],
  },
  {
    id: 'cp-govcloud',
    name: 'GovCloud control plane',
    mode: 'partition',
    partition: 'aws-us-gov',
    homeLocation: 'us-gov-west-1',
    managedLocations: ['us-gov-west-1'],
  },
]; // prettier-ignore

/**
 * The synthetic estate's cells (53), all active and empty.
 *
 * @public
 */
export function demoCells(): Cell[] {
  const cells: Cell[] = [];
  for (const region of DEMO_REGIONS) {
    const add = (isolation: 'pooled' | 'dedicated', n: number) => {
      const prefix = isolation === 'pooled' ? 'p' : 'd';
      for (let i = 1; i <= n; i++) {
        cells.push({
          id: `${region.id}-${prefix}${String(i).padStart(2, '0')}`,
          name: `${region.id} ${isolation} ${i}`,
          locationId: region.id,
          partition: region.partition,
          controlPlaneId: region.controlPlaneId,
          lifecycle: 'active',
          isolation,
          accountId: String(100000000001 + cells.length),
          specVersion: '2026.1',
          capacity:
            isolation === 'pooled'
              ? {
                  tenants: 80,
                  loadUnits: 600,
                  quotas: { dedicatedDataStores: 12 },
                }
              : { tenants: 1, loadUnits: 200, quotas: {} },
          usage: { tenants: 0, loadUnits: 0, quotas: {} },
        });
      }
    };
    add('pooled', region.pooled);
    add('dedicated', region.dedicated);
  }
  return cells;
}

const RESIDENCIES: Array<[number, Residency]> = [
  [0.34, {}],
  [0.22, { jurisdictions: ['EU'] }],
  [0.08, { countries: ['DE'] }],
  [0.05, { partition: 'aws-eusc', countries: ['DE'] }],
  [0.12, { countries: ['US'] }],
  [0.03, { partition: 'aws-us-gov', countries: ['US'] }],
  [0.08, { jurisdictions: ['GEO-ASIA-PACIFIC'] }],
  [0.08, { jurisdictions: ['EEA', 'EU-ADEQUACY'] }],
];

const CLASSIFICATIONS: DataClassification[] = [
  'public',
  'internal',
  'confidential',
  'restricted',
];

function pick<T>(rand: () => number, weighted: Array<[number, T]>): T {
  let r = rand();
  for (const [weight, value] of weighted) {
    if (r < weight) return value;
    r -= weight;
  }
  return weighted[weighted.length - 1][1];
}

/**
 * `count` unplaced tenants with mixed tiers and residency, deterministic.
 *
 * @public
 */
export function demoTenants(count: number, seed = 20260701): Tenant[] {
  const rand = createSeededRandom(seed);
  return Array.from({ length: count }, (_, i) => {
    const tier = pick<TenantTier>(rand, [
      [0.84, 'pool'],
      [0.15, 'bridge'],
      [0.01, 'silo'],
    ]);
    const tenant: Tenant = {
      id: `tenant-${String(i + 1).padStart(5, '0')}`,
      name: `Tenant ${i + 1}`,
      tier,
      residency: pick(rand, RESIDENCIES),
      classification: CLASSIFICATIONS[Math.floor(rand() * 3)],
      loadUnits: 1 + Math.floor(rand() * (tier === 'silo' ? 100 : 8)),
    };
    if (tier === 'bridge') {
      tenant.quotaUsage = { dedicatedDataStores: 1 };
    }
    return tenant;
  });
}
