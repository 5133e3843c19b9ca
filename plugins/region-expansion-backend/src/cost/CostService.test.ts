import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  createAwsSimulatorHandlers,
  createSyntheticOrganization,
  FaultInjector,
  SIMULATOR_TEST_ENDPOINT,
  simulatedPartitionsOf,
  simulatorGovernanceConfig,
} from '@region-expansion/aws-simulator';
import {
  LocationCatalog,
  PRICE_CATALOG_KEYS,
  writePriceSnapshotFile,
} from '@region-expansion/plugin-region-expansion-node';
import { setupServer } from 'msw/node';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CellCostRequest, CostService } from './CostService';

const catalog = LocationCatalog.fromSnapshot();
const org = createSyntheticOrganization(3, {
  partitions: simulatedPartitionsOf(catalog, ['aws', 'aws-eusc']),
  accountsPerPartition: 1,
  findingsPerAccountRegion: 0,
});
const account = org.accounts.find(a => a.partition === 'aws')!.id;
const faults = new FaultInjector({});
const server = setupServer(...createAwsSimulatorHandlers(org, faults));
const dir = mkdtempSync(join(tmpdir(), 'cost-service-'));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  faults.faults.accessDeniedAccounts = [];
});
afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

const request: CellCostRequest = {
  footprint: {
    services: ['ecs', 's3', 'dynamodb'].map(code => ({
      code,
      sources: ['iac' as const],
      actions: [],
    })),
  },
  cellSpec: {
    version: '2026.1',
    capacity: { tenants: 80, loadUnits: 600, quotas: {} },
  },
  encryption: 'customer-managed-kms-key',
};

const LIVE = {
  enabled: true,
  account,
  endpoint: SIMULATOR_TEST_ENDPOINT,
  maxAttempts: 1,
};

function service(pricing: object, logger = mockServices.logger.mock()) {
  return CostService.create({
    config: new ConfigReader({
      ...simulatorGovernanceConfig(org, {}),
      regionExpansion: { pricing },
    } as any),
    logger,
    catalog,
  });
}

