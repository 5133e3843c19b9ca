import {
  DEFAULT_RATE_LIMITS,
  FaultInjector,
  startAwsSimulator,
  SyntheticOrganization,
} from '@region-expansion/aws-simulator';
import securityHubModule from '@region-expansion/plugin-region-expansion-backend-module-security-hub';
import { knex as createKnex, Knex } from 'knex';
import { startBenchBackend } from '../lib/benchBackend';
import { BenchEngine, benchDatabases } from '../lib/benchDatabases';
import type { Cleanups } from '../lib/Cleanups';
import { governanceConfig } from '../lib/governanceConfig';
import { syncThroughApi } from '../lib/governanceApi';
import type { BenchLog } from '../lib/log';
import { latencyFigures, round } from '../lib/stats';
import { verifySummaries } from './verifySummaries';

const SECURITY_HUB = { id: 'securityhub', source: 'securityhub' };
const LIMIT = DEFAULT_RATE_LIMITS.GetFindings;
/** Windows the combined rate is checked over: 1 s, and the bucket's own (burst / rate = 2 s). */
const WINDOWS_MS = [1000, (LIMIT.burst / LIMIT.ratePerSecond) * 1000];
/** Share of the single-instance throughput the replicas must reach together. */
const GOAL_SHARE = 0.9;

/**
 * Arrival times of GetFindings per account/Region as the simulator sees
 * them: every request it admits or throttles goes through `admit`.
 */
function recordArrivals(faults: FaultInjector): Map<string, number[]> {
  const arrivals = new Map<string, number[]>();
  const admit = faults.admit.bind(faults);
  faults.admit = (accountId, region, operation) => {
    if (operation === 'GetFindings') {
      const key = `${accountId}/${region}`;
      const times = arrivals.get(key) ?? [];
      times.push(performance.now());
      arrivals.set(key, times);
    }
    return admit(accountId, region, operation);
  };
  return arrivals;
}

/**
 * Durations of the rate-limit slot reservations (one upsert per AWS request)
 * on a replica's pool, from the query's start to its response.
 */
function reservationTimer(knex: Knex): number[] {
  const started = new Map<string, number>();
  const times: number[] = [];
  knex.on('query', (q: { sql?: string; __knexQueryUid?: string }) => {
    if (q.__knexQueryUid && q.sql?.includes('governance_rate_limit_slots'))
      started.set(q.__knexQueryUid, performance.now());
  });
  knex.on('query-response', (_r: unknown, q: { __knexQueryUid?: string }) => {
    const start = q.__knexQueryUid && started.get(q.__knexQueryUid);
    if (start) times.push(performance.now() - start);
  });
  return times;
}

/** Most requests in any closed window of `windowMs` over sorted times. */
function busiestWindow(sorted: number[], windowMs: number): number {
  let most = 0;
  let first = 0;
  sorted.forEach((time, last) => {
    while (time - sorted[first] > windowMs) first += 1;
    most = Math.max(most, last - first + 1);
  });
  return most;
}

/**
 * (c) with `replicas` backends on one PostgreSQL database, each with its
 * own connection pool, all syncing the same organization's targets at once
 * (the bench backend's scheduler does not coordinate replicas, so the runs
 * overlap fully: the worst case for the AWS limits). The simulator models
 * the documented limit per account + Region; the replicas share it through
 * the plugin's rate-limit slots in the database. Reports the busiest window
 * per account + Region against rate × window + burst, the requests
 * throttled, and the replicas' combined throughput against the single
 * instance's, measured in the same run by (c).
 */
