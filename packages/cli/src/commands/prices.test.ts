import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import {
  accessKeyIdFor,
  RunningAwsSimulator,
  simulatedPartitionsOf,
  startAwsSimulator,
} from '@region-expansion/aws-simulator';
import {
  billOfMaterials,
  createPriceListClient,
  LocationCatalog,
  priceBillOfMaterials,
  pricesFromSnapshot,
  readPriceSnapshotFile,
  readRegionPrices,
} from '@region-expansion/plugin-region-expansion-node';
import { CliInputError } from '../errors';
import { TempFolder } from '../__testUtils__/TempFolder';
import { refreshPrices, regionsOf } from './prices';

jest.setTimeout(60_000);

const BIN = path.resolve(__dirname, '../../bin/region-expansion');
const catalog = LocationCatalog.fromSnapshot();
const folder = new TempFolder('region-expansion-prices-');
let simulator: RunningAwsSimulator;
let credentials: { accessKeyId: string; secretAccessKey: string };

beforeAll(async () => {
  // A real HTTP simulator on a free loopback port: the CLI runs as its own
  // process, as in a pipeline.
  simulator = await startAwsSimulator({
    seed: 11,
    size: {
      partitions: simulatedPartitionsOf(catalog, ['aws', 'aws-eusc']),
      accountsPerPartition: 1,
      findingsPerAccountRegion: 0,
    },
  });
  credentials = {
    accessKeyId: accessKeyIdFor(simulator.organization.accounts[0].id),
    secretAccessKey: 'simulated',
  };
});
afterAll(async () => {
  await simulator.stop();
  folder.remove();
});

/** Runs bin/region-expansion without blocking the simulator in this process. */
function run(...args: string[]) {
  return new Promise<{ code: number; stdout: string; stderr: string }>(
    resolve => {
      execFile(
        process.execPath,
        [BIN, ...args],
        {
          timeout: 60_000,
          // The command uses the SDK's default credential chain, as on AWS.
          env: {
            ...process.env,
            AWS_ACCESS_KEY_ID: credentials.accessKeyId,
            AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
          },
        },
        (error, stdout, stderr) =>
          resolve({
            code: error ? Number(error.code ?? 1) : 0,
            stdout: String(stdout),
            stderr: String(stderr),
          }),
      );
    },
  );
}

const REGIONS = ['eu-west-1', 'eu-central-1', 'us-east-1', 'eusc-de-east-1'];

