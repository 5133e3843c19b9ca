import { expectPositive } from '../__testUtils__/expectPositive';
import { testDatabase } from '../__testUtils__/testPostgres';
import { silentLog } from '../lib/log';
import { runGovernanceSyncBench } from './runGovernanceSyncBench';

jest.setTimeout(180_000);

describe('yarn bench governance-sync', () => {
  it('syncs a small organization through the backend: full, incremental and rate-limited, summaries checked', async () => {
    const result = await runGovernanceSyncBench(
      {
        findings: 400,
        accounts: 2,
        regions: 2,
        concurrency: 2,
        limitedFindings: 200,
        limitedAccounts: 2,
        database: testDatabase,
      },
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
});