export async function replicatedSync(
  size: { replicas: number; limitedAccounts: number; engine: BenchEngine },
  org: SyntheticOrganization,
  single: {
    findingsPerSecond: number;
    /** targets × 3 req/s × 100 findings per page. */
    modelledCeilingFindingsPerSecond: number;
  },
  run: {
    cleanups: Cleanups;
    databases: ReturnType<typeof benchDatabases>;
    log: BenchLog;
  },
) {
  const { replicas, limitedAccounts, engine } = size;
  const { cleanups, databases, log } = run;
  const sim = await startAwsSimulator({
    organization: org,
    faults: { rateLimits: true },
  });
  cleanups.add(() => sim.stop());
  const arrivals = recordArrivals(sim.faults);
  const db = await databases.create(engine, 'bench_governance_sync_replicas', {
    poolMax: 12,
  });
  const config = governanceConfig(org, sim.url, {
    concurrency: limitedAccounts,
    limited: true,
  });
  const apis: string[] = [];
  const reservations: number[][] = [];
  for (let i = 0; i < replicas; i++) {
    // Each replica its own pool to the same database, as separate processes.
    const knex =
      i === 0
        ? db.knex
        : createKnex({
            client: 'pg',
            connection: db.knex.client.config.connection,
            pool: { min: 1, max: 12 },
          });
    if (i > 0) cleanups.add(() => knex.destroy());
    reservations.push(reservationTimer(knex));
    const backend = await startBenchBackend({
      knex,
      config,
      features: [securityHubModule],
    });
    cleanups.add(() => backend.stop());
    apis.push(backend.api);
  }
  const started = performance.now();
  const runs = await Promise.all(
    apis.map(api => syncThroughApi(api, SECURITY_HUB)),
  );
  const ms = performance.now() - started;
  for (const r of runs)
    if (r.rows !== org.findingCount)
      throw new Error(`replica sync read ${r.rows} of ${org.findingCount}`);
  const summariesVerified = await verifySummaries(apis[0], org);

  const windows = WINDOWS_MS.map(windowMs => {
    const bound = (LIMIT.ratePerSecond * windowMs) / 1000 + LIMIT.burst;
    const busiest = Math.max(
      ...[...arrivals.values()].map(times => busiestWindow(times, windowMs)),
    );
    return {
      windowMs,
      busiestRequests: busiest,
      bound,
      within: busiest <= bound,
    };
  });
  // Every replica read every finding (each run's targets all synced).
  const rate = (replicas * org.findingCount) / (ms / 1000);
  const percentOfSingle = round((rate / single.findingsPerSecond) * 100);
  const throttled = sim.faults.rateLimited;
  const requests = sim.faults.requestCounts.get('GetFindings') ?? 0;
  const result = {
    replicas,
    findingsPerReplica: org.findingCount,
    targets: runs[0].targets,
    seconds: round(ms / 1000, 2),
    requestsSeen: requests,
    throttledBySimulator: throttled,
    windows,
    combinedFindingsPerSecond: Math.round(rate),
    singleInstanceFindingsPerSecond: single.findingsPerSecond,
    percentOfSingleInstance: percentOfSingle,
    percentOfModelledCeiling: round(
      (rate / single.modelledCeilingFindingsPerSecond) * 100,
    ),
    summariesVerified,
    reservationMs: {
      count: reservations.flat().length,
      ...latencyFigures(reservations.flat(), 1),
    },
    goalMet:
      throttled === 0 &&
      windows.every(w => w.within) &&
      rate >= GOAL_SHARE * single.findingsPerSecond,
  };
  log(
    `(c × ${replicas}) ${replicas} backends on one PostgreSQL sync the same ${
      result.targets
    } targets at once: ${
      result.seconds
    } s, ${requests} GetFindings requests, ${throttled} throttled; busiest window per account + Region ${windows
      .map(
        w =>
          `${w.busiestRequests} in ${w.windowMs / 1000} s (bound ${w.bound})`,
      )
      .join(', ')}; combined ${
      result.combinedFindingsPerSecond
    } findings/s = ${percentOfSingle}% of the single instance's ${
      single.findingsPerSecond
    } (goal ≥ ${GOAL_SHARE * 100}%) = ${
      result.percentOfModelledCeiling
    }% of the modelled ceiling; ${
      result.reservationMs.count
    } slot reservations p50 ${result.reservationMs.p50Ms} ms, p95 ${
      result.reservationMs.p95Ms
    } ms; ${summariesVerified} summaries equal the organization's findings`,
  );
  return result;
}