describe('prices refresh', () => {
  it('writes a snapshot that prices the same bill of materials as the live API to the cent', async () => {
    const file = folder.at('prices.json');
    const result = await run(
      'prices',
      'refresh',
      '--regions',
      REGIONS.join(','),
      '--out',
      file,
      '--endpoint',
      simulator.url,
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^SYNTHETIC prices \(read from http:\/\/127\.0\.0\.1:\d+, not AWS\): wrote .*prices\.json dated \S+: 4 Regions, \d+ prices, 16 lines without a price, \d+ GetProducts calls\n$/,
    );

    const snapshot = await readPriceSnapshotFile(file);
    expect(snapshot.synthetic).toBe(true);
    const bom = billOfMaterials(
      {
        services: ['ecs', 's3', 'dynamodb', 'lambda', 'sqs', 'kms'].map(
          code => ({ code, sources: ['iac' as const], actions: [] }),
        ),
      },
      {
        version: '2026.1',
        capacity: { tenants: 80, loadUnits: 600, quotas: {} },
      },
      { encryption: 'cloudhsm', overrides: { 'data-transfer.out': 12345.6 } },
    );
    const client = createPriceListClient({
      endpoint: simulator.url,
      credentials,
      maxAttempts: 1,
    });
    const totals = new Map<
      string,
      { snapshot?: number; live?: number; reason?: string }
    >();
    for (const regionCode of REGIONS) {
      const location = catalog.require(regionCode);
      const live = await readRegionPrices(client, regionCode, bom);
      const fromLive = priceBillOfMaterials(
        bom,
        location,
        { ...live, source: 'live', synthetic: true, currency: 'USD' },
        { tenantsPerCell: 80 },
      );
      const fromSnapshot = priceBillOfMaterials(
        bom,
        location,
        pricesFromSnapshot(
          snapshot,
          regionCode,
          bom.map(l => l.key),
        ),
        { tenantsPerCell: 80 },
      );
      expect(fromSnapshot.lines.map(l => [l.key, l.sku, l.monthly])).toEqual(
        fromLive.lines.map(l => [l.key, l.sku, l.monthly]),
      );
      totals.set(regionCode, {
        snapshot: fromSnapshot.monthlyPerCell,
        live: fromLive.monthlyPerCell,
        reason: fromSnapshot.lines[0].noPrice?.reason,
      });
    }
    for (const regionCode of REGIONS.slice(0, 3)) {
      const { snapshot: cell, live, reason } = totals.get(regionCode)!;
      expect(cell).toBe(live);
      expect(live).toBeGreaterThan(0);
      expect(reason).toBeUndefined();
    }
    // aws-eusc: no total and the API's reason, never zero.
    expect(totals.get('eusc-de-east-1')).toEqual({
      snapshot: undefined,
      live: undefined,
      reason: expect.stringMatching(/^the Price List API publishes no /),
    });
  });

  it('exits 2 with one line naming the option on bad input', async () => {
    const result = await run(
      'prices',
      'refresh',
      '--regions',
      'eu-west-1,xx-nowhere-1',
      '--out',
      folder.at('bad.json'),
    );
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'region-expansion: --regions: unknown Region xx-nowhere-1\n',
    });
  });

  it('exits 3 with one line and writes no snapshot when the Price List API refuses', async () => {
    const account = simulator.organization.accounts[0].id;
    simulator.faults.faults.accessDeniedAccounts = [account];
    try {
      const file = folder.at('refused.json');
      const result = await run(
        'prices',
        'refresh',
        '--regions',
        'eu-west-1',
        '--out',
        file,
        '--endpoint',
        simulator.url,
      );
      expect(result).toEqual({
        code: 3,
        stdout: '',
        stderr: `region-expansion: the Price List API at ${simulator.url} failed for eu-west-1 (AccessDeniedException)\n`,
      });
      expect(existsSync(file)).toBe(false);
    } finally {
      simulator.faults.faults.accessDeniedAccounts = [];
    }
  });

  it.each([
    [
      { regions: ' , ' },
      '--regions: must be `all` or a comma-separated list of Region codes',
    ],
    [{ endpoint: 'ftp://x' }, '--endpoint: must be an http or https URL'],
    [
      { endpoint: 'not a url' },
      '--endpoint: must be an http(s) URL such as http://127.0.0.1:4566',
    ],
    [
      { out: '/no/such/folder/p.json' },
      '--out: folder /no/such/folder does not exist',
    ],
  ])('refuses %j before reading any price', async (options, message) => {
    const before = simulator.faults.totalRequests;
    const refresh = refreshPrices({
      regions: 'eu-west-1',
      out: folder.at('bad.json'),
      endpoint: simulator.url,
      ...options,
    });
    await expect(refresh).rejects.toThrow(CliInputError);
    await expect(refresh).rejects.toThrow(message);
    expect(simulator.faults.totalRequests).toBe(before);
  });
});

describe('regionsOf', () => {
  it('reads every Region of the catalog for `all`', () => {
    expect(regionsOf('all', catalog)).toEqual(catalog.regions().map(r => r.id));
  });

  it('refuses a Local Zone and names its Region', () => {
    const withZone = catalog.withExtraLocations([
      {
        id: 'us-west-2-lax-1a',
        kind: 'local-zone',
        name: 'Los Angeles',
        country: 'US',
        parentRegion: 'us-west-2',
      },
    ]);
    expect(() => regionsOf('us-west-2-lax-1a', withZone)).toThrow(
      '--regions: us-west-2-lax-1a is a local-zone; prices are read per Region (its Region is us-west-2)',
    );
  });
});
