import { expectPositive } from '../__testUtils__/expectPositive';
import { testDatabase, testPostgres } from '../__testUtils__/testPostgres';
import { parseReplicas } from '../benchOptions';
import { silentLog } from '../lib/log';
import { runGovernanceSyncBench } from './runGovernanceSyncBench';

jest.setTimeout(180_000);

/** A small organization: every scenario in seconds. */
const SMALL = {
  findings: 400,
  accounts: 2,
  regions: 2,
  concurrency: 2,
  limitedFindings: 200,
  limitedAccounts: 2,
};

describe('yarn bench governance-sync', () => {
  it('syncs a small organization through the backend: full, incremental and rate-limited, summaries checked', async () => {
    const result = await runGovernanceSyncBench(
      { ...SMALL, database: testDatabase },
      silentLog,
    );
    expect(result.organization.findings).toBe(400);
    expect(result.rawPaging.findings).toBe(400);
    expect(result.fullSync.findings).toBe(400);
    expect(result.incremental).toMatchObject({
      changed: 4,
      fetched: 4,
      storedAfter: 400,
      goalMet: true,
    });
    expect(result.rateLimited).toMatchObject({
      findings: 200,
      targets: 2,
      throttledBySimulator: 0,
    });
    expect(result.rateLimited.summariesVerified).toBeGreaterThan(0);
    expect(result.rateLimited.transactionMs.count).toBeGreaterThan(0);
    expectPositive([
      result.rawPaging.findingsPerSecond,
      result.fullSync.findingsPerSecond,
      result.rateLimited.percentOfCeiling,
      result.peakRssMb,
    ]);
  });

  it.each([0, 2.5, 5])('refuses --replicas %p, naming the option', value => {
    expect(() => parseReplicas(value)).toThrow(
      `--replicas: must be a whole number from 1 to 4, got ${value}`,
    );
  });

  it('refuses more than one replica on SQLite before starting anything', async () => {
    await expect(
      runGovernanceSyncBench(
        { replicas: 2, database: 'sqlite', findings: 40, accounts: 1 },
        silentLog,
      ),
    ).rejects.toThrow('--replicas: 2 replicas need PostgreSQL');
  });

  // Replicas share a database only on PostgreSQL.
  (testPostgres ? describe : describe.skip)('on PostgreSQL', () => {
    it('syncs the rate-limited organization from two backends at once within the documented limit', async () => {
      // 12 pages per target and replica: paced, not all in the burst.
      const result = await runGovernanceSyncBench(
        { ...SMALL, limitedFindings: 2400, replicas: 2, database: 'postgres' },
        silentLog,
      );
      const replicated = result.replicated!;
      expect(replicated).toMatchObject({
        replicas: 2,
        targets: 2,
        findingsPerReplica: 2400,
        throttledBySimulator: 0,
      });
      expect(replicated.windows.map(w => w.within)).toEqual([true, true]);
      expect(replicated.summariesVerified).toBeGreaterThan(0);
      expectPositive([replicated.percentOfSingleInstance]);
    });
  });
});
