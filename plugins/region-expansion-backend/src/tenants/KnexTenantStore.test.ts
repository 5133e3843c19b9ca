import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { ConflictError, InputError } from '@backstage/errors';
import { testDatabaseIds } from '../__testUtils__/testDatabases';
import { countTurns, recordInserts } from '../__testUtils__/eventLoopTurns';
import { seededEstateStores } from '../__testUtils__/estate';
import { cellFixture, tenantFixture } from '../__testUtils__/fixtures';
import { TenantQuery } from './TenantStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: testDatabaseIds() });

const createStores = (id: TestDatabaseId) => seededEstateStores(databases, id);

describe.each(databases.eachSupportedId())('KnexTenantStore on %p', id => {
  it('never lets usage pass capacity', async () => {
    const { estate, tenants, placements } = await createStores(id);
    await expect(
      tenants.addTenant(
        tenantFixture({ cellId: 'cell-fra-1', loadUnits: 101 }),
        {
          actor: 'a',
          reason: 'r',
        },
      ),
    ).rejects.toThrow(ConflictError);
    await expect(
      tenants.addTenant(
        tenantFixture({
          cellId: 'cell-fra-1',
          quotaUsage: { dedicatedDataStores: 2 },
        }),
        { actor: 'a', reason: 'r' },
      ),
    ).rejects.toThrow("quota 'dedicatedDataStores'");
    expect({
      tenants: await tenants.countTenants(),
      placements: await placements.countPlacementRecords(),
    }).toEqual({ tenants: 0, placements: 0 });
    expect((await estate.getCell('cell-fra-1'))!.usage.loadUnits).toBe(0);
  });

  it('keeps fractional load units, as the schemas accept them, on every database', async () => {
    const { estate, tenants } = await createStores(id);
    await estate.addCells([
      cellFixture({
        id: 'cell-frac',
        capacity: { tenants: 3, loadUnits: 7.5, quotas: {} },
      }),
    ]);
    await tenants.addTenant(
      tenantFixture({ id: 'half', cellId: 'cell-frac', loadUnits: 2.5 }),
      { actor: 'a', reason: 'r' },
    );
    expect((await tenants.getTenant('half'))!.loadUnits).toBe(2.5);
    expect((await estate.getCell('cell-frac'))!).toMatchObject({
      capacity: { loadUnits: 7.5 },
      usage: { tenants: 1, loadUnits: 2.5 },
    });
    await tenants.updateTenant('half', () => ({ loadUnits: 5.25 }));
    expect((await estate.getCell('cell-frac'))!.usage.loadUnits).toBe(5.25);
    await expect(
      tenants.addTenant(
        tenantFixture({ id: 'over', cellId: 'cell-frac', loadUnits: 2.5 }),
        { actor: 'a', reason: 'r' },
      ),
    ).rejects.toThrow(ConflictError);
  });

  it('imports in one transaction: a bad row writes nothing', async () => {
    const { estate, tenants, placements } = await createStores(id);
    const rows = Array.from({ length: 1200 }, (_, i) =>
      tenantFixture({ id: `t-${i}`, loadUnits: 0 }),
    );
    rows[3] = { ...rows[3], cellId: 'cell-fra-1', loadUnits: 5 };
    rows[1100] = { ...rows[1100], cellId: 'cell-missing' };
    await expect(tenants.importTenants(rows, { actor: 'a' })).rejects.toThrow(
      InputError,
    );
    expect({
      tenants: await tenants.countTenants(),
      placements: await placements.countPlacementRecords(),
    }).toEqual({ tenants: 0, placements: 0 });
    expect((await estate.getCell('cell-fra-1'))!.usage.tenants).toBe(0);

    rows[1100] = tenantFixture({ id: 't-1100', loadUnits: 0 });
    rows[5] = { ...rows[5], id: 't-3' };
    await expect(tenants.importTenants(rows, { actor: 'a' })).rejects.toThrow(
      "rows[5].id: 't-3' repeats row 3",
    );

    rows[5] = tenantFixture({ id: 't-5', loadUnits: 0 });
    await expect(tenants.importTenants(rows, { actor: 'a' })).resolves.toEqual({
      imported: 1200,
      placed: 1,
    });
    expect((await estate.getCell('cell-fra-1'))!.usage).toMatchObject({
      tenants: 1,
      loadUnits: 5,
    });
    await expect(
      tenants.importTenants(
        [tenantFixture({ id: 'fresh' }), tenantFixture({ id: 't-7' })],
        {
          actor: 'a',
        },
      ),
    ).rejects.toThrow("rows[1].id: tenant 't-7' already exists");
    expect(await tenants.countTenants()).toBe(1200);
  });

  it('pages and filters tenants', async () => {
    const { tenants } = await createStores(id);
    await tenants.importTenants(
      [
        tenantFixture({ id: 'a', cellId: 'cell-fra-1' }),
        tenantFixture({ id: 'b', tier: 'bridge', cellId: 'cell-dub-1' }),
        tenantFixture({ id: 'c' }),
      ],
      { actor: 'a' },
    );
    const page = await tenants.listTenants({ offset: 1, limit: 1 });
    expect(page).toEqual({
      totalCount: 3,
      items: [expect.objectContaining({ id: 'b' })],
    });
    expect(
      (
        await tenants.listTenants({
          locationId: 'eu-west-1',
          offset: 0,
          limit: 10,
        })
      ).items.map(t => t.id),
    ).toEqual(['b']);
    expect(
      (await tenants.listTenants({ unplaced: true, offset: 0, limit: 10 }))
        .items,
    ).toEqual([tenantFixture({ id: 'c' })]);
    expect(
      (
        await tenants.listTenants({
          tier: 'bridge',
          partition: 'aws',
          offset: 0,
          limit: 10,
        })
      ).totalCount,
    ).toBe(1);
  });

  it('searches name or id in SQL, ignoring case, with LIKE wildcards taken literally', async () => {
    const { tenants } = await createStores(id);
    await tenants.importTenants(
      [
        tenantFixture({ id: 'acme-eu', name: 'Acme Europe' }),
        tenantFixture({ id: 'globex', name: 'Globex ACME reseller' }),
        tenantFixture({ id: 'initech', name: '100% Initech_Labs' }),
        tenantFixture({ id: 'umbrella', name: 'Umbrella' }),
      ],
      { actor: 'a' },
    );
    const search = async (q: string) =>
      (await tenants.listTenants({ q, offset: 0, limit: 10 })).items.map(
        t => t.id,
      );
    expect(await search('acme')).toEqual(['acme-eu', 'globex']);
    expect(await search('BREL')).toEqual(['umbrella']);
    expect(await search('%')).toEqual(['initech']);
    expect(await search('e_h')).toEqual([]);
    expect(await search('ch_la')).toEqual(['initech']);
    expect(await search('\\')).toEqual([]);
    expect(
      (await tenants.listTenants({ q: 'acme', offset: 0, limit: 1 }))
        .totalCount,
    ).toBe(2);
  });

  it('sorts every page in SQL by the asked field, ties broken by id', async () => {
    const { tenants } = await createStores(id);
    await tenants.importTenants(
      [
        tenantFixture({ id: 't-1', name: 'Same', loadUnits: 3 }),
        tenantFixture({ id: 't-2', name: 'Beta', loadUnits: 10 }),
        tenantFixture({ id: 't-3', name: 'Same', loadUnits: 2 }),
        tenantFixture({ id: 't-4', name: 'Alpha', cellId: 'cell-fra-1' }),
        tenantFixture({ id: 't-5', name: 'Same', cellId: 'cell-dub-1' }),
      ],
      { actor: 'a' },
    );
    const pages = async (sort: NonNullable<TenantQuery['sort']>, limit = 2) => {
      const ids: string[] = [];
      for (let offset = 0; offset < 5; offset += limit) {
        const page = await tenants.listTenants({ sort, offset, limit });
        ids.push(...page.items.map(t => t.id));
      }
      return ids;
    };
    expect(await pages({ field: 'name', direction: 'asc' })).toEqual([
      't-4',
      't-2',
      't-1',
      't-3',
      't-5',
    ]);
    expect(await pages({ field: 'name', direction: 'desc' })).toEqual([
      't-1',
      't-3',
      't-5',
      't-2',
      't-4',
    ]);
    // Numbers order as numbers (10 after 3), not as text.
    expect(await pages({ field: 'loadUnits', direction: 'desc' }, 5)).toEqual([
      't-2',
      't-4',
      't-5',
      't-1',
      't-3',
    ]);
    // Unplaced tenants come last on every database.
    expect(await pages({ field: 'cellId', direction: 'asc' })).toEqual([
      't-5',
      't-4',
      't-1',
      't-2',
      't-3',
    ]);
    expect(await pages({ field: 'id', direction: 'desc' }, 3)).toEqual([
      't-5',
      't-4',
      't-3',
      't-2',
      't-1',
    ]);
  });
});

