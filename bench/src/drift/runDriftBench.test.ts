import { DEFAULT_ORGANIZATIONS_RATE_LIMIT } from '@region-expansion/plugin-region-expansion-node';
import { driftOptions } from '../benchOptions';
import { silentLog } from '../lib/log';
import { runDriftBench } from './runDriftBench';

jest.setTimeout(120_000);

describe('yarn bench drift', () => {
  it('checks a small organization at a fast rate and finds every seeded drift', async () => {
    const result = await runDriftBench(
      { accounts: 60, ous: 30, scps: 20, plans: 8, ratePerSecond: 200 },
      silentLog,
    );
    expect(result.organization).toEqual({
      accounts: 60,
      ous: 30,
      scps: 20,
      plans: 8,
    });
    expect(result.mismatches).toBe(0);
    expect(result.statuses.unknown).toBe(0);
    expect(result.calls).toBe(
      Object.values(result.callsByOperation).reduce((a, b) => a + b, 0),
    );
    expect(result.idealSeconds).toBeCloseTo(result.calls / 200);
    expect(result.seconds).toBeGreaterThan(0);
  });

  it('defaults to the rate the drift checker paces at', () => {
    expect(driftOptions.ratePerSecond.default).toBe(
      DEFAULT_ORGANIZATIONS_RATE_LIMIT.ratePerSecond,
    );
  });

  it('refuses a rate that is not a positive number', async () => {
    await expect(
      runDriftBench({ ratePerSecond: 0 }, silentLog),
    ).rejects.toThrow('ratePerSecond must be a positive number, got 0');
  });
});
