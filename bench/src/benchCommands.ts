import type { BenchLog } from './lib/log';

/** An option of a bench command: a number with a default, or a switch. */
export type BenchOption =
  | { kind: 'number'; flags: string; description: string; default: number }
  | { kind: 'flag'; flags: string; description: string };

/** One `yarn bench <name>` command. */
export interface BenchCommand {
  name: string;
  description: string;
  options: BenchOption[];
  /** Runs the bench with the parsed options (camelCase keys); resolves with its figures. */
  run(options: any, log: BenchLog): Promise<object>;
  /** Why a finished run counts as failed (exit code 1), if it does. */
  failure?(result: any): string | undefined;
}

/**
 * Loads a bench's module when it runs (not with the CLI): `require`, which
 * the node transform and Jest both resolve to the transformed TypeScript.
 */
function load<T>(path: string): T {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path);
}

const number = (
  flags: string,
  description: string,
  value: number,
): BenchOption => ({ kind: 'number', flags, description, default: value });

/**
 * Every bench, by the name `yarn bench` takes. Each module is loaded only
 * when its bench runs, so a bench does not pay for the others' imports.
 */
export const benchCommands: BenchCommand[] = [
  {
    name: 'placement',
    description:
      'PlacementEngine against a scan of every cell, on a seeded world of cells and tenants',
    options: [
      number('--cells <n>', 'cells in the world', 10_000),
      number('--tenants <n>', 'tenants placed', 100_000),
      number(
        '--naive-budget-ms <ms>',
        'time the naive baseline runs before it is extrapolated',
        30_000,
      ),
    ],
    run: (options, log) =>
      load<typeof import('./placement/runPlacementBench')>(
        './placement/runPlacementBench',
      ).runPlacementBench(options, log),
    failure: result =>
      result.equivalence.mismatches > 0
        ? `the engine and the naive scan disagree on ${result.equivalence.mismatches} decisions`
        : undefined,
  },
  {
    name: 'bulk-import',
    description:
      'POST /tenants/import of generated tenants on SQLite (file, memory) and PostgreSQL, against one POST /tenants per tenant',
    options: [
      number('--tenants <n>', 'tenants imported', 100_000),
      number(
        '--baseline-sample <n>',
        'tenants created one by one for the baseline (extrapolated)',
        5_000,
      ),
    ],
    run: (options, log) =>
      load<typeof import('./bulk-import/runBulkImportBench')>(
        './bulk-import/runBulkImportBench',
      ).runBulkImportBench(options, log),
  },
  {
    name: 'governance-sync',
    description:
      'Security Hub findings synced from the AWS simulator into PostgreSQL through the backend: raw paging, full, rate-limited and incremental sync',
    options: [
      number('--findings <n>', 'findings of the organization', 1_000_000),
      number('--accounts <n>', 'accounts (one target each)', 100),
      number('--regions <n>', 'Regions of partition aws used', 10),
      number('--concurrency <n>', 'targets read at once', 8),
      number(
        '--limited-findings <n>',
        'findings of the rate-limited run',
        100_000,
      ),
      number('--limited-accounts <n>', 'accounts of the rate-limited run', 10),
    ],
    run: (options, log) =>
      load<typeof import('./governance-sync/runGovernanceSyncBench')>(
        './governance-sync/runGovernanceSyncBench',
      ).runGovernanceSyncBench(options, log),
  },
  {
    name: 'dashboard-api',
    description:
      'GET /governance/summary latency over stored findings, against paging the simulator per request',
    options: [
      number('--findings <n>', 'findings loaded', 1_000_000),
      number('--accounts <n>', 'accounts', 500),
      number('--regions <n>', 'Regions of partition aws used', 30),
      number('--requests <n>', 'summary requests timed', 600),
      number(
        '--baseline-requests <n>',
        'requests answered from the simulator for the baseline',
        12,
      ),
    ],
    run: (options, log) =>
      load<typeof import('./dashboard-api/runDashboardApiBench')>(
        './dashboard-api/runDashboardApiBench',
      ).runDashboardApiBench(options, log),
  },
  {
    name: 'regions-page',
    description:
      'The Regions page and the tenants table in headless Chromium, served by the production app build',
    options: [
      number('--cells <n>', 'cells loaded through the API', 5_000),
      number('--tenants <n>', 'tenants loaded through the API', 100_000),
      number('--runs <n>', 'measured page loads of each page', 5),
      number('--port <n>', 'port of the bench backend', 7300),
      { kind: 'flag', flags: '--keep', description: 'keep the temp folder' },
    ],
    run: (options, log) =>
      load<typeof import('./regions-page/runRegionsPageBench')>(
        './regions-page/runRegionsPageBench',
      ).runRegionsPageBench(options, log),
  },
  {
    name: 'cloudtrail',
    description:
      'region-expansion footprint over a generated CloudTrail corpus, against zcat | jq | sort -u and raw zcat',
    options: [
      number('--size-gb <n>', 'uncompressed size of the corpus', 2),
      number('--file-mb <n>', 'uncompressed size of each file', 8),
    ],
    run: (options, log) =>
      load<typeof import('./cloudtrail/runCloudTrailBench')>(
        './cloudtrail/runCloudTrailBench',
      ).runCloudTrailBench(options, log),
  },
];
