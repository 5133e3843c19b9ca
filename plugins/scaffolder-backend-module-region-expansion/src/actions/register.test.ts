import { RegionExpansionClient } from '@region-expansion/plugin-region-expansion-common';
import { LocationCatalog } from '@region-expansion/plugin-region-expansion-node';
import { inputError } from '../__testUtils__/actionRunner';
import {
  exampleInput,
  mockContext,
  startRegionExpansionBackend,
} from '../__testUtils__/regionExpansionBackend';
import { examples } from './register.examples';
import { createRegisterAction } from './register';

jest.setTimeout(60_000);

const input = exampleInput(examples[0].example);

describe('region-expansion:register', () => {
  let env: Awaited<ReturnType<typeof startRegionExpansionBackend>>;
  beforeAll(async () => {
    env = await startRegionExpansionBackend();
  });
  afterAll(() => env.backend.stop());

  const run = async (overrides: object = {}, isDryRun = false) => {
    const ctx = mockContext({ input: { ...input, ...overrides }, isDryRun });
    await createRegisterAction(env).handler(ctx as any);
    return Object.fromEntries((ctx.output as jest.Mock).mock.calls);
  };

  it('writes nothing in a dry run', async () => {
    const out = await run({}, true);
    expect(out.createdIds).toEqual([]);
    const c = new RegionExpansionClient({ discoveryApi: env.discovery });
    const { token } = await env.auth.getPluginRequestToken({
      onBehalfOf: await env.auth.getOwnServiceCredentials(),
      targetPluginId: 'region-expansion',
    });
    expect(
      (await c.listCells({ query: { locationId: 'eu-central-1' } }, { token }))
        .items,
    ).toEqual([]);
  });

  it('registers the control plane and cells, and a re-run creates nothing twice', async () => {
    const first = await run();
    expect(first.createdIds).toEqual(['payments-de-cp', 'payments-de-cell-01']);
    expect(first.regionUrl).toBe('/region-expansion/regions/eu-central-1');
    const second = await run();
    expect(second.createdIds).toEqual([]);
    expect(second.existingIds).toEqual([
      'payments-de-cp',
      'payments-de-cell-01',
    ]);
  });

  it('fails on a conflicting existing id with the reason', async () => {
    const cells = [{ ...input.cells[0], accountId: '999999999999' }];
    await expect(run({ cells })).rejects.toThrow(
      /cells: cell 'payments-de-cell-01' already exists with a different accountId/,
    );
  });

  it.each([
    [{ targetLocation: 'mars-north-1' }, /^targetLocation: unknown location/],
    [
      { targetLocation: 'eusc-de-east-1', controlPlaneMode: 'global' },
      /^controlPlaneMode: 'global' is forbidden in partition aws-eusc/,
    ],
    [
      { cells: [{ ...input.cells[0], controlPlaneId: 'other-cp' }] },
      /^cells\.0\.controlPlaneId: /,
    ],
  ])('rejects %j naming the field', async (overrides, message) => {
    await expect(run(overrides)).rejects.toThrow(message);
  });

  describe('validates the whole plan before any write', () => {
    const cell = (n: number, change: object = {}) => ({
      ...input.cells[0],
      id: `orders-de-cell-0${n}`,
      name: `orders-de cell 0${n} (eu-central-1)`,
      controlPlaneId: 'orders-de-cp',
      ...change,
    });
    const plan = { name: 'orders-de', cells: [cell(1), cell(2)] };
    const stored = async () => {
      const c = new RegionExpansionClient({ discoveryApi: env.discovery });
      const { token } = await env.auth.getPluginRequestToken({
        onBehalfOf: await env.auth.getOwnServiceCredentials(),
        targetPluginId: 'region-expansion',
      });
      const [planes, cells] = await Promise.all([
        c.listControlPlanes({}, { token }).then(r => r.items),
        c.listCells({}, { token }).then(r => r.items),
      ]);
      return [...planes, ...cells]
        .map(o => o.id)
        .filter(id => !id.startsWith('payments-de'));
    };

    it.each([
      [
        'name with spaces and capitals',
        { name: 'Payments DE' },
        /^name: 'Payments DE' must be 1-48 lower-case/,
      ],
      [
        'name ../../etc',
        { name: '../../etc' },
        /^name: '..\/..\/etc' must be 1-48 lower-case/,
      ],
      [
        'controlPlaneId ../../etc',
        { controlPlaneId: '../../etc' },
        /^controlPlaneId: must be 1-64 lower-case letters, digits or hyphens/,
      ],
      [
        'cell id ../../etc/passwd',
        { cells: [cell(1), cell(2, { id: '../../etc/passwd' })] },
        /^cells\.1\.id: must be 1-64 lower-case letters, digits or hyphens/,
      ],
      [
        'cell account 123',
        { cells: [cell(1), cell(2, { accountId: '123' })] },
        /^cells\.1\.accountId: must be a 12-digit AWS account id/,
      ],
      [
        'cell capacity of -1 tenants',
        {
          cells: [
            cell(1),
            cell(2, { capacity: { tenants: -1, loadUnits: 1, quotas: {} } }),
          ],
        },
        /^cells\.1\.capacity\.tenants: must not be negative/,
      ],
      [
        'a cell already active',
        { cells: [cell(1), cell(2, { lifecycle: 'active' })] },
        /^cells\.1\.lifecycle: /,
      ],
      [
        'a dedicated cell for 50 tenants',
        { cells: [cell(1), cell(2, { isolation: 'dedicated' })] },
        /^cells\.1\.capacity\.tenants: /,
      ],
      [
        'two cells with one id',
        { cells: [cell(1), cell(1)] },
        /^cells\.1\.id: 'orders-de-cell-01' is also the id of cells\.0/,
      ],
      [
        '100 cells',
        { cells: Array.from({ length: 100 }, (_, i) => cell(i)) },
        /^cells: 100 cells are more than the 99 one plan may hold/,
      ],
    ])(
      'refuses %s naming the field, registering nothing',
      async (_, change, message) => {
        await expect(run({ ...plan, ...change })).rejects.toThrow(
          inputError(message),
        );
        expect(await stored()).toEqual([]);
      },
    );

    it("names the field of the backend's refusal, not 'Request failed with 400'", async () => {
      // A Local Zone this action's catalog knows and the backend does not:
      // the backend refuses the control plane that manages it.
      const catalog = LocationCatalog.fromSnapshot().withExtraLocations([
        {
          id: 'eu-central-1-ham-9a',
          kind: 'local-zone',
          name: 'Hamburg 9',
          country: 'DE',
          parentRegion: 'eu-central-1',
        },
      ]);
      const ctx = mockContext({
        input: {
          ...input,
          ...plan,
          targetLocation: 'eu-central-1-ham-9a',
          cells: [cell(1, { locationId: 'eu-central-1-ham-9a' })],
        },
      });
      await expect(
        createRegisterAction({ ...env, catalog }).handler(ctx as any),
      ).rejects.toThrow(
        inputError(
          /^controlPlane\.managedLocations\.0: 'eu-central-1-ham-9a' is not a known location$/,
        ),
      );
      expect(await stored()).toEqual([]);
    });
  });
});
