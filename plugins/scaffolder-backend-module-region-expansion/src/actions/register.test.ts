import yaml from 'yaml';
import { RegionExpansionClient } from '@region-expansion/plugin-region-expansion-common';
import {
  mockContext,
  startRegionExpansionBackend,
} from '../__testUtils__/regionExpansionBackend';
import { examples } from './register.examples';
import { createRegisterAction } from './register';

jest.setTimeout(60_000);

const input = yaml.parse(examples[0].example).steps[0].input;

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
      await c.listCells({ locationId: 'eu-central-1' }, { token }),
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
});
