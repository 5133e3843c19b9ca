import { expectPositive } from '../__testUtils__/expectPositive';
import { testDatabase } from '../__testUtils__/testPostgres';
import { silentLog } from '../lib/log';
import { runDashboardApiBench } from './runDashboardApiBench';

jest.setTimeout(180_000);

describe('yarn bench dashboard-api', () => {
  it('loads a small organization through a sync and times the summary route against the simulator', async () => {
    const result = await runDashboardApiBench(
      {
        findings: 300,
        accounts: 3,
        regions: 2,
        requests: 30,
        baselineRequests: 2,
        database: testDatabase,
      },
      silentLog,
    );
    expect(result.organization.findings).toBe(300);
    expect(result.load.findings).toBe(300);
    expect(result.organization.rollupRows).toBeGreaterThan(0);
    expect(result.summaryEndpoint.requests).toBe(30);
    expect(Object.keys(result.summaryEndpoint.perGroupBy).sort()).toEqual([
      'account',
      'control',
      'partition',
      'region',
      'severity',
      'status',
    ]);
    expect(result.baselineSimulatorPerRequest.requests).toBe(2);
    expectPositive([
      result.summaryEndpoint.p50Ms,
      result.summaryEndpoint.p95Ms,
      result.baselineSimulatorPerRequest.p50Ms,
      result.load.findingsPerSecond,
    ]);
  });
});
