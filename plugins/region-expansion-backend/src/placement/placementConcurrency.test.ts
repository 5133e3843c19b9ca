import { TestDatabases } from '@backstage/backend-test-utils';
import { ConflictError } from '@backstage/errors';
import { CellLifecycle } from '@region-expansion/plugin-region-expansion-common';
import {
  createEstateServices,
  createEstateStores,
  EstateStores,
  migrated,
} from '../__testUtils__/estate';
import { testDatabaseIds } from '../__testUtils__/testDatabases';
import {
  cellFixture,
  controlPlaneFixture,
  tenantFixture,
} from '../__testUtils__/fixtures';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: testDatabaseIds() });

/**
 * The stores, with the write `method` of one of them held until
 * `release()`: the write has been decided and waits to be written, which is
 * where a concurrent change slips in.
 */
function holdWrite<K extends keyof EstateStores>(
  stores: EstateStores,
  which: K,
  method: keyof EstateStores[K],
) {
  const store = stores[which];
  let release!: () => void;
  const gate = new Promise<void>(resolve => {
    release = resolve;
  });
  let waiting!: () => void;
  const decided = new Promise<void>(resolve => {
    waiting = resolve;
  });
  const held = new Proxy(store, {
    get(target, property) {
      const value = Reflect.get(target, property, target) as Function;
      if (property === method) {
        return async (...args: unknown[]) => {
          waiting();
          await gate;
          return value.apply(target, args);
        };
      }
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { stores: { ...stores, [which]: held }, decided, release };
}

async function createStores(databaseId: string) {
  const knex = await databases.init(databaseId as any);
  const stores = createEstateStores(await migrated(knex));
  await stores.estate.addControlPlane(controlPlaneFixture);
  return stores;
}

/** 'ok', or `409 <message>`, or the unexpected error itself. */
async function conflict(work: Promise<unknown>): Promise<string> {
  try {
    await work;
    return 'ok';
  } catch (error) {
    const { name, message } = error as Error;
    return error instanceof ConflictError
      ? `409 ${message}`
      : `${name}: ${message}`;
  }
}

/**
 * Runs `work` over services whose `hold` write waits once decided, sets
 * `cellId` to `lifecycle` in that moment, then lets the write go on: the
 * work's {@link conflict} outcome.
 */
async function withCellChangedMidway<K extends keyof EstateStores>(
  stores: EstateStores,
  hold: [K, keyof EstateStores[K]],
  work: (service: ReturnType<typeof createEstateServices>) => Promise<unknown>,
  change: { cellId: string; lifecycle: CellLifecycle },
): Promise<string> {
  const held = holdWrite(stores, ...hold);
  const service = createEstateServices(held.stores);
  const outcome = conflict(work(service));
  await held.decided;
  await service.estate.updateCell(change.cellId, {
    lifecycle: change.lifecycle,
  });
  held.release();
  return outcome;
}

describe.each(databases.eachSupportedId())(
  'placement under concurrency on %p',
  id => {
    it('never lands a tenant in a cell set to draining while the placement was decided', async () => {
      const stores = await createStores(id);
      const { estate, tenants, placements } = stores;
      await estate.addCells([
        cellFixture({ id: 'cell-a', lifecycle: 'active' }),
      ]);
      await tenants.addTenant(tenantFixture({ id: 'late' }), {
        actor: 'test',
        reason: 'created',
      });
      const placing = await withCellChangedMidway(
        stores,
        ['placements', 'recordPlacement'],
        service =>
          service.placement.place(
            {
              tenantId: 'late',
              strategy: 'pack',
              allowUnknownReadiness: true,
              allowProvisioning: false,
            },
            'test',
          ),
        { cellId: 'cell-a', lifecycle: 'draining' },
      );

      expect(placing).toMatch(/^409 /);
      expect((await tenants.getTenant('late'))?.cellId).toBeUndefined();
      expect((await estate.getCell('cell-a'))?.usage.tenants).toBe(0);
      expect(await placements.listPlacementHistory('late')).toEqual([]);
    });

    it('never pins a new tenant to a cell retired while its pin was checked', async () => {
      const stores = await createStores(id);
      const { estate, tenants, placements } = stores;
      await estate.addCells([
        cellFixture({ id: 'cell-a', lifecycle: 'provisioning' }),
      ]);
      const adding = await withCellChangedMidway(
        stores,
        ['tenants', 'addTenant'],
        service =>
          service.tenants.addTenant(
            tenantFixture({ id: 'late', cellId: 'cell-a' }),
            'test',
          ),
        { cellId: 'cell-a', lifecycle: 'retired' },
      );

      expect(adding).toMatch(
        /^409 cellId: cell cell-a is retired; a tenant is pinned only to an active or provisioning cell/,
      );
      expect(await tenants.getTenant('late')).toBeUndefined();
      expect((await estate.getCell('cell-a'))?.usage.tenants).toBe(0);
      expect(await placements.listPlacementHistory('late')).toEqual([]);
    });

    it('never imports a tenant into a cell set to draining while the import was checked', async () => {
      const stores = await createStores(id);
      const { estate, tenants } = stores;
      await estate.addCells([
        cellFixture({ id: 'cell-a', lifecycle: 'active' }),
        cellFixture({ id: 'cell-b', lifecycle: 'active' }),
      ]);
      const importing = await withCellChangedMidway(
        stores,
        ['tenants', 'importTenants'],
        service =>
          service.tenants.importTenants(
            [
              tenantFixture({ id: 'first', cellId: 'cell-a' }),
              tenantFixture({ id: 'unplaced' }),
              tenantFixture({ id: 'second', cellId: 'cell-b' }),
              tenantFixture({ id: 'third', cellId: 'cell-b' }),
            ],
            'test',
          ),
        { cellId: 'cell-b', lifecycle: 'draining' },
      );

      // The first row pinned to the cell is named.
      expect(importing).toMatch(
        /^409 rows\[2\]\.cellId: cell cell-b is draining; a tenant is pinned only to an active or provisioning cell/,
      );
      for (const tenantId of ['first', 'unplaced', 'second', 'third']) {
        expect(await tenants.getTenant(tenantId)).toBeUndefined();
      }
      expect((await estate.getCell('cell-a'))?.usage.tenants).toBe(0);
      expect((await estate.getCell('cell-b'))?.usage.tenants).toBe(0);
    });

    it('answers opposite migrations at the same time with success or 409, never an error', async () => {
      const stores = await createStores(id);
      const { estate, tenants } = stores;
      await estate.addCells([
        cellFixture({
          id: 'cell-a',
          lifecycle: 'active',
          capacity: { tenants: 50, loadUnits: 1000, quotas: {} },
        }),
        cellFixture({
          id: 'cell-b',
          lifecycle: 'active',
          capacity: { tenants: 50, loadUnits: 1000, quotas: {} },
        }),
      ]);
      const pairs = 12;
      for (let i = 0; i < pairs; i++) {
        await tenants.addTenant(
          tenantFixture({ id: `a-${i}`, cellId: 'cell-a', loadUnits: 1 }),
          { actor: 'test', reason: 'pinned' },
        );
        await tenants.addTenant(
          tenantFixture({ id: `b-${i}`, cellId: 'cell-b', loadUnits: 1 }),
          { actor: 'test', reason: 'pinned' },
        );
      }
      const service = createEstateServices(stores);
      const migrate = (tenantId: string, cellId: string) =>
        conflict(
          service.placement.planMigration(
            { tenantId, target: { cellId }, strategy: 'pack', commit: true },
            'test',
          ),
        );

      const outcomes: string[] = [];
      for (let round = 0; round < 3; round++) {
        // a-* move from cell-a to cell-b while b-* move the other way,
        // then back.
        const [there, back] =
          round % 2 === 0 ? ['cell-b', 'cell-a'] : ['cell-a', 'cell-b'];
        const moves = await Promise.all(
          Array.from({ length: pairs }, (_, i) => [
            migrate(`a-${i}`, there),
            migrate(`b-${i}`, back),
          ]).flat(),
        );
        outcomes.push(...moves);
      }
      expect(outcomes.filter(o => !/^(ok$|409 )/.test(o))).toEqual([]);
      expect(outcomes).toContain('ok');

      // Usage follows exactly where the tenants are.
      const stored = (await tenants.listTenants({ offset: 0, limit: 100 }))
        .items;
      for (const cellId of ['cell-a', 'cell-b']) {
        const inCell = stored.filter(t => t.cellId === cellId);
        expect((await estate.getCell(cellId))?.usage).toMatchObject({
          tenants: inCell.length,
          loadUnits: inCell.length,
        });
      }
    });
  },
);
