import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { silentLog } from '../lib/log';
import { runCloudTrailBench } from './runCloudTrailBench';

jest.setTimeout(180_000);

describe('yarn bench cloudtrail', () => {
  const corpusRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-ct-'));
  afterAll(() => fs.rmSync(corpusRoot, { recursive: true, force: true }));

  it('generates a small corpus and times the CLI footprint against zcat', async () => {
    const result = await runCloudTrailBench(
      { sizeGb: 0.002, fileMb: 0.5, corpusRoot, startupRuns: 1 },
      silentLog,
    );
    expect(result.corpus.files).toBeGreaterThanOrEqual(4);
    expect(result.corpus.accounts).toBe(4);
    expect(result.seconds.cliFootprint).toBeGreaterThan(0);
    expect(result.seconds.rawZcat).toBeGreaterThanOrEqual(0);
    expect(result.startup.seconds).toBeGreaterThan(0);
    expect(Number.isFinite(result.ratioToRawZcat)).toBe(true);
  });

  it('refuses a size that is not a positive number', async () => {
    await expect(
      runCloudTrailBench({ sizeGb: 0, corpusRoot }, silentLog),
    ).rejects.toThrow('sizeGb must be a positive number, got 0');
  });
});
