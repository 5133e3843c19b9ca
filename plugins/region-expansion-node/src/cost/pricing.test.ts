import type { CellSpec } from '@region-expansion/plugin-region-expansion-common';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { usePricingSimulator } from '../__testUtils__/pricingSimulator';
import { billOfMaterials } from './billOfMaterials';
import { priceBillOfMaterials, PriceBook } from './priceBillOfMaterials';
import { PRICE_CATALOG, PRICE_CATALOG_KEYS } from './priceCatalog';
import {
  createPriceSnapshot,
  pricesFromSnapshot,
  readPriceSnapshotFile,
  writePriceSnapshotFile,
} from './priceSnapshot';
import { readRegionPrices } from './readPriceList';

const sim = usePricingSimulator();
const everyLine = PRICE_CATALOG_KEYS.map(key => ({
  key,
  ...PRICE_CATALOG[key],
}));
const spec: Pick<CellSpec, 'version' | 'capacity'> = {
  version: '2026.1',
  capacity: { tenants: 80, loadUnits: 600, quotas: {} },
};
const bom = billOfMaterials(
  {
    services: ['ecs', 's3', 'dynamodb', 'lambda', 'sqs'].map(code => ({
      code,
      sources: ['iac' as const],
      actions: [],
    })),
  },
  spec,
  { encryption: 'cloudhsm' },
);
const live = (regionCode: string) =>
  readRegionPrices(sim.client(), regionCode, everyLine).then(
    (r): PriceBook => ({
      ...r,
      source: 'live',
      synthetic: true,
      currency: 'USD',
    }),
  );

describe('readRegionPrices', () => {
  it('prices every catalog line in a priced Region with SKU, unit and date', async () => {
    const [region] = sim.pricedRegions;
    const prices = await live(region);
    expect(prices.noPrice).toEqual({});
    expect(Object.keys(prices.prices).sort()).toEqual(
      [...PRICE_CATALOG_KEYS].sort(),
    );
    expect(prices.prices['compute.instance-hours']).toEqual({
      serviceCode: 'AmazonEC2',
      sku: expect.stringMatching(/^[0-9A-Z]{7,}$/),
      unit: 'Hrs',
      unitPrice: expect.any(Number),
      effectiveDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
  });

  it('pages GetProducts with NextToken and reports each call', async () => {
    const calls: string[] = [];
    // A broad filter (every Linux instance type) so the answer spans pages.
    const prices = await readRegionPrices(
      sim.client(),
      sim.pricedRegions[0],
      [
        {
          key: 'compute.instance-hours',
          ...PRICE_CATALOG['compute.instance-hours'],
          attributes: { operatingSystem: 'Linux' },
        },
      ],
      { pageSize: 1, onCall: c => calls.push(c.serviceCode) },
    );
    // Three instance types match; one per page, and the last page has no token.
    expect(calls).toEqual(['AmazonEC2', 'AmazonEC2', 'AmazonEC2']);
    expect(prices.prices['compute.instance-hours'].unit).toBe('Hrs');
  });

  it('says a matching product is not priced in the line unit, rather than using it', async () => {
    const prices = await readRegionPrices(sim.client(), sim.pricedRegions[0], [
      {
        key: 'compute.instance-hours',
        ...PRICE_CATALOG['compute.instance-hours'],
        unit: 'GB-Mo',
      },
    ]);
    expect(prices.prices).toEqual({});
    expect(prices.noPrice['compute.instance-hours']).toMatch(
      /has 1 AmazonEC2 .* product\(s\) in .* but none with an on-demand USD price per GB-Mo$/,
    );
  });

  it('gets every price through throttling with the SDK retries', async () => {
    sim.faults.faults.throttlePercent = 30;
    const prices = await readRegionPrices(
      sim.client(8),
      sim.pricedRegions[1],
      everyLine,
    );
    expect(prices.noPrice).toEqual({});
    expect(Object.keys(prices.prices)).toHaveLength(everyLine.length);
  });

  it('gives every line of an aws-eusc Region a no-price reason, never zero', async () => {
    const prices = await live(sim.unpricedRegion);
    expect(prices.prices).toEqual({});
    expect(prices.noPrice['kms.keys']).toBe(
      `the Price List API publishes no awskms group=KMS-Keys product in ${sim.unpricedRegion}`,
    );
    const estimate = priceBillOfMaterials(
      bom,
      { id: sim.unpricedRegion, kind: 'region', partition: 'aws-eusc' },
      prices,
      { tenantsPerCell: 80 },
    );
    expect(estimate.monthlyPerCell).toBeUndefined();
    expect(estimate.monthlyPerTenant).toBeUndefined();
    expect(estimate.unpriced).toEqual(bom.map(l => l.key));
    expect(estimate.lines.every(l => l.monthly === undefined)).toBe(true);
    expect(estimate.lines[0].noPrice!.reason).toMatch(
      /publishes no .* \(location eusc-.*, partition aws-eusc\)$/,
    );
  });
});

describe('a price snapshot', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'price-snapshot-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('written, read back offline, prices the same bill of materials as the live API to the cent', async () => {
    const regions = [...sim.pricedRegions, sim.unpricedRegion];
    const books = await Promise.all(regions.map(live));
    const file = join(dir, 'prices.json');
    await writePriceSnapshotFile(
      file,
      createPriceSnapshot({
        generatedAt: new Date('2026-12-06T15:00:00Z'),
        endpoint: 'http://aws-simulator.test',
        synthetic: true,
        currency: 'USD',
        regions: books,
      }),
    );
    const snapshot = await readPriceSnapshotFile(file);
    const keys = bom.map(l => l.key);
    for (const [i, regionCode] of regions.entries()) {
      const location = {
        id: regionCode,
        kind: 'region' as const,
        partition: i < sim.pricedRegions.length ? 'aws' : 'aws-eusc',
      };
      const fromLive = priceBillOfMaterials(bom, location, books[i], {
        tenantsPerCell: 80,
      });
      const fromSnapshot = priceBillOfMaterials(
        bom,
        location,
        pricesFromSnapshot(snapshot, regionCode, keys),
        { tenantsPerCell: 80 },
      );
      expect(fromSnapshot.source).toBe('snapshot');
      expect({ ...fromSnapshot, source: 'live' }).toEqual(fromLive);
    }
    const priced = priceBillOfMaterials(
      bom,
      { id: regions[0], kind: 'region', partition: 'aws' },
      books[0],
      { tenantsPerCell: 80 },
    );
    expect(priced.synthetic).toBe(true);
    expect(priced.monthlyPerCell).toBeGreaterThan(0);
    expect(priced.monthlyPerCell! * 100).toBeCloseTo(
      Math.round(priced.monthlyPerCell! * 100),
      6,
    );
  });

  it('tells how to refresh when it lacks the Region', () => {
    const snapshot = createPriceSnapshot({
      generatedAt: new Date('2026-12-06T15:00:00Z'),
      endpoint: 'aws',
      synthetic: false,
      currency: 'USD',
      regions: [],
    });
    expect(
      pricesFromSnapshot(snapshot, 'eu-west-2', ['storage.s3']).noPrice,
    ).toEqual({
      'storage.s3':
        'the price snapshot of 2026-12-06T15:00:00.000Z has no price for storage.s3 in eu-west-2: refresh it with `yarn region-expansion prices refresh --regions eu-west-2`',
    });
  });
});
