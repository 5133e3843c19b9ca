import { expectPositive } from '../__testUtils__/expectPositive';
import { silentLog } from '../lib/log';
import { runCompareBench } from './runCompareBench';

jest.setTimeout(180_000);

describe('yarn bench compare', () => {
  it('ranks a few locations cold through the live Price List, then warm from the cache with no call, against per-Region reads', async () => {
    const result = await runCompareBench(
      { locations: 4, services: 20, requests: 3, baselineRequests: 1 },
      silentLog,
    );
    expect(result.locations).toBe(4);
    expect(result.synthetic).toBe(true);
    expect(result.cold.priceListCalls).toBeGreaterThanOrEqual(
      result.cold.regions * result.cold.lines,
    );
    expect(result.warm.requests).toBe(3);
    expect(result.warm.priceListCalls).toBe(0);
    expect(result.baselinePerRegionNoCache.callsPerRequest).toBe(
      result.cold.priceListCalls,
    );
    expectPositive([
      result.cold.ms,
      result.warm.p50Ms,
      result.warm.p95Ms,
      result.baselinePerRegionNoCache.p50Ms,
    ]);
  });
});
