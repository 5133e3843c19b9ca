/* eslint-disable no-console */
// `yarn bench governance-sync [--findings N] [--accounts A] [--regions R]
//   [--concurrency C] [--limited-findings N] [--limited-accounts A]`
//
// Starts the AWS simulator on loopback over a synthetic organization
// (default 1,000,000 Security Hub findings: partition aws, 100 accounts × 10
// Regions), a PostgreSQL database, runs the backend migrations and measures:
//  (a) raw paging: the real SDK GetFindings paging every account's findings
//      from the home Region (the provider's request shape and concurrency),
//      nothing mapped or stored: the ceiling;
//  (b) a full sync through SecurityHubGovernanceProvider + GovernanceSyncService
//      + GovernanceStore into PostgreSQL, no rate limit: goal ≥ 50% of (a)
//      (one transaction per page: rows, rollup deltas, cursor and progress;
//      the provider reads on while up to 4 pages per target wait to be
//      written);
//  (c) a full sync with the documented limits modelled on both sides (simulator
//      answers 429 beyond GetFindings 3 req/s burst 6 per account + Region; the
//      provider's limiter paces at 0.95 × that rate with a burst of 5, so the
//      server's bucket keeps headroom), on a smaller organization
//      (default 100,000 findings, 10 accounts, concurrency = accounts) so it
//      finishes in about half a minute: goal ≥ 90% of the modelled ceiling
//      min(targets × 3 req/s × 100 findings, (a)); the rollups are then
//      checked against a GROUP BY over the stored findings;
//  (d) advance(1%) of the big organization, then an incremental sync: findings
//      fetched must equal the changed ones;
// and the process's peak RSS (goal < 512 MB). Prints human lines and one final
// JSON line.
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { ConfigReader } from '@backstage/config';
import {
  GetFindingsCommand,
  SecurityHubClient,
} from '@aws-sdk/client-securityhub';
import {
  accessKeyIdFor,
  startAwsSimulator,
  SyntheticOrganization,
} from '@region-expansion/aws-simulator';
import {
  GovernanceAwsContext,
  GovernanceTarget,
  LocationCatalog,
  mapWithConcurrency,
} from '@region-expansion/plugin-region-expansion-node';
import { SecurityHubGovernanceProvider } from '../../plugins/region-expansion-backend-module-security-hub/src/SecurityHubGovernanceProvider';
import { GovernanceStore } from '../../plugins/region-expansion-backend/src/governance/GovernanceStore';
import { GovernanceSyncService } from '../../plugins/region-expansion-backend/src/governance/GovernanceSyncService';
import {
  awsOrganization,
  machine,
  memorySampler,
  MIGRATIONS_DIR,
  numberFlag,
  percentile,
  quietLogger,
  round,
} from './shared';
import { PgServer, startPostgres } from '../lib/postgres';

const SEED = 20261126;
const PG_PORT = 5442;
const UNLIMITED = { ratePerSecond: 1e6, burst: 1e6 };
/** GovernanceRateLimiter's defaults, for the (c) figures. */
const SAFETY_MARGIN = 0.95;
const BURST_RESERVE = 1;

function contextFor(
  org: SyntheticOrganization,
  endpoint: string,
  options: { concurrency: number; limited: boolean },
): { config: ConfigReader; context: GovernanceAwsContext } {
  const config = new ConfigReader({
    aws: {
      accounts: org.accounts.map(a => ({
        accountId: a.id,
        accessKeyId: accessKeyIdFor(a.id),
        secretAccessKey: 'simulated',
      })),
    },
    regionExpansion: {
      governance: {
        endpoint,
        maxAttempts: 10,
        retryMode: 'standard',
        concurrency: options.concurrency,
        // Without `rateLimits` the context uses the documented defaults.
        ...(options.limited
          ? {}
          : {
              rateLimits: {
                GetFindings: UNLIMITED,
                GetFindingsV2: UNLIMITED,
              },
            }),
        targets: [
          {
            partition: 'aws',
            accounts: org.accounts.map(a => a.id),
          },
        ],
      },
    },
  });
  const context = GovernanceAwsContext.fromConfig(config, {
    catalog: LocationCatalog.fromSnapshot(),
  });
  return { config, context };
}