describe('CostService', () => {
  it('reads a Region live once, then answers it from the cache', async () => {
    const costs = await service({ live: LIVE });
    const [first, second] = await Promise.all([
      costs.estimate('eu-west-1', request),
      costs.estimate('eu-west-1', request),
    ]);
    expect(first.source).toBe('live');
    expect(second).toEqual(first);
    // One paged GetProducts per catalog line, shared by both requests.
    expect(costs.sources().priceListCalls).toBe(PRICE_CATALOG_KEYS.length);

    const warm = await costs.estimate('eu-west-1', request);
    expect(warm.source).toBe('cache');
    expect({ ...warm, source: 'live' }).toEqual(first);
    expect(costs.sources().priceListCalls).toBe(PRICE_CATALOG_KEYS.length);
    expect(first).toMatchObject({
      synthetic: true,
      currency: 'USD',
      regionCode: 'eu-west-1',
      priceDate: expect.stringMatching(/^\d{4}-/),
      unpriced: [],
      monthlyPerCell: expect.any(Number),
      monthlyPerTenant: expect.any(Number),
    });
  });

  it('prices from the snapshot file without calling the API, and the same as live to the cent', async () => {
    const live = await service({ live: LIVE });
    const fromLive = await live.estimate('eu-central-1', request);
    const file = join(dir, 'snapshot.json');
    await writePriceSnapshotFile(file, {
      formatVersion: 1,
      generatedAt: '2026-12-06T15:00:00.000Z',
      endpoint: SIMULATOR_TEST_ENDPOINT,
      synthetic: true,
      currency: 'USD',
      prices: {
        'eu-central-1': Object.fromEntries(
          fromLive.lines.map(l => [
            l.key,
            {
              serviceCode: l.serviceCode,
              sku: l.sku!,
              unit: l.unit,
              unitPrice: l.unitPrice!,
              effectiveDate: l.effectiveDate!,
            },
          ]),
        ),
      },
      noPrice: {},
    });
    const offline = await service({ snapshotFile: file });
    const fromSnapshot = await offline.estimate('eu-central-1', request);
    expect(fromSnapshot.source).toBe('snapshot');
    expect(fromSnapshot.monthlyPerCell).toBe(fromLive.monthlyPerCell);
    expect(offline.sources()).toEqual({
      snapshot: {
        file,
        generatedAt: '2026-12-06T15:00:00.000Z',
        synthetic: true,
      },
      live: { enabled: false, synthetic: false },
      priceListCalls: 0,
    });
    // A Region the snapshot lacks says how to refresh, without a total.
    const missing = await offline.estimate('eu-west-2', request);
    expect(missing.monthlyPerCell).toBeUndefined();
    expect(missing.lines[0].noPrice!.reason).toMatch(
      /prices refresh --regions eu-west-2/,
    );
  });

  it('gives an aws-eusc Region no price with the reason, never zero', async () => {
    const costs = await service({ live: LIVE });
    const estimate = await costs.estimate('eusc-de-east-1', request);
    expect(estimate.monthlyPerCell).toBeUndefined();
    expect(estimate.unpriced.length).toBe(estimate.lines.length);
    expect(estimate.lines.map(l => l.monthly)).not.toContain(0);
    expect(estimate.lines[0].noPrice!.reason).toMatch(
      /^the Price List API publishes no .*partition aws-eusc\)$/,
    );
  });

  it('names the failure kind but never AWS text or the account when the API refuses', async () => {
    faults.faults.accessDeniedAccounts = [account];
    const logger = mockServices.logger.mock();
    const costs = await service({ live: LIVE }, logger);
    const estimate = await costs.estimate('ap-south-1', request);
    expect(estimate.monthlyPerCell).toBeUndefined();
    expect(estimate.lines[0].noPrice!.reason).toMatch(
      /^the Price List API could not be read for ap-south-1 \(AccessDeniedException\)/,
    );
    expect(JSON.stringify(estimate)).not.toContain(account);
    expect(logger.warn).toHaveBeenCalled();
    // A failure is not cached: the next request reads again.
    faults.faults.accessDeniedAccounts = [];
    expect((await costs.estimate('ap-south-1', request)).source).toBe('live');
  });

  it('says there is no price source when neither snapshot nor live is configured', async () => {
    const costs = await service({});
    const estimate = await costs.estimate('eu-west-1', request);
    expect(estimate.unpriced).toHaveLength(estimate.lines.length);
    expect(estimate.lines[0].noPrice!.reason).toMatch(/^no price source: /);
  });

  it.each([
    [
      'an unknown location',
      'xx-nowhere-1',
      {},
      'locationId: unknown location xx-nowhere-1',
    ],
    [
      'a negative override',
      'eu-west-1',
      { 'storage.s3': -5 },
      'overrides.storage.s3: must not be negative',
    ],
    [
      'an absurd override',
      'eu-west-1',
      { 'storage.s3': 1e18 },
      'overrides.storage.s3: must be at most',
    ],
    [
      'an override of a line the bill lacks',
      'eu-west-1',
      { 'cloudhsm.hours': 1 },
      'overrides.cloudhsm.hours: is not a line',
    ],
  ])(
    'refuses %s with an InputError naming the field',
    async (_, locationId, overrides, message) => {
      const costs = await service({});
      const estimate = costs.estimate(locationId, { ...request, overrides });
      await expect(estimate).rejects.toThrow(InputError);
      await expect(estimate).rejects.toThrow(message);
    },
  );

  it.each([
    [
      { snapshotFile: join(dir, 'absent.json') },
      /^Invalid config at regionExpansion\.pricing\.snapshotFile: .*absent\.json: cannot be read \(ENOENT\)$/,
    ],
    [
      { live: { enabled: true, account: '123' } },
      /^Invalid config at regionExpansion\.pricing\.live\.account: '123' must be a 12-digit account id$/,
    ],
    [
      { live: { endpoint: 'ftp://x' } },
      /^Invalid config at regionExpansion\.pricing\.live\.endpoint: must be an http\(s\) URL$/,
    ],
    [
      { cacheMaxAgeHours: 0 },
      /^Invalid config at regionExpansion\.pricing\.cacheMaxAgeHours: must be a positive number$/,
    ],
  ])(
    'stops the start on bad config %j naming the key',
    async (pricing, message) => {
      await expect(service(pricing)).rejects.toThrow(message);
    },
  );
});
