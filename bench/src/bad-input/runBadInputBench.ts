import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { badInputOptions, OptionsOf } from '../benchOptions';
import type { BenchLog } from '../lib/log';
import { machine } from '../lib/machine';
import { REPOSITORY_DIR } from '../lib/paths';

/** Options of {@link runBadInputBench}: none yet. */
export type BadInputBenchOptions = OptionsOf<typeof badInputOptions>;

/** The three bad-input corpora (docs/reliability.md) and their packages. */
const CORPORA = [
  { surface: 'rest', dir: 'plugins/region-expansion-backend' },
  { surface: 'cli', dir: 'packages/cli' },
  {
    surface: 'scaffolder',
    dir: 'plugins/scaffolder-backend-module-region-expansion',
  },
] as const;

/** What one corpus run reported. */
export interface CorpusRun {
  surface: string;
  exitCode: number | null;
  wallSeconds: number;
  /** The corpus's own summary (cases, failing, slowest, time budgets…). */
  summary: Record<string, unknown>;
}

function runCorpus(dir: string, reportDir: string): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      'yarn',
      ['backstage-cli', 'package', 'test', 'src/badInput'],
      {
        cwd: path.join(REPOSITORY_DIR, dir),
        env: {
          ...process.env,
          CI: 'true',
          BAD_INPUT_TIME_BUDGETS: 'enforce',
          BAD_INPUT_REPORT_DIR: reportDir,
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    // Jest writes its results to stderr; keep the tail for a failure.
    let tail = '';
    child.stderr.on('data', chunk => {
      tail = (tail + chunk).slice(-4000);
    });
    child.on('error', reject);
    child.on('close', code => {
      if (code !== 0) process.stderr.write(tail);
      resolve(code);
    });
  });
}

/**
 * The bad-input corpora run alone, one after the other, with their time
 * budgets enforced (`BAD_INPUT_TIME_BUDGETS=enforce`): each case's time and,
 * for REST, the liveness probe while it runs, against the probe with no
 * case running (the baseline, measured in the same run).
 */
export async function runBadInputBench(
  _options: BadInputBenchOptions,
  log: BenchLog,
) {
  const started = machine();
  const reportDir = await fs.mkdtemp(
    path.join(os.tmpdir(), 'region-expansion-bench-bad-input-'),
  );
  const corpora: CorpusRun[] = [];
  try {
    for (const { surface, dir } of CORPORA) {
      log(`${surface}: yarn backstage-cli package test src/badInput in ${dir}`);
      const t0 = performance.now();
      const exitCode = await runCorpus(dir, reportDir);
      const wallSeconds = Math.round((performance.now() - t0) / 100) / 10;
      const report = await fs
        .readFile(path.join(reportDir, `${surface}.json`), 'utf8')
        .then(text => JSON.parse(text) as { summary: Record<string, unknown> })
        .catch(() => ({ summary: {} as Record<string, unknown> }));
      const { failingCases, ...summary } = report.summary;
      corpora.push({ surface, exitCode, wallSeconds, summary });
      log(
        `${surface}: exit ${exitCode}, ${wallSeconds} s, ${JSON.stringify({
          ...summary,
          byCategory: undefined,
          failingCases,
        })}`,
      );
    }
  } finally {
    await fs.rm(reportDir, { recursive: true, force: true });
  }
  return { machine: started, corpora };
}
