import { createSeededRandom } from '@region-expansion/plugin-region-expansion-common';
import type {
  Cell,
  CellLifecycle,
  PlacementReadinessLevel,
  PlacementStrategy,
  Residency,
  TenantTier,
} from '@region-expansion/plugin-region-expansion-common';
import { PlacementEngine } from './PlacementEngine';
import { naivePlace } from './naivePlace';
import { readinessFromMap } from './readiness';
import { catalog, controlPlanes, spec } from './testFixtures';

const LOCATIONS = [
  'eu-west-1',
  'eu-central-1',
  'eu-west-2',
  'us-east-1',
  'ap-southeast-2',
  'eusc-de-east-1',
];
const LIFECYCLES: CellLifecycle[] = [
  'active',
  'active',
  'active',
  'provisioning',
  'draining',
];
const LEVELS: PlacementReadinessLevel[] = [
  'ready',
  'pilot',
  'unknown',
  'blocked',
];
const RESIDENCIES: Residency[] = [
  {},
  { jurisdictions: ['EU'] },
  { countries: ['US'] },
  { countries: ['DE'], partition: 'aws-eusc' },
  { jurisdictions: ['EU-ADEQUACY', 'EEA'] },
];
const TIERS: TenantTier[] = ['pool', 'pool', 'bridge', 'silo'];

/**
 * A random world. `large` worlds crowd many cells into two locations, so the
 * index holds several blocks per group that split and merge as cells fill,
 * and add a second quota that some cells declare and some tenants use.
 */
function randomWorld(seed: number, large = false) {
  const random = createSeededRandom(seed);
  const pick = <T>(items: readonly T[]) =>
    items[Math.floor(random() * items.length)];
  const locations = large ? LOCATIONS.slice(0, 2) : LOCATIONS;
  const cells: Cell[] = Array.from({ length: large ? 600 : 60 }, (_, i) => {
    const locationId = pick(locations);
    const isolation = random() < (large ? 0.1 : 0.25) ? 'dedicated' : 'pooled';
    const tenants =
      isolation === 'dedicated' ? 1 : 1 + Math.floor(random() * 8);
    const loadUnits = 20 + Math.floor(random() * 60);
    const stores = Math.floor(random() * 4);
    const quotas: Record<string, number> = { dedicatedDataStores: stores };
    if (large && random() < 0.5) quotas.queues = Math.floor(random() * 12);
    return {
      id: `c${String(i).padStart(3, '0')}`,
      name: `c${i}`,
      locationId,
      partition: catalog.require(locationId).partition,
      controlPlaneId: locationId === 'eusc-de-east-1' ? 'cp-eusc' : 'cp-global',
      lifecycle: large && random() < 0.6 ? 'active' : pick(LIFECYCLES),
      isolation,
      accountId: '123456789012',
      specVersion: '1',
      capacity: { tenants, loadUnits, quotas },
      usage: {
        tenants: Math.floor(random() * tenants),
        loadUnits: Math.floor(random() * loadUnits * 0.5),
        quotas: {},
      },
    };
  });
  const readiness = readinessFromMap(
    Object.fromEntries(LOCATIONS.map(id => [id, pick(LEVELS)])),
  );
  const tenants = Array.from({ length: large ? 1500 : 150 }, (_, i) => ({
    id: `t${i}`,
    tier: pick(TIERS),
    residency: pick(RESIDENCIES),
    classification: pick(['internal', 'confidential', 'restricted'] as const),
    loadUnits: 1 + Math.floor(random() * 15),
    ...(large && random() < 0.4
      ? { quotaUsage: { queues: 1 + Math.floor(random() * 4) } }
      : {}),
  }));
  const options = {
    allowUnknownReadiness: random() < 0.7,
    allowProvisioning: random() < 0.3,
  };
  return { cells, readiness, tenants, options };
}

describe('PlacementEngine equals the naive full scan', () => {
  const strategies: PlacementStrategy[] = ['pack', 'spread'];
  const seeds = Array.from({ length: 20 }, (_, i) => i + 1);

  it.each(
    strategies.flatMap(strategy => [
      [strategy, 'small', seeds, false] as const,
      [strategy, 'large', seeds.slice(0, 3), true] as const,
    ]),
  )(
    '%s: same cell for every tenant on %s random worlds',
    (strategy, _size, worldSeeds, large) => {
      let placedSomewhere = 0;
      let unplaceableSomewhere = 0;
      for (const seed of worldSeeds) {
        const world = randomWorld(seed, large);
        const engine = PlacementEngine.create({
          cells: world.cells,
          catalog,
          controlPlanes,
          cellSpec: spec,
          readiness: world.readiness,
        });
        const naiveCells = structuredClone(world.cells);
        for (const tenant of world.tenants) {
          const options = { strategy, ...world.options, commit: true };
          const fast = engine.place(tenant, options);
          const slow = naivePlace(
            { cells: naiveCells, catalog, readiness: world.readiness },
            tenant,
            options,
          );
          const fastOutcome =
            fast.outcome === 'placed' ? fast.cellId : 'unplaceable';
          const slowOutcome =
            slow.outcome === 'placed' ? slow.cellId : 'unplaceable';
          if (fastOutcome !== slowOutcome) {
            throw new Error(
              `seed ${seed}, tenant ${tenant.id}: engine ${fastOutcome}, naive ${slowOutcome}`,
            );
          }
          if (fast.outcome === 'placed') placedSomewhere++;
          else unplaceableSomewhere++;
        }
        expect(engine.cells().map(c => c.usage)).toEqual(
          naiveCells.map(c => c.usage),
        );
      }
      // The random worlds exercise both outcomes, so the comparison means something.
      expect(placedSomewhere).toBeGreaterThan(100);
      expect(unplaceableSomewhere).toBeGreaterThan(100);
    },
  );
});
