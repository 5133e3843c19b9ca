import {
  accessKeyIdFor,
  simulatedPartitionsOf,
  startAwsSimulator,
} from '@region-expansion/aws-simulator';
import {
  createPriceListClient,
  createPriceSnapshot,
  LocationCatalog,
  PRICE_CATALOG,
  PRICE_CATALOG_KEYS,
  readRegionPrices,
} from '@region-expansion/plugin-region-expansion-node';
import { runCliProcess } from '../__testUtils__/runCliProcess';
import { TempFolder } from '../__testUtils__/TempFolder';

jest.setTimeout(60_000);

const catalog = LocationCatalog.fromSnapshot();
const PRICED = ['eu-central-1', 'eu-west-1', 'us-east-1'];
const folder = new TempFolder('region-expansion-compare-');
const footprint = {
  services: ['s3', 'lambda', 'dynamodb'].map(code => ({
    code,
    sources: ['iac'],
    actions: [],
  })),
  crossRegion: [],
  unknown: [],
};

beforeAll(async () => {
  // A snapshot of the simulator's prices, as `prices refresh` writes one.
  const simulator = await startAwsSimulator({
    seed: 5,
    size: {
      partitions: simulatedPartitionsOf(catalog, ['aws', 'aws-eusc']).map(p =>
        p.id === 'aws' ? { ...p, regions: PRICED } : p,
      ),
      accountsPerPartition: 1,
      regionsPerPartition: 3,
      findingsPerAccountRegion: 0,
    },
  });
  const client = createPriceListClient({
    endpoint: simulator.url,
    maxAttempts: 1,
    credentials: {
      accessKeyId: accessKeyIdFor(simulator.organization.accounts[0].id),
      secretAccessKey: 'simulated',
    },
  });
  const lines = PRICE_CATALOG_KEYS.map(key => ({ key, ...PRICE_CATALOG[key] }));
  const regions = await Promise.all(
    [...PRICED, 'eusc-de-east-1'].map(r => readRegionPrices(client, r, lines)),
  ).finally(() => simulator.stop());
  folder.write(
    'prices.json',
    JSON.stringify(
      createPriceSnapshot({
        generatedAt: new Date('2026-12-06T00:00:00Z'),
        endpoint: 'http://127.0.0.1 (simulator)',
        synthetic: true,
        currency: 'USD',
        regions,
      }),
    ),
  );
  folder.write('footprint.json', JSON.stringify(footprint));
  folder.write(
    'classes.yaml',
    [
      '- name: eu-restricted',
      '  residency: { jurisdictions: [EU] }',
      '  classification: restricted',
      '  tier: silo',
      '  expectedTenants: 4',
      '  loadUnits: 10',
      '  countries: [DE, FR]',
      '- name: anywhere',
      '  classification: internal',
      '  tier: pool',
      '  expectedTenants: 200',
      '  loadUnits: 1',
      '  countries: [US]',
    ].join('\n'),
  );
});
afterAll(() => folder.remove());

/** Runs the CLI as its own process, as a pipeline does. */
const compare = (...args: string[]) => runCliProcess(['compare', ...args]);

const CANDIDATES = `--candidates=${[...PRICED, 'eusc-de-east-1'].join(',')}`;

describe('region-expansion compare', () => {
  it('ranks per class as JSON with synthetic snapshot prices, no price for aws-eusc, and exits 0 when every class has a location', async () => {
    const { code, stdout } = await compare(
      `--footprint=${folder.at('footprint.json')}`,
      `--classes=${folder.at('classes.yaml')}`,
      `--prices=${folder.at('prices.json')}`,
      CANDIDATES,
      '--json',
    );
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.synthetic).toBe(true);
    expect(result.classes.map((c: any) => c.name)).toEqual([
      'eu-restricted',
      'anywhere',
    ]);
    const eu = result.classes[0].ranked;
    // Restricted data of DE stays in DE: Frankfurt (priced) before the
    // sovereign cloud (no price); Ireland is ruled out by the regime.
    expect(eu.slice(0, 2).map((r: any) => r.locationId)).toEqual([
      'eu-central-1',
      'eusc-de-east-1',
    ]);
    const ireland = eu.find((r: any) => r.locationId === 'eu-west-1');
    expect(ireland.qualifies).toBe(false);
    expect(ireland.gaps[0].kind).toBe('residency');
    expect(eu[0].cost).toEqual(
      expect.objectContaining({
        status: 'priced',
        source: 'snapshot',
        cellsNeeded: 4,
      }),
    );
    const eusc = eu.find((r: any) => r.locationId === 'eusc-de-east-1');
    expect(eusc.cost.status).toBe('no-price');
    expect(eusc.cost.monthlyPerTenant).toBeUndefined();
  });

  it('prints a table with the synthetic label and each rank’s reasons', async () => {
    const { code, stdout } = await compare(
      `--footprint=${folder.at('footprint.json')}`,
      '--countries=DE',
      '--residency=EU',
      '--tenants=50',
      `--prices=${folder.at('prices.json')}`,
      CANDIDATES,
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/prices: SYNTHETIC/);
    expect(stdout).toMatch(/^rank +location +qualifies/m);
    expect(stdout).toMatch(/us-east-1 +no \(residency-requirement\)/);
    expect(stdout).toMatch(/- no price: /);
  });

  it('exits 1 when no location qualifies for a class', async () => {
    const { code } = await compare(
      `--footprint=${folder.at('footprint.json')}`,
      '--countries=DE',
      '--residency=EU',
      '--candidates=us-east-1',
    );
    expect(code).toBe(1);
  });

  it.each([
    [
      ['--countries=DE', '--candidates=mars-1'],
      /candidates\.0: 'mars-1' is not a known location/,
    ],
    [
      ['--countries=DE', '--tenants=-3'],
      /tenantClasses\.0\.expectedTenants: must be at least 1/,
    ],
    [
      ['--countries=US', '--residency=aws-eusc,US'],
      /tenantClasses\.0\.residency\.countries: .*aws-eusc/,
    ],
    [[], /tenantClasses\.0\.countries: must name at least one country/],
    [
      ['--countries=DE', '--override=storage.s3=-1'],
      /bomOverrides\.storage\.s3: must not be negative/,
    ],
  ])('exits 2 naming the field for %j', async (args, message) => {
    const { code, stderr } = await compare(
      `--footprint=${folder.at('footprint.json')}`,
      ...args,
    );
    expect([code, stderr]).toEqual([2, expect.stringMatching(message)]);
  });

  it('exits 2 for an empty footprint, naming it', async () => {
    folder.write('empty.json', JSON.stringify({ ...footprint, services: [] }));
    const { code, stderr } = await compare(
      `--footprint=${folder.at('empty.json')}`,
      '--countries=DE',
    );
    expect([code, stderr]).toEqual([
      2,
      expect.stringMatching(
        /footprint\.services: must name at least one service/,
      ),
    ]);
  });
});
