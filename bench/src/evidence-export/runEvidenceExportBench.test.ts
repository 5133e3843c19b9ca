import { expectPositive } from '../__testUtils__/expectPositive';
import { testDatabase } from '../__testUtils__/testPostgres';
import { silentLog } from '../lib/log';
import { runEvidenceExportBench } from './runEvidenceExportBench';

jest.setTimeout(180_000);

describe('yarn bench evidence-export', () => {
  it('downloads and verifies the evidence bundle of a small organization and zips the same files for the baseline', async () => {
    const result = await runEvidenceExportBench(
      {
        findings: 400,
        accounts: 4,
        regions: 2,
        database: testDatabase,
        // The sources: building dist/ is no part of yarn test.
        server: 'source',
      },
      silentLog,
    );
    expect(result.organization.findings).toBe(400);
    expect(result.load.findings).toBe(400);
    // Every file of the manifest was hashed from the downloaded ZIP.
    expect(result.export.filesVerified).toBeGreaterThanOrEqual(16);
    expect(result.export.inflatedBytes).toBeGreaterThan(result.export.bytes);
    expectPositive([
      result.export.seconds,
      result.export.bytes,
      result.export.rssPeakMb,
      result.baselineZip.bytes,
    ]);
  });
});