/** (a): pages every target's findings with the SDK, counting them only. */
async function rawPaging(
  context: GovernanceAwsContext,
  until: string,
): Promise<{ findings: number; pages: number; ms: number }> {
  let findings = 0;
  let pages = 0;
  const started = performance.now();
  await mapWithConcurrency(
    context.homeRegionTargets(),
    context.concurrency,
    async (target: GovernanceTarget) => {
      const client = new SecurityHubClient(
        await context.clientSettings('securityhub', target),
      );
      try {
        let nextToken: string | undefined;
        do {
          const out = await client.send(
            new GetFindingsCommand({
              Filters: {
                AwsAccountId: [
                  { Value: target.accountId, Comparison: 'EQUALS' },
                ],
                UpdatedAt: [{ End: until }],
              },
              MaxResults: 100,
              NextToken: nextToken,
            }),
          );
          findings += out.Findings?.length ?? 0;
          pages += 1;
          nextToken = out.NextToken;
        } while (nextToken);
      } finally {
        client.destroy();
      }
    },
  );
  return { findings, pages, ms: performance.now() - started };
}

async function syncOnce(
  store: GovernanceStore,
  provider: SecurityHubGovernanceProvider,
  now: () => Date,
) {
  const service = GovernanceSyncService.create({
    store,
    providers: [provider],
    logger: quietLogger(),
    now,
  });
  const started = performance.now();
  const report = await service.runProvider(provider.id);
  const ms = performance.now() - started;
  const rows = report.outcomes.reduce((n, o) => n + o.rows, 0);
  const pages = report.outcomes.reduce((n, o) => n + o.pages, 0);
  const failed = report.outcomes.filter(o => o.status !== 'ok');
  if (failed.length) {
    throw new Error(
      `${failed.length} targets did not sync: ${
        failed[0].reason ?? failed[0].status
      }`,
    );
  }
  return { ms, rows, pages };
}

/** Records the duration of each `upsertFindings` call (one page) of a store. */
function timeWrites(store: GovernanceStore): number[] {
  const times: number[] = [];
  const upsert = store.upsertFindings.bind(store);
  store.upsertFindings = async (...args) => {
    const started = performance.now();
    try {
      return await upsert(...args);
    } finally {
      times.push(performance.now() - started);
    }
  };
  return times;
}

async function countRows(store: GovernanceStore): Promise<number> {
  const groups = await store.summary('partition', {});
  return groups.reduce((n, g) => n + g.total, 0);
}

