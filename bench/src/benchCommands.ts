import path from 'node:path';
import {
  badInputOptions,
  bulkImportOptions,
  cloudTrailOptions,
  compareOptions,
  dashboardApiOptions,
  driftOptions,
  evidenceExportOptions,
  flagsOf,
  governanceSyncOptions,
  OptionTable,
  parseChoice,
  placementOptions,
  regionsPageOptions,
} from './benchOptions';
import type { BenchLog } from './lib/log';

/** An option of a bench command: a number or a word with a default, or a switch. */
export type BenchOption =
  | { kind: 'number'; flags: string; description: string; default: number }
  | {
      kind: 'choice';
      flags: string;
      description: string;
      default: string;
      /** The value as given, or an error naming the option. */
      parse(value: string): string;
    }
  | { kind: 'flag'; flags: string; description: string };

/** A bench's run: the parsed options (camelCase keys) in, its figures out. */
type BenchRun = (options: any, log: BenchLog) => Promise<object>;

/** One `yarn bench <name>` command. */
export interface BenchCommand {
  name: string;
  description: string;
  options: BenchOption[];
  /**
   * Its module under `src/`, which exports the runner under the file's
   * name (`placement/runPlacementBench` exports `runPlacementBench`).
   */
  module: string;
  /** Runs the bench with the parsed options; resolves with its figures. */
  run: BenchRun;
  /** Why a finished run counts as failed (exit code 1), if it does. */
  failure?(result: any): string | undefined;
}

/**
 * A bench's runner, loaded when it runs (not with the CLI): `require`,
 * which the node transform and Jest both resolve to the transformed
 * TypeScript, so a bench does not pay for the others' imports.
 */
export function loadRunner(module: string): BenchRun {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const exports = require(`./${module}`);
  const runner = exports[path.basename(module)];
  if (typeof runner !== 'function')
    throw new Error(`${module} does not export ${path.basename(module)}`);
  return runner;
}

function bench(
  name: string,
  description: string,
  module: string,
  table: OptionTable,
  failure?: BenchCommand['failure'],
): BenchCommand {
  return {
    name,
    description,
    module,
    options: Object.entries(table).map(([key, spec]): BenchOption => {
      const flags = flagsOf(key, spec);
      if ('choices' in spec)
        return {
          kind: 'choice',
          flags,
          description: `${spec.description} (${spec.choices.join(', ')})`,
          default: spec.default,
          parse: value => parseChoice(key, spec, value),
        };
      return 'switch' in spec
        ? { kind: 'flag', flags, description: spec.description }
        : {
            kind: 'number',
            flags,
            description: spec.description,
            default: spec.default,
          };
    }),
    run: (options, log) => loadRunner(module)(options, log),
    failure,
  };
}

/** Every bench, by the name `yarn bench` takes. */
export const benchCommands: BenchCommand[] = [
  bench(
    'placement',
    'PlacementEngine against a scan of every cell, on a seeded world of cells and tenants',
    'placement/runPlacementBench',
    placementOptions,
    result =>
      result.equivalence.mismatches > 0
        ? `the engine and the naive scan disagree on ${result.equivalence.mismatches} decisions`
        : undefined,
  ),
  bench(
    'bulk-import',
    'POST /tenants/import of generated tenants on SQLite (file, memory) and PostgreSQL, against one POST /tenants per tenant',
    'bulk-import/runBulkImportBench',
    bulkImportOptions,
  ),
  bench(
    'governance-sync',
    'Security Hub findings synced from the AWS simulator into PostgreSQL through the backend: raw paging, full, rate-limited and incremental sync',
    'governance-sync/runGovernanceSyncBench',
    governanceSyncOptions,
  ),
  bench(
    'dashboard-api',
    'GET /governance/summary latency over stored findings, against paging the simulator per request',
    'dashboard-api/runDashboardApiBench',
    dashboardApiOptions,
  ),
  bench(
    'regions-page',
    'The Regions page and the tenants table in headless Chromium, served by the production app build',
    'regions-page/runRegionsPageBench',
    regionsPageOptions,
  ),
  bench(
    'cloudtrail',
    'region-expansion footprint over a generated CloudTrail corpus, against zcat | jq | sort -u and raw zcat',
    'cloudtrail/runCloudTrailBench',
    cloudTrailOptions,
  ),
  bench(
    'drift',
    'Guardrail drift of a 500-account, 50-OU, 200-SCP organization read from the AWS simulator at the Organizations rate: time, calls and the rate-bound ideal',
    'drift/runDriftBench',
    driftOptions,
    result =>
      result.mismatches > 0 || result.seconds >= 30
        ? `${
            result.mismatches
          } seeded drifts not found; ${result.seconds.toFixed(
            1,
          )} s (budget 30 s)`
        : undefined,
  ),
  bench(
    'compare',
    'POST /comparisons ranking 40 locations x 3 tenant classes for a 200-service footprint: cold (Price List calls), warm cache p95, and per-Region pricing without the cache',
    'compare/runCompareBench',
    compareOptions,
    result =>
      result.warm.p95Ms >= result.warm.goalP95Ms
        ? `warm p95 ${result.warm.p95Ms} ms (goal < ${result.warm.goalP95Ms} ms)`
        : undefined,
  ),
  bench(
    'evidence-export',
    'GET /governance/evidence-bundle over findings loaded through a governance sync into PostgreSQL: time, bytes and server RSS peak, the bundle verified against its manifest, against zip -1 of the same files',
    'evidence-export/runEvidenceExportBench',
    evidenceExportOptions,
    result =>
      result.export.goalMet
        ? undefined
        : `${result.export.seconds} s, RSS peak ${result.export.rssPeakMb} MB (goal < 60 s, < 300 MB)`,
  ),
  bench(
    'bad-input',
    'The REST, CLI and scaffolder bad-input corpora run alone with their time budgets enforced: each case within 5 s, the liveness probe within 1 s while a REST case runs, against the probe with no case running',
    'bad-input/runBadInputBench',
    badInputOptions,
    result => {
      const failed = result.corpora.filter(
        (c: { exitCode: number | null }) => c.exitCode !== 0,
      );
      return failed.length
        ? `corpora with failing cases: ${failed
            .map((c: { surface: string }) => c.surface)
            .join(', ')}`
        : undefined;
    },
  ),
];
