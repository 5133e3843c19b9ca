import { PriceCache } from './PriceCache';
import { priceRegionOf, type PriceBook } from './priceBillOfMaterials';
import { parsePriceSnapshot } from './priceSnapshot';
import { isSyntheticPriceEndpoint } from './syntheticPrices';

const book = (over: Partial<PriceBook> = {}): PriceBook => ({
  regionCode: 'eu-west-1',
  prices: {
    'storage.s3': {
      serviceCode: 'AmazonS3',
      sku: 'ABC1234',
      unit: 'GB-Mo',
      unitPrice: 0.024,
      effectiveDate: '2026-11-01T00:00:00.000Z',
    },
  },
  noPrice: { 'cloudhsm.hours': 'not offered' },
  source: 'live',
  synthetic: true,
  currency: 'USD',
  ...over,
});

describe('PriceCache', () => {
  it('answers the cached lines labelled cache, with their price date', () => {
    const cache = new PriceCache({ now: () => 0 });
    cache.set(book());
    const cached = cache.get('eu-west-1', ['storage.s3', 'cloudhsm.hours'])!;
    expect(cached.source).toBe('cache');
    expect(cached.prices['storage.s3'].effectiveDate).toBe(
      '2026-11-01T00:00:00.000Z',
    );
    expect(cached.noPrice).toEqual({ 'cloudhsm.hours': 'not offered' });
  });

  it('misses when a line is unknown or the entry is older than maxAgeMs', () => {
    let now = 0;
    const cache = new PriceCache({ maxAgeMs: 1000, now: () => now });
    cache.set(book());
    expect(cache.get('eu-west-1', ['requests.s3'])).toBeUndefined();
    expect(cache.get('eu-west-2', ['storage.s3'])).toBeUndefined();
    now = 1001;
    expect(cache.get('eu-west-1', ['storage.s3'])).toBeUndefined();
    expect(cache.size).toBe(0);
  });
});

describe('isSyntheticPriceEndpoint', () => {
  it.each([
    [undefined, false],
    ['https://api.pricing.us-east-1.amazonaws.com', false],
    ['https://api.pricing.cn-northwest-1.amazonaws.com.cn', false],
    ['http://127.0.0.1:4566', true],
    ['http://aws-simulator.test', true],
    ['https://amazonaws.com.example.org', true],
    ['not a url', true],
  ])('%s is synthetic: %s', (endpoint, synthetic) => {
    expect(isSyntheticPriceEndpoint(endpoint)).toBe(synthetic);
  });
});

describe('parsePriceSnapshot', () => {
  const valid = {
    formatVersion: 1,
    generatedAt: '2026-12-06T15:00:00.000Z',
    endpoint: 'aws',
    synthetic: false,
    currency: 'USD',
    prices: { 'eu-west-1': { 'storage.s3': book().prices['storage.s3'] } },
    noPrice: {},
  };

  it('reads a valid snapshot', () => {
    expect(parsePriceSnapshot(JSON.stringify(valid), 'p.json')).toEqual(valid);
  });

  it.each([
    ['not JSON', '{', /^p\.json: is not JSON/],
    [
      'a negative price',
      JSON.stringify({
        ...valid,
        prices: {
          'eu-west-1': {
            'storage.s3': { ...book().prices['storage.s3'], unitPrice: -1 },
          },
        },
      }),
      /^p\.json\.prices\.eu-west-1\.storage\.s3\.unitPrice: must not be negative$/,
    ],
    [
      'a missing date',
      JSON.stringify({ ...valid, generatedAt: undefined }),
      /^p\.json\.generatedAt: /,
    ],
  ])('rejects %s naming the field', (_, text, message) => {
    expect(() => parsePriceSnapshot(text, 'p.json')).toThrow(message);
  });
});

describe('priceRegionOf', () => {
  it('prices a Region with its own prices and a Local Zone or Outpost with its parent Region', () => {
    expect(priceRegionOf({ id: 'eu-west-1', kind: 'region' })).toBe(
      'eu-west-1',
    );
    expect(
      priceRegionOf({
        id: 'us-west-2-lax-1a',
        kind: 'local-zone',
        parentRegion: 'us-west-2',
      }),
    ).toBe('us-west-2');
  });

  it('refuses a location without a parent Region, naming the field', () => {
    expect(() => priceRegionOf({ id: 'op-1', kind: 'outpost' })).toThrow(
      'locationId: op-1 (outpost) has no parent Region to price it in',
    );
  });
});
