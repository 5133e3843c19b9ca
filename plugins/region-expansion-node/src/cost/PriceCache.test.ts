import { PriceCache } from './PriceCache';
import { priceBookFixture } from '../__testUtils__/priceBookFixture';

describe('PriceCache', () => {
  it('answers the cached lines labelled cache, with their price date', () => {
    const cache = new PriceCache({ now: () => 0 });
    cache.set(priceBookFixture());
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
    cache.set(priceBookFixture());
    expect(cache.get('eu-west-1', ['requests.s3'])).toBeUndefined();
    expect(cache.get('eu-west-2', ['storage.s3'])).toBeUndefined();
    now = 1001;
    expect(cache.get('eu-west-1', ['storage.s3'])).toBeUndefined();
    expect(cache.size).toBe(0);
  });
});
