import { silentLog } from '../lib/log';
import { runPlacementBench } from './runPlacementBench';

describe('yarn bench placement', () => {
  it('places a small world with the engine and the naive scan, and they agree', async () => {
    const result = await runPlacementBench(
      { cells: 200, tenants: 1_000, naiveBudgetMs: 60_000 },
      silentLog,
    );
    expect(result).toMatchObject({
      bench: 'placement',
      cells: 200,
      tenants: 1_000,
      equivalence: { compared: 1_000, mismatches: 0 },
      naive: { tenantsMeasured: 1_000, totalIsExtrapolated: false },
      goals: {
        totalMs: 5000,
        p99Ms: 0.05,
        rssMb: 1536,
        // Judged from this run's figures (timing depends on the machine's load).
        met: {
          totalMs: expect.any(Boolean),
          p99Ms: expect.any(Boolean),
          rssMb: expect.any(Boolean),
        },
      },
    });
    expect(result.placed + result.unplaceable).toBe(1_000);
    expect(result.placed).toBeGreaterThan(0);
    expect(result.unplaceable).toBeGreaterThan(0);
    for (const figure of [
      result.engine.totalMs,
      result.engine.p99Ms,
      result.naive.p99Ms,
      result.speedup,
    ])
      expect(Number.isFinite(figure)).toBe(true);
  });
});