async function main() {
  const findingsWanted = numberFlag('findings', 1_000_000);
  const accounts = numberFlag('accounts', 100);
  const regions = numberFlag('regions', 10);
  const concurrency = numberFlag('concurrency', 8);
  const limitedFindings = numberFlag('limited-findings', 100_000);
  const limitedAccounts = numberFlag('limited-accounts', 10);
  const memory = memorySampler();
  const info = machine();
  console.log(
    `governance-sync on ${info.cpus}× ${info.model}, node ${info.node}, load ${info.loadAverage1m}`,
  );

  const { org, partition, perAccountRegion } = awsOrganization(SEED, {
    findings: findingsWanted,
    accounts,
    regions,
  });
  const total = org.findingCount;
  console.log(
    `organization: ${total.toLocaleString(
      'en',
    )} findings (${accounts} accounts × ${regions} Regions × ${perAccountRegion}), ${accounts} targets (home Region ${
      partition.homeRegion
    })`,
  );

  const simulator = await startAwsSimulator({ organization: org });
  let pg: PgServer | undefined;
  const result: Record<string, unknown> = {};
  try {
    pg = startPostgres({
      port: PG_PORT,
      durability: 'off',
      name: 'bench-governance',
    });
    console.log(`postgres: ${pg.origin}`);
    const db = await pg.database('bench_governance_sync', 12);
    await db.knex.migrate.latest({ directory: MIGRATIONS_DIR });
    const store = GovernanceStore.fromKnex(db.knex);
    const { context, config } = contextFor(org, simulator.url, {
      concurrency,
      limited: false,
    });
    let clock = org.clock + 1000;
    const now = () => new Date(clock);

    // (a) ceiling
    const raw = await rawPaging(context, now().toISOString());
    if (raw.findings !== total)
      throw new Error(`raw paging read ${raw.findings} of ${total} findings`);
    const rawRate = raw.findings / (raw.ms / 1000);
    console.log(
      `(a) raw SDK paging, no storage: ${raw.findings} findings, ${
        raw.pages
      } pages in ${round(raw.ms / 1000)} s = ${Math.round(
        rawRate,
      )} findings/s (concurrency ${concurrency})`,
    );

    // (b) full sync, no rate limit
    const provider = SecurityHubGovernanceProvider.fromConfig(config, {
      context,
    });
    const full = await syncOnce(store, provider, now);
    const stored = await countRows(store);
    if (full.rows !== total || stored !== total)
      throw new Error(
        `full sync read ${full.rows}, stored ${stored} of ${total} findings`,
      );
    const fullRate = full.rows / (full.ms / 1000);
    console.log(
      `(b) full sync into PostgreSQL, no rate limit: ${
        full.rows
      } findings in ${round(full.ms / 1000)} s = ${Math.round(
        fullRate,
      )} findings/s = ${round(
        (fullRate / rawRate) * 100,
      )}% of (a) (goal ≥ 50%)`,
    );

    // (d) incremental after advance(1%)
    const changed = org.advance(1, clock + 60_000);
    clock = org.clock + 1000;
    const requestsBefore =
      simulator.faults.requestCounts.get('GetFindings') ?? 0;
    const incremental = await syncOnce(store, provider, now);
    const incrementalRequests =
      (simulator.faults.requestCounts.get('GetFindings') ?? 0) - requestsBefore;
    const storedAfter = await countRows(store);
    const archived = await db
      .knex('governance_findings')
      .where({ record_state: 'ARCHIVED' })
      .count({ n: '*' });
    console.log(
      `(d) advance(1%): ${
        changed.length
      } findings changed; incremental sync fetched ${
        incremental.rows
      } findings in ${
        incremental.pages
      } pages (${incrementalRequests} GetFindings requests, ${round(
        incremental.ms / 1000,
      )} s); stored ${storedAfter}, ${Number(archived[0].n)} now ARCHIVED`,
    );
    await db.drop();

    // (c) documented limits modelled, smaller organization
    const { org: limitedOrg, perAccountRegion: limitedPerAccountRegion } =
      awsOrganization(SEED + 1, {
        findings: limitedFindings,
        accounts: limitedAccounts,
        regions,
      });
    const limitedSim = await startAwsSimulator({
      organization: limitedOrg,
      faults: { rateLimits: true },
    });
    let limited;
    try {
      const limitedDb = await pg.database('bench_governance_sync_limited', 12);
      await limitedDb.knex.migrate.latest({ directory: MIGRATIONS_DIR });
      const limitedStore = GovernanceStore.fromKnex(limitedDb.knex);
      const writeMs = timeWrites(limitedStore);
      const lc = contextFor(limitedOrg, limitedSim.url, {
        concurrency: limitedAccounts,
        limited: true,
      });
      const limitedProvider = SecurityHubGovernanceProvider.fromConfig(
        lc.config,
        { context: lc.context },
      );
      const limitedClock = limitedOrg.clock + 1000;
      const run = await syncOnce(
        limitedStore,
        limitedProvider,
        () => new Date(limitedClock),
      );
      if (run.rows !== limitedOrg.findingCount)
        throw new Error(
          `limited sync read ${run.rows} of ${limitedOrg.findingCount}`,
        );
      // The rollups maintained on write equal a fresh GROUP BY.
      const rollups = await limitedStore.verifyRollups();
      if (JSON.stringify(rollups.stored) !== JSON.stringify(rollups.expected))
        throw new Error('rollups differ from a GROUP BY over the findings');
      const targets = lc.context.homeRegionTargets().length;
      const modelled = targets * 3 * 100;
      const ceiling = Math.min(modelled, rawRate);
      const rate = run.rows / (run.ms / 1000);
      // The provider's limiter paces at SAFETY_MARGIN × 3 req/s with a burst
      // of 6 − BURST_RESERVE (GovernanceRateLimiter defaults): the time its
      // schedule alone takes for the busiest target, for comparison.
      const pagesPerTarget = Math.ceil(
        (limitedPerAccountRegion * regions) / 100,
      );
      const pacedSeconds =
        Math.max(0, pagesPerTarget - (6 - BURST_RESERVE)) / (SAFETY_MARGIN * 3);
      const sortedWrites = [...writeMs].sort((x, y) => x - y);
      limited = {
        findings: run.rows,
        pages: run.pages,
        targets,
        concurrency: limitedAccounts,
        seconds: round(run.ms / 1000, 2),
        findingsPerSecond: Math.round(rate),
        modelledCeilingFindingsPerSecond: modelled,
        ceilingFindingsPerSecond: Math.round(ceiling),
        percentOfCeiling: round((rate / ceiling) * 100),
        throttledBySimulator: limitedSim.faults.rateLimited,
        requestsSeen: limitedSim.faults.requestCounts.get('GetFindings') ?? 0,
        limiter: { safetyMargin: SAFETY_MARGIN, burstReserve: BURST_RESERVE },
        pacedScheduleSeconds: round(pacedSeconds, 2),
        pageWriteMs: {
          p50: round(percentile(sortedWrites, 50)),
          p95: round(percentile(sortedWrites, 95)),
          max: round(sortedWrites[sortedWrites.length - 1]),
        },
        rollupsVerified: true,
        goalMet: rate >= 0.9 * ceiling,
        note: `smaller organization (${
          limitedOrg.findingCount
        } findings, ${targets} targets) so the paced run takes about ${Math.round(
          limitedOrg.findingCount / ceiling,
        )} s; the burst of 6 lets the first pages out faster than 3 req/s`,
      };
      console.log(
        `(c) documented limits modelled (3 req/s burst 6 per account + Region), ${
          limitedOrg.findingCount
        } findings / ${targets} targets: ${round(
          run.ms / 1000,
        )} s = ${Math.round(rate)} findings/s = ${
          limited.percentOfCeiling
        }% of the ceiling min(${targets} × 3 × 100 = ${modelled}, (a)) = ${Math.round(
          ceiling,
        )} (goal ≥ 90%); ${limitedSim.faults.rateLimited} of ${
          limited.requestsSeen
        } requests throttled by the simulator; the limiter's schedule alone (${SAFETY_MARGIN} × 3 req/s, burst ${
          6 - BURST_RESERVE
        }) takes ${round(pacedSeconds, 1)} s; page writes p50 ${
          limited.pageWriteMs.p50
        } ms, p95 ${limited.pageWriteMs.p95} ms (a slot is ${round(
          1000 / (SAFETY_MARGIN * 3),
        )} ms)`,
      );
      await limitedDb.drop();
    } finally {
      await limitedSim.stop();
    }

    const peakRssMb = memory.peakMb();
    console.log(`peak RSS ${peakRssMb} MB (goal < 512 MB)`);
    const loadAverageEnd = round(os.loadavg()[0], 2);
    console.log(`load average at the end ${loadAverageEnd}`);
    Object.assign(result, {
      bench: 'governance-sync',
      machine: info,
      postgres: pg.origin,
      organization: {
        findings: total,
        requestedFindings: findingsWanted,
        accounts,
        regions,
        targets: accounts,
        fullSize: total >= 1_000_000,
      },
      concurrency,
      rawPaging: {
        findings: raw.findings,
        pages: raw.pages,
        seconds: round(raw.ms / 1000, 2),
        findingsPerSecond: Math.round(rawRate),
      },
      fullSync: {
        findings: full.rows,
        pages: full.pages,
        seconds: round(full.ms / 1000, 2),
        findingsPerSecond: Math.round(fullRate),
        percentOfRaw: round((fullRate / rawRate) * 100),
        goalMet: fullRate >= 0.5 * rawRate,
      },
      rateLimited: limited,
      incremental: {
        changed: changed.length,
        fetched: incremental.rows,
        pages: incremental.pages,
        requests: incrementalRequests,
        seconds: round(incremental.ms / 1000, 2),
        storedAfter,
        goalMet: incremental.rows === changed.length && storedAfter === total,
      },
      peakRssMb,
      peakRssGoalMet: peakRssMb < 512,
      loadAverageEnd,
    });
  } finally {
    memory.stop();
    await simulator.stop();
    pg?.stop();
  }
  console.log(JSON.stringify(result));
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
