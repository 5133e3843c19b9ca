import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { ConflictError } from '@backstage/errors';
import { testDatabaseIds } from '../__testUtils__/testDatabases';
import { seededEstateStores } from '../__testUtils__/estate';
import { tenantFixture } from '../__testUtils__/fixtures';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: testDatabaseIds() });

const createStores = (id: TestDatabaseId) => seededEstateStores(databases, id);

describe.each(databases.eachSupportedId())('KnexPlacementStore on %p', id => {
  it('pins, moves and reports tenants with usage and history in step', async () => {
    const { estate, tenants, placements } = await createStores(id);
    await tenants.addTenant(
      tenantFixture({ quotaUsage: { dedicatedDataStores: 1 } }),
      {
        actor: 'user:default/ops',
        reason: 'new',
      },
    );
    expect((await estate.getCell('cell-fra-1'))!.usage.tenants).toBe(0);

    await placements.recordPlacement(
      {
        tenantId: 'acme',
        cellId: 'cell-fra-1',
        reason: 'best fit',
        strategy: 'pack',
        kind: 'placed',
      },
      { actor: 'user:default/ops', expectedFromCellId: undefined },
    );
    expect((await estate.getCell('cell-fra-1'))!.usage).toEqual({
      tenants: 1,
      loadUnits: 10,
      quotas: { dedicatedDataStores: 1 },
    });

    // stale decision: the tenant is no longer unplaced
    await expect(
      placements.recordPlacement(
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

    await placements.recordPlacement(
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
    expect((await estate.getCell('cell-fra-1'))!.usage).toEqual({
      tenants: 0,
      loadUnits: 0,
      quotas: { dedicatedDataStores: 0 },
    });
    expect((await estate.getCell('cell-dub-1'))!.usage.loadUnits).toBe(10);
    const history = await placements.listPlacementHistory('acme');
    expect(history.map(h => [h.kind, h.fromCellId, h.cellId])).toEqual([
      ['placed', undefined, 'cell-fra-1'],
      ['migrated', 'cell-fra-1', 'cell-dub-1'],
    ]);
    expect(new Date(history[0].at).getTime()).not.toBeNaN();

    const updated = await tenants.updateTenant('acme', () => ({
      loadUnits: 25,
    }));
    expect(updated.loadUnits).toBe(25);
    expect((await estate.getCell('cell-dub-1'))!.usage.loadUnits).toBe(25);
  });
});
