import { testPostgres } from '../__testUtils__/testPostgres';
import { silentLog } from '../lib/log';
import { runBulkImportBench } from './runBulkImportBench';

jest.setTimeout(180_000);

describe('yarn bench bulk-import', () => {
  it('imports generated tenants through the API into the demo estate, and times the one-by-one baseline', async () => {
    const result = await runBulkImportBench(
      {
        tenants: 300,
        baselineSample: 20,
        engines: testPostgres
          ? ['sqlite', 'sqlite-memory', 'postgres']
          : ['sqlite', 'sqlite-memory'],
      },
      silentLog,
    );
    expect(result.cells).toBe(53);
    expect(result.sqlite).toMatchObject({ requests: 1, goalMet: true });
    expect(result.sqliteMemory).toMatchObject({ requests: 1, goalMet: true });
    expect(result.baseline.sqlite).toMatchObject({
      sampleTenants: 20,
      label: 'extrapolated from 20 POST /tenants to 300',
    });
    expect(result.baseline.sqlite!.extrapolatedMs).toBeGreaterThan(
      result.baseline.sqlite!.sampleMs,
    );
    expect(result.sqlite!.tenantsPerSecond).toBeGreaterThan(0);
    expect(result.baseline.speedup.sqlite).toBeGreaterThan(0);
  });
});
