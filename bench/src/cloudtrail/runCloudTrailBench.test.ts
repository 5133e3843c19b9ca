import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { silentLog } from '../lib/log';
import { BUILD_CLI_COMMAND, CLI_PACKAGES, checkCliBuilt } from './builtCli';
import { runCloudTrailBench } from './runCloudTrailBench';
import { variedFileRecords } from './variedRecords';

jest.setTimeout(180_000);

describe('yarn bench cloudtrail', () => {
  const corpusRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-ct-'));
  afterAll(() => fs.rmSync(corpusRoot, { recursive: true, force: true }));

  it('generates a small corpus and times the CLI footprint against zcat', async () => {
    const result = await runCloudTrailBench(
      // The sources: building dist/ is no part of yarn test.
      { sizeGb: 0.002, fileMb: 0.5, corpusRoot, startupRuns: 1, cli: 'source' },
      silentLog,
    );
    expect(result.corpus.kind).toBe('varied');
    expect(result.cli.from).toBe('source');
    expect(result.corpus.files).toBeGreaterThanOrEqual(4);
    expect(result.corpus.compressionRatio).toBeGreaterThan(7);
    expect(result.corpus.meanRecordBytes).toBeGreaterThan(600);
    expect(result.corpus.meanRecordBytes).toBeLessThan(1400);
    // The CLI's timing mark was read: spawn to the first log file opened.
    expect(result.firstReadMs).toBeGreaterThan(0);
    expect(result.cpuSeconds.cliFootprint).toBeGreaterThan(0);
    expect(result.cpuSeconds.rawZcat).toBeGreaterThanOrEqual(0);
    expect(result.corpus.accounts).toBe(4);
    expect(result.seconds.cliFootprint).toBeGreaterThan(0);
    expect(result.seconds.rawZcat).toBeGreaterThanOrEqual(0);
    expect(result.startup.seconds).toBeGreaterThan(0);
    expect(result.startup.withoutCompileCache.seconds).toBeGreaterThan(0);
    expect(result.compileCache).toMatch(/^warm: /);
    expect(
      fs.readdirSync(path.join(corpusRoot, 'cli-compile-cache')),
    ).not.toEqual([]);
    expect(Number.isFinite(result.ratioToRawZcat)).toBe(true);
  });

  it('generates the varied corpus the same for the same seed, and records of many sizes', () => {
    const once = variedFileRecords(
      7,
      '111111111111',
      'eu-west-2',
      '2026-11-01',
      200_000,
    );
    expect(
      variedFileRecords(7, '111111111111', 'eu-west-2', '2026-11-01', 200_000),
    ).toEqual(once);
    const sizes = once.map(r => r.length);
    expect(Math.min(...sizes)).toBeLessThan(500);
    expect(Math.max(...sizes)).toBeGreaterThan(2000);
    expect(
      new Set(once.map(r => JSON.parse(r).eventSource)).size,
    ).toBeGreaterThan(8);
  });

  it.each([
    ['missing', undefined, 'packages/cli/dist is missing'],
    ['older than src/', 0, 'packages/cli/dist is older than packages/cli/src'],
  ])(
    'refuses to time the built CLI when dist/ is %s, naming the build command',
    (_name, distTime, message) => {
      const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-ct-repo-'));
      for (const dir of CLI_PACKAGES) {
        fs.mkdirSync(path.join(repo, dir, 'src'), { recursive: true });
        fs.writeFileSync(path.join(repo, dir, 'src', 'index.ts'), '');
        if (distTime === undefined && dir === 'packages/cli') continue;
        fs.mkdirSync(path.join(repo, dir, 'dist'));
        const entry = path.join(repo, dir, 'dist', 'index.cjs.js');
        fs.writeFileSync(entry, '');
        if (dir === 'packages/cli') fs.utimesSync(entry, 0, 0);
      }
      try {
        expect(() => checkCliBuilt(repo)).toThrow(message);
        expect(() => checkCliBuilt(repo)).toThrow(BUILD_CLI_COMMAND);
      } finally {
        fs.rmSync(repo, { recursive: true, force: true });
      }
    },
  );

  it('refuses a size that is not a positive number', async () => {
    await expect(
      runCloudTrailBench({ sizeGb: 0, corpusRoot }, silentLog),
    ).rejects.toThrow('sizeGb must be a positive number, got 0');
  });
});
