import type {
  Footprint,
  TenantClass,
} from '@region-expansion/plugin-region-expansion-common';
import { PricingClient } from '@aws-sdk/client-pricing';
import {
  accessKeyIdFor,
  createAwsSimulatorHandlers,
  createSyntheticOrganization,
  SIMULATOR_TEST_ENDPOINT,
  simulatedPartitionsOf,
} from '@region-expansion/aws-simulator';
import { setupServer } from 'msw/node';
import { AvailabilityIndex } from '../availability/AvailabilityIndex';
import { LocationCatalog } from '../locations';
import type { PriceBook } from '../cost/priceBillOfMaterials';
import { PRICE_CATALOG, PRICE_CATALOG_KEYS } from '../cost/priceCatalog';
import { readRegionPrices } from '../cost/readPriceList';
import { checkComparisonInput } from './checkComparisonInput';
import {
  compareLocations,
  comparisonCostRequests,
  type CompareLocationsInput,
} from './compareLocations';
import { priceComparison } from './priceComparison';

// The simulator's Price List over three aws Regions (two in the EU) and
// aws-eusc, which publishes no prices.
const catalog = LocationCatalog.fromSnapshot();
const pricedRegions = ['eu-central-1', 'eu-west-1', 'us-east-1'];
const org = createSyntheticOrganization(7, {
  partitions: simulatedPartitionsOf(catalog, ['aws', 'aws-eusc']).map(p =>
    p.id === 'aws' ? { ...p, regions: pricedRegions } : p,
  ),
  accountsPerPartition: 1,
  regionsPerPartition: 3,
  findingsPerAccountRegion: 0,
});
const server = setupServer(...createAwsSimulatorHandlers(org));
const sim = {
  catalog,
  pricedRegions,
  unpricedRegion: 'eusc-de-east-1',
  client: () =>
    new PricingClient({
      region: 'us-east-1',
      endpoint: SIMULATOR_TEST_ENDPOINT,
      maxAttempts: 1,
      credentials: {
        accessKeyId: accessKeyIdFor(org.accounts[0].id),
        secretAccessKey: 'simulated',
      },
    }),
};
const availability = AvailabilityIndex.fromSnapshot();
const cellSpec = {
  version: 'test',
  capacity: {
    tenants: 80,
    loadUnits: 600,
    quotas: { dedicatedDataStores: 12 },
  },
};
const service = (code: string) => ({
  code,
  sources: ['iac' as const],
  actions: [],
});
const footprint: Footprint = {
  services: ['s3', 'lambda', 'dynamodb', 'kms', 'sqs'].map(service),
  crossRegion: [],
  unknown: [],
};
const euInternal: TenantClass = {
  name: 'eu-internal',
  residency: { jurisdictions: ['EU'] },
  classification: 'internal',
  tier: 'pool',
  expectedTenants: 100,
  loadUnits: 2,
  countries: ['DE'],
};

// Prices of every simulated Region, read once through the real SDK.
const books = new Map<string, PriceBook>();
beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  const lines = PRICE_CATALOG_KEYS.map(key => ({
    key,
    ...PRICE_CATALOG[key],
  }));
  for (const region of [...sim.pricedRegions, sim.unpricedRegion]) {
    const prices = await readRegionPrices(sim.client(), region, lines);
    books.set(region, {
      ...prices,
      source: 'live',
      synthetic: true,
      currency: 'USD',
    });
  }
});

afterAll(() => server.close());

function run(overrides: Partial<CompareLocationsInput> = {}) {
  const tenantClasses = overrides.tenantClasses ?? [euInternal];
  const candidates = checkComparisonInput(sim.catalog, {
    tenantClasses,
    candidates: [...sim.pricedRegions, sim.unpricedRegion],
  });
  const base = {
    footprint,
    footprintSource: 'request' as const,
    tenantClasses,
    candidates,
    catalog: sim.catalog,
    availability,
    cellSpec,
    ...overrides,
  };
  const estimates = priceComparison({
    requests: comparisonCostRequests(base),
    footprint: base.footprint,
    catalog: sim.catalog,
    books: region =>
      books.get(region) ?? { unavailable: `not read: ${region}` },
  });
  return compareLocations({
    readiness: new Map(),
    estimates,
    ...base,
  });
}

