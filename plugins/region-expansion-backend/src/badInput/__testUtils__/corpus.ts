import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import type { Knex } from 'knex';
import { timeBudgetSummary } from '@region-expansion/plugin-region-expansion-node/testUtils';
import type { TestRole } from '../../__testUtils__/rolePolicy';

/**
 * Bounds every case of the corpus must keep. The time bounds fail a case
 * only under `yarn bench bad-input` (the corpora alone); under the repo's
 * test command, beside other suites on 2 cores, they are reported.
 */
export const BUDGET = {
  /** Wall time of one case, request sent to answer read. */
  caseMs: 5_000,
  /** Slowest liveness probe answered while one case runs. */
  livenessMs: 1_000,
  /** Heap growth over the whole suite, after garbage collection. */
  suiteHeapGrowthMb: 200,
} as const;

/** Kinds of bad input, as counted in docs/reliability.md. */
export type Category =
  | 'unknown-query'
  | 'query-value'
  | 'repeated-query'
  | 'path-id'
  | 'malformed-json'
  | 'content-type'
  | 'oversized'
  | 'unknown-field'
  | 'wrong-type'
  | 'out-of-range'
  | 'root-type'
  | 'deep-nesting'
  | 'huge-count'
  | 'amplification'
  | 'bomb'
  | 'authorization-first'
  | 'binary-junk';

/** One bad request and what must come of it. */
export interface RestCase {
  name: string;
  category: Category;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path under the plugin's mount point, already URL-encoded, with query. */
  path: string;
  /** Caller; default platform-admin (every permission), so only input decides. */
  role?: TestRole;
  headers?: Record<string, string>;
  /** The raw body, built when the case runs (some are tens of MB). */
  body?: () => Buffer | string;
  /** Send without Content-Length (chunked), so the server must count. */
  chunked?: boolean;
  expect: {
    /** Status wanted; default any 4xx. */
    status?: number | number[];
    /** The message must name one of these as `field: reason`. */
    fields: string[];
    /** The message must also match this. */
    reason?: RegExp;
    /** Amplification: a 2xx whose body is at most this big is also fine. */
    boundedOk?: { maxBytes: number };
  };
  /** Wall-time budget; default {@link BUDGET.caseMs}. */
  budgetMs?: number;
  /**
   * Reads what the case needs from the estate the corpus runs against (a
   * cell that holds tenants, say) and returns the path and body to send
   * instead; runs before the state digest, so it must write nothing.
   */
  prepare?: (knex: Knex) => Promise<Partial<Pick<RestCase, 'path' | 'body'>>>;
}

/** What one case measured, and every promise it broke. */
export interface CaseFigures {
  surface: 'rest' | 'cli' | 'scaffolder';
  name: string;
  category: string;
  outcome: string;
  ms: number;
  livenessMs?: number;
  heapPeakMb?: number;
  heapGrowthMb?: number;
  rssMb?: number;
  problems: string[];
  /** Time bounds passed while only reported (see `timeBudgetsEnforced`). */
  overTimeBudget?: string[];
}

const escapeRegExp = (text: string) =>
  text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * True when `message` names one of `fields` as `field: reason`: the field
 * as a whole path segment (a prefix such as `rows[3].` or `Invalid ` may
 * come before it, a deeper path such as `.0.count` after it), then a colon
 * and at least a word of reason.
 */
export function namesField(message: string, fields: string[]): boolean {
  return fields.some(field =>
    new RegExp(
      `(?:^|[\\s;,.\\[(])${escapeRegExp(
        field,
      )}(?:[.\\[][^\\s:]*)?:\\s*[^\\s;][^;]+`,
    ).test(message),
  );
}

/** The garbage collector, exposed for heap measurements. */
export function exposeGc(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

/** Heap in use after a full collection, in MiB. */
export function settledHeapMb(gc: () => void): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

/** Where the figures of a run are written. */
export function reportDirectory(): string {
  return (
    process.env.BAD_INPUT_REPORT_DIR ??
    path.join(os.tmpdir(), 'region-expansion-bad-input')
  );
}

/**
 * Writes `<surface>.json` (every case with its figures) and prints the
 * summary that docs/reliability.md quotes: cases per category, failing
 * cases, the slowest case, the worst liveness probe and the heap growth.
 */
export function writeFigures(
  surface: string,
  figures: CaseFigures[],
  extra: Record<string, unknown>,
): string {
  const byCategory: Record<string, number> = {};
  for (const f of figures) {
    byCategory[f.category] = (byCategory[f.category] ?? 0) + 1;
  }
  const slowest = [...figures].sort((a, b) => b.ms - a.ms)[0];
  const worstLiveness = [...figures].sort(
    (a, b) => (b.livenessMs ?? 0) - (a.livenessMs ?? 0),
  )[0];
  const failing = figures.filter(f => f.problems.length);
  const summary = {
    surface,
    cases: figures.length,
    failing: failing.length,
    byCategory,
    slowest: slowest && { name: slowest.name, ms: Math.round(slowest.ms) },
    worstLiveness: worstLiveness?.livenessMs !== undefined && {
      name: worstLiveness.name,
      ms: Math.round(worstLiveness.livenessMs),
    },
    ...extra,
    ...timeBudgetSummary(figures),
    failingCases: failing.map(f => ({ name: f.name, problems: f.problems })),
  };
  const dir = reportDirectory();
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${surface}.json`);
  fs.writeFileSync(
    file,
    `${JSON.stringify({ summary, cases: figures }, null, 2)}\n`,
  );
  // eslint-disable-next-line no-console
  console.log(
    `bad-input corpus (${surface}): ${JSON.stringify(
      { ...summary, failingCases: undefined },
      null,
      2,
    )}\nfigures written to ${file}`,
  );
  return file;
}