describe('KnexTenantStore on SQLite, a large import', () => {
  // SQLite's driver runs each statement synchronously: without a turn
  // between chunks the whole import would hold the event loop at once.
  it('imports 10,000 pinned tenants in INSERTs of at most 500 rows, each in its own turn of the event loop', async () => {
    const { knex, estate, tenants } = await createStores('SQLITE_3');
    await estate.addCells([
      cellFixture({
        id: 'cell-large',
        capacity: { tenants: 10_000, loadUnits: 10_000, quotas: {} },
      }),
    ]);
    const rows = Array.from({ length: 10_000 }, (_, i) =>
      tenantFixture({ id: `t-${i}`, loadUnits: 1, cellId: 'cell-large' }),
    );

    const turns = countTurns();
    const inserts = ['tenants', 'placement_history'].map(table =>
      recordInserts(knex, table, turns),
    );
    let result;
    try {
      result = await tenants.importTenants(rows, { actor: 'a' });
    } finally {
      turns.stop();
      inserts.forEach(i => i.stop());
    }

    expect(result).toEqual({ imported: 10_000, placed: 10_000 });
    expect((await estate.getCell('cell-large'))!.usage.tenants).toBe(10_000);
    for (const { statements } of inserts) {
      expect(statements.map(s => s.rows)).toEqual(Array(20).fill(500));
    }
    const all = inserts.flatMap(i => i.statements).map(s => s.turn);
    expect(new Set(all).size).toBe(all.length);
  });
});
