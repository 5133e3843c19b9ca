import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import { RegionExpansionStore } from './RegionExpansionStore';
import { testDatabaseIds } from '../__testUtils__/testDatabases';
import {
  cellFixture,
  controlPlaneFixture,
  tenantFixture,
} from '../__testUtils__/fixtures';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: testDatabaseIds() });

async function createStore(databaseId: string) {
  const knex = await databases.init(databaseId as any);
  const store = await RegionExpansionStore.create({
    database: mockServices.database({ knex }),
  });
  await store.addControlPlane(controlPlaneFixture);
  await store.addCells([
    cellFixture(),
    cellFixture({
      id: 'cell-dub-1',
      name: 'Dublin 1',
      locationId: 'eu-west-1',
    }),
  ]);
  return { knex, store };
}

describe.each(databases.eachSupportedId())('RegionExpansionStore on %p', id => {
  it('stores and lists locations and control planes, 409 on duplicates', async () => {
    const { store } = await createStore(id);
    const lz = {
      id: 'eu-central-1-ham-1a',
      kind: 'local-zone' as const,
      partition: 'aws',
      name: 'Hamburg',
      country: 'DE',
      geography: 'Europe' as const,
      jurisdictions: ['EU' as const, 'EEA' as const, 'GEO-EUROPE' as const],
      parentRegion: 'eu-central-1',
    };
    await store.addLocation(lz);
    await expect(store.addLocation(lz)).rejects.toThrow(ConflictError);
    expect(await store.listLocations({ partition: 'aws' })).toEqual([lz]);
    expect(await store.listLocations({ partition: 'aws-eusc' })).toEqual([]);

    await expect(store.addControlPlane(controlPlaneFixture)).rejects.toThrow(
      "id: control plane 'cp-eu' already exists",
    );
    expect(await store.getControlPlane('cp-eu')).toEqual(controlPlaneFixture);
    expect(await store.getControlPlane('nope')).toBeUndefined();
  });

  it('adds cells atomically and filters them', async () => {
    const { store } = await createStore(id);
    await expect(
      store.addCells([cellFixture({ id: 'cell-new' }), cellFixture()]),
    ).rejects.toThrow(ConflictError);
    expect(await store.getCell('cell-new')).toBeUndefined();
    expect(
      (await store.listCells({ locationId: 'eu-west-1' })).map(c => c.id),
    ).toEqual(['cell-dub-1']);
    expect(await store.countCells()).toBe(2);
    expect(await store.getCell('cell-fra-1')).toEqual(cellFixture());
  });

  it('updates a cell and refuses capacity below usage', async () => {
    const { store } = await createStore(id);
    await store.addTenant(tenantFixture({ cellId: 'cell-fra-1' }), {
      actor: 'user:default/ops',
      reason: 'pinned',
    });
    const updated = await store.updateCell('cell-fra-1', () => ({
      lifecycle: 'draining',
      name: 'Frankfurt one',
    }));
    expect(updated).toMatchObject({
      lifecycle: 'draining',
      name: 'Frankfurt one',
    });
    await expect(
      store.updateCell('cell-fra-1', () => ({
        capacity: { tenants: 0, loadUnits: 100, quotas: {} },
      })),
    ).rejects.toThrow('capacity.tenants: 0 is below the 1 tenants in the cell');
    await expect(store.updateCell('nope', () => ({}))).rejects.toThrow(
      NotFoundError,
    );
  });

  it('pins, moves and reports tenants with usage and history in step', async () => {
    const { store } = await createStore(id);
    await store.addTenant(
      tenantFixture({ quotaUsage: { dedicatedDataStores: 1 } }),
      {
        actor: 'user:default/ops',
        reason: 'new',
      },
    );
    expect((await store.getCell('cell-fra-1'))!.usage.tenants).toBe(0);

    await store.recordPlacement(
      {
        tenantId: 'acme',
        cellId: 'cell-fra-1',
        reason: 'best fit',
        strategy: 'pack',
        kind: 'placed',
      },
      { actor: 'user:default/ops', expectedFromCellId: undefined },
    );
    expect((await store.getCell('cell-fra-1'))!.usage).toEqual({
      tenants: 1,
      loadUnits: 10,
      quotas: { dedicatedDataStores: 1 },
    });

    // stale decision: the tenant is no longer unplaced
    await expect(
      store.recordPlacement(
        {
          tenantId: 'acme',
          cellId: 'cell-dub-1',
          reason: 'x',
          strategy: 'pack',
          kind: 'placed',
        },
        { actor: 'user:default/ops', expectedFromCellId: undefined },
      ),
    ).rejects.toThrow(ConflictError);

    await store.recordPlacement(
      {
        tenantId: 'acme',
        fromCellId: 'cell-fra-1',
        cellId: 'cell-dub-1',
        reason: 'moved',
        strategy: 'manual',
        kind: 'migrated',
      },
      { actor: 'user:default/ops', expectedFromCellId: 'cell-fra-1' },
    );
    expect((await store.getCell('cell-fra-1'))!.usage).toEqual({
      tenants: 0,
      loadUnits: 0,
      quotas: { dedicatedDataStores: 0 },
    });
    expect((await store.getCell('cell-dub-1'))!.usage.loadUnits).toBe(10);
    const history = await store.listPlacementHistory('acme');
    expect(history.map(h => [h.kind, h.fromCellId, h.cellId])).toEqual([
      ['placed', undefined, 'cell-fra-1'],
      ['migrated', 'cell-fra-1', 'cell-dub-1'],
    ]);
    expect(new Date(history[0].at).getTime()).not.toBeNaN();

    const updated = await store.updateTenant('acme', () => ({ loadUnits: 25 }));
    expect(updated.loadUnits).toBe(25);
    expect((await store.getCell('cell-dub-1'))!.usage.loadUnits).toBe(25);
  });

  it('never lets usage pass capacity', async () => {
    const { store } = await createStore(id);
    await expect(
      store.addTenant(tenantFixture({ cellId: 'cell-fra-1', loadUnits: 101 }), {
        actor: 'a',
        reason: 'r',
      }),
    ).rejects.toThrow(ConflictError);
    await expect(
      store.addTenant(
        tenantFixture({
          cellId: 'cell-fra-1',
          quotaUsage: { dedicatedDataStores: 2 },
        }),
        { actor: 'a', reason: 'r' },
      ),
    ).rejects.toThrow("quota 'dedicatedDataStores'");
    expect(await store.counts()).toMatchObject({ tenants: 0, placements: 0 });
    expect((await store.getCell('cell-fra-1'))!.usage.loadUnits).toBe(0);
  });

  it('keeps fractional load units, as the schemas accept them, on every database', async () => {
    const { store } = await createStore(id);
    await store.addCells([
      cellFixture({
        id: 'cell-frac',
        capacity: { tenants: 3, loadUnits: 7.5, quotas: {} },
      }),
    ]);
    await store.addTenant(
      tenantFixture({ id: 'half', cellId: 'cell-frac', loadUnits: 2.5 }),
      { actor: 'a', reason: 'r' },
    );
    expect((await store.getTenant('half'))!.loadUnits).toBe(2.5);
    expect((await store.getCell('cell-frac'))!).toMatchObject({
      capacity: { loadUnits: 7.5 },
      usage: { tenants: 1, loadUnits: 2.5 },
    });
    await store.updateTenant('half', () => ({ loadUnits: 5.25 }));
    expect((await store.getCell('cell-frac'))!.usage.loadUnits).toBe(5.25);
    await expect(
      store.addTenant(
        tenantFixture({ id: 'over', cellId: 'cell-frac', loadUnits: 2.5 }),
        { actor: 'a', reason: 'r' },
      ),
    ).rejects.toThrow(ConflictError);
  });

  it('imports in one transaction: a bad row writes nothing', async () => {
    const { store } = await createStore(id);
    const rows = Array.from({ length: 1200 }, (_, i) =>
      tenantFixture({ id: `t-${i}`, loadUnits: 0 }),
    );
    rows[3] = { ...rows[3], cellId: 'cell-fra-1', loadUnits: 5 };
    rows[1100] = { ...rows[1100], cellId: 'cell-missing' };
    await expect(store.importTenants(rows, { actor: 'a' })).rejects.toThrow(
      InputError,
    );
    expect(await store.counts()).toMatchObject({ tenants: 0, placements: 0 });
    expect((await store.getCell('cell-fra-1'))!.usage.tenants).toBe(0);

    rows[1100] = tenantFixture({ id: 't-1100', loadUnits: 0 });
    rows[5] = { ...rows[5], id: 't-3' };
    await expect(store.importTenants(rows, { actor: 'a' })).rejects.toThrow(
      "rows[5].id: 't-3' repeats row 3",
    );

    rows[5] = tenantFixture({ id: 't-5', loadUnits: 0 });
    await expect(store.importTenants(rows, { actor: 'a' })).resolves.toEqual({
      imported: 1200,
      placed: 1,
    });
    expect((await store.getCell('cell-fra-1'))!.usage).toMatchObject({
      tenants: 1,
      loadUnits: 5,
    });
    await expect(
      store.importTenants(
        [tenantFixture({ id: 'fresh' }), tenantFixture({ id: 't-7' })],
        {
          actor: 'a',
        },
      ),
    ).rejects.toThrow("rows[1].id: tenant 't-7' already exists");
    expect((await store.counts()).tenants).toBe(1200);
  });

  it('pages and filters tenants', async () => {
    const { store } = await createStore(id);
    await store.importTenants(
      [
        tenantFixture({ id: 'a', cellId: 'cell-fra-1' }),
        tenantFixture({ id: 'b', tier: 'bridge', cellId: 'cell-dub-1' }),
        tenantFixture({ id: 'c' }),
      ],
      { actor: 'a' },
    );
    const page = await store.listTenants({ offset: 1, limit: 1 });
    expect(page).toEqual({
      totalCount: 3,
      items: [expect.objectContaining({ id: 'b' })],
    });
    expect(
      (
        await store.listTenants({
          locationId: 'eu-west-1',
          offset: 0,
          limit: 10,
        })
      ).items.map(t => t.id),
    ).toEqual(['b']);
    expect(
      (await store.listTenants({ unplaced: true, offset: 0, limit: 10 })).items,
    ).toEqual([tenantFixture({ id: 'c' })]);
    expect(
      (
        await store.listTenants({
          tier: 'bridge',
          partition: 'aws',
          offset: 0,
          limit: 10,
        })
      ).totalCount,
    ).toBe(1);
  });
});

describe('RegionExpansionStore on SQLite, a large import', () => {
  it('imports 10,000 pinned tenants without holding the event loop for 100 ms at once', async () => {
    const { store } = await createStore('SQLITE_3');
    await store.addCells([
      cellFixture({
        id: 'cell-large',
        capacity: { tenants: 10_000, loadUnits: 10_000, quotas: {} },
      }),
    ]);
    const rows = Array.from({ length: 10_000 }, (_, i) =>
      tenantFixture({ id: `t-${i}`, loadUnits: 1, cellId: 'cell-large' }),
    );

    // The longest gap between ticks of a 1 ms timer while the import runs:
    // how long any other request would have waited.
    let longest = 0;
    let last = performance.now();
    let ticking = true;
    const tick = () => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
      if (ticking) setTimeout(tick, 1);
    };
    setTimeout(tick, 1);
    const result = await store.importTenants(rows, { actor: 'a' });
    ticking = false;
    await new Promise(resolve => setTimeout(resolve, 5));

    expect(result).toEqual({ imported: 10_000, placed: 10_000 });
    expect((await store.getCell('cell-large'))!.usage.tenants).toBe(10_000);
    expect(longest).toBeLessThan(100);
  });
});