describe('compareLocations', () => {
  it('ranks the locations that can serve the class first, and names the rule that rules each other one out', () => {
    const [result] = run().classes;
    const qualifying = result.ranked.filter(r => r.qualifies);
    expect(result.qualifying).toBe(qualifying.length);
    expect(result.ranked.slice(0, qualifying.length)).toEqual(qualifying);
    expect(result.ranked.map(r => r.rank)).toEqual(
      result.ranked.map((_, i) => i + 1),
    );
    const us = result.ranked.find(r => r.locationId === 'us-east-1')!;
    expect(us.qualifies).toBe(false);
    expect(us.gaps).toContainEqual(
      expect.objectContaining({
        kind: 'residency',
        rule: 'residency-requirement',
      }),
    );
    expect(us.why[0]).toMatch(/^ruled out by residency-requirement: /);
  });

  it('says "no price" with the reason for a partition without published prices, never 0, and ranks it after the priced', () => {
    const [result] = run({
      tenantClasses: [{ ...euInternal, residency: {} }],
    }).classes;
    const eusc = result.ranked.find(r => r.locationId === sim.unpricedRegion)!;
    expect(eusc.cost.status).toBe('no-price');
    expect(eusc.cost.monthlyPerTenant).toBeUndefined();
    expect(eusc.cost.monthlyPerCell).toBeUndefined();
    expect(eusc.cost.noPriceReasons.join(' ')).toMatch(
      /publishes no .* product in eusc-/,
    );
    expect(eusc.why.some(w => w.startsWith('no price: '))).toBe(true);
    const priced = result.ranked.filter(
      r => r.qualifies && r.cost.status === 'priced',
    );
    expect(priced.length).toBeGreaterThan(0);
    for (const p of priced) {
      expect(p.cost.monthlyPerTenant).toBeGreaterThan(0);
      expect(p.cost.synthetic).toBe(true);
      expect(p.rank).toBeLessThan(eusc.rank);
    }
  });

  it('sizes restricted data in dedicated cells, one per tenant, and lists what the advised key custody adds', () => {
    const restricted: TenantClass = {
      ...euInternal,
      name: 'restricted',
      classification: 'restricted',
      tier: 'pool',
      expectedTenants: 7,
    };
    const [result] = run({ tenantClasses: [restricted] }).classes;
    const best = result.ranked[0];
    expect(best.advice.isolation.choice).toBe('silo');
    expect(best.cost.cellsNeeded).toBe(7);
    expect(best.cost.architectureExtras.length).toBeGreaterThan(0);
    expect(best.why.join('\n')).toMatch(/advice: .*encryption /);
  });

  it('pools tenants into as many standard cells as slots and load ask', () => {
    const heavy = { ...euInternal, expectedTenants: 100, loadUnits: 30 };
    const [result] = run({ tenantClasses: [heavy] }).classes;
    // 100 x 30 load units over 600 per cell: 5 cells (slots ask for 2).
    expect(result.ranked[0].cost.cellsNeeded).toBe(5);
  });

  it('rules out a location that lacks a service of the footprint, naming the service', () => {
    const [region] = sim.pricedRegions;
    const missing = ['s3', 'ec2', 'lambda', 'cloudhsm', 'sagemaker', 'outposts']
      .concat(availability.servicesIn('us-east-1'))
      .find(code => !availability.has(code, sim.unpricedRegion))!;
    expect(availability.has(missing, region)).toBe(true);
    const [result] = run({
      footprint: { ...footprint, services: [service(missing)] },
      tenantClasses: [{ ...euInternal, residency: {} }],
    }).classes;
    const eusc = result.ranked.find(r => r.locationId === sim.unpricedRegion)!;
    expect(eusc.gaps).toContainEqual(
      expect.objectContaining({
        kind: 'availability',
        rule: 'service-not-offered',
        service: missing,
      }),
    );
  });

  it('puts a ready location above a pilot one and says what decided it', () => {
    const [a, b] = ['eu-central-1', 'eu-west-1'];
    const readiness = new Map([
      [a, { level: 'pilot' as const, evaluatedAt: '2026-12-01T00:00:00Z' }],
      [b, { level: 'ready' as const, evaluatedAt: '2026-12-01T00:00:00Z' }],
    ]);
    const [result] = run({ readiness }).classes;
    const ranks = new Map(result.ranked.map(r => [r.locationId, r]));
    expect(ranks.get(b)!.rank).toBeLessThan(ranks.get(a)!.rank);
    expect(ranks.get(a)!.why.at(-1)).toMatch(/^ranks below .*readiness pilot/);
  });

  it('dates the latency model and the availability data it used', () => {
    const result = run();
    expect(result.availabilityDate).toBe(availability.snapshotDate);
    expect(result.synthetic).toBe(true);
    for (const r of result.classes[0].ranked) {
      expect(r.latency.modelDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});
