import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { ConflictError, NotFoundError } from '@backstage/errors';
import { testDatabaseIds } from '../__testUtils__/testDatabases';
import { seededEstateStores } from '../__testUtils__/estate';
import {
  cellFixture,
  controlPlaneFixture,
  tenantFixture,
} from '../__testUtils__/fixtures';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: testDatabaseIds() });

const createStores = (id: TestDatabaseId) => seededEstateStores(databases, id);

describe.each(databases.eachSupportedId())('KnexEstateStore on %p', id => {
  it('stores and lists locations and control planes, 409 on duplicates', async () => {
    const { estate } = await createStores(id);
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
    await estate.addLocation(lz);
    await expect(estate.addLocation(lz)).rejects.toThrow(ConflictError);
    expect(await estate.listLocations({ partition: 'aws' })).toEqual([lz]);
    expect(await estate.listLocations({ partition: 'aws-eusc' })).toEqual([]);

    await expect(estate.addControlPlane(controlPlaneFixture)).rejects.toThrow(
      "id: control plane 'cp-eu' already exists",
    );
    expect(await estate.getControlPlane('cp-eu')).toEqual(controlPlaneFixture);
    expect(await estate.getControlPlane('nope')).toBeUndefined();
  });

  it('adds cells atomically and filters them', async () => {
    const { estate } = await createStores(id);
    await expect(
      estate.addCells([cellFixture({ id: 'cell-new' }), cellFixture()]),
    ).rejects.toThrow(ConflictError);
    expect(await estate.getCell('cell-new')).toBeUndefined();
    expect(
      (await estate.listCells({ locationId: 'eu-west-1' })).map(c => c.id),
    ).toEqual(['cell-dub-1']);
    expect(await estate.countCells()).toBe(2);
    expect(await estate.getCell('cell-fra-1')).toEqual(cellFixture());
  });

  it('updates a cell and refuses capacity below usage', async () => {
    const { estate, tenants } = await createStores(id);
    await tenants.addTenant(tenantFixture({ cellId: 'cell-fra-1' }), {
      actor: 'user:default/ops',
      reason: 'pinned',
    });
    const updated = await estate.updateCell('cell-fra-1', () => ({
      lifecycle: 'draining',
      name: 'Frankfurt one',
    }));
    expect(updated).toMatchObject({
      lifecycle: 'draining',
      name: 'Frankfurt one',
    });
    await expect(
      estate.updateCell('cell-fra-1', () => ({
        capacity: { tenants: 0, loadUnits: 100, quotas: {} },
      })),
    ).rejects.toThrow('capacity.tenants: 0 is below the 1 tenants in the cell');
    await expect(estate.updateCell('nope', () => ({}))).rejects.toThrow(
      NotFoundError,
    );
  });
});
