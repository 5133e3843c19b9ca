import {
  createBackendModule,
  type BackendFeature,
} from '@backstage/backend-plugin-api';
import { SecurityHubClient } from '@aws-sdk/client-securityhub';
import {
  accessKeyIdFor,
  startAwsSimulator,
  SyntheticOrganization,
} from '@region-expansion/aws-simulator';
import {
  GovernanceFindingRow,
  GovernanceProvider,
  mapWithConcurrency,
  regionExpansionGovernanceExtensionPoint,
} from '@region-expansion/plugin-region-expansion-node';
import { OptionsOf, dashboardApiOptions, withDefaults } from '../benchOptions';
import { awsOrganization } from '../lib/awsOrganization';
import { startBenchBackend } from '../lib/benchBackend';
import {
  BenchDatabaseOption,
  benchDatabases,
  engineOf,
} from '../lib/benchDatabases';
import { summaryThroughApi, syncThroughApi } from '../lib/governanceApi';
import type { BenchLog } from '../lib/log';
import { measuredRun } from '../lib/measuredRun';
import { pageFindings } from '../lib/pageFindings';
import { findingsThroughput, latencyFigures } from '../lib/stats';

/** Options of {@link runDashboardApiBench}. */
export type DashboardApiBenchOptions = BenchDatabaseOption &
  OptionsOf<typeof dashboardApiOptions>;

const SEED = 20261127;
const PG_PORT = 5446;
const GOAL_P95_MS = 50;
export const LOADER = { id: 'bench-loader', source: 'securityhub' } as const;
const BATCH = 5000;

function rowOf(org: SyntheticOrganization, i: number): GovernanceFindingRow {
  const f = org.finding(i);
  return {
    findingId: f.id,
    partition: f.partition,
    accountId: f.accountId,
    region: f.region,
    severity: f.severityLabel,
    complianceStatus: f.complianceStatus,
    controlId: f.control.id,
    workflowStatus: f.workflowStatus,
    recordState: f.recordState,
    resourceType: f.control.resourceType,
    resourceId: f.resourceId,
    productName: 'Security Hub',
    generatorId: `security-control/${f.control.id}`,
    title: f.control.title,
    createdAt: new Date(f.createdAt).toISOString(),
    updatedAt: new Date(f.updatedAt).toISOString(),
  };
}

/**
 * A governance module whose provider hands the organization's findings to
 * the sync as they are (no AWS API): 4 workers over disjoint accounts,
 * 5,000-row writes, so loading measures the plugin's write path (rows and
 * rollups in one transaction per write) and nothing else.
 */
export function loaderModule(org: SyntheticOrganization): BackendFeature {
  const provider: GovernanceProvider = {
    ...LOADER,
    targets: () =>
      org.accounts.map(a => ({
        partition: a.partition,
        accountId: a.id,
        region: org.partitionOf(a.partition).homeRegion,
      })),
    async sync(ctx) {
      const outcomes = await mapWithConcurrency(
        ctx.targets,
        4,
        async target => {
          const [from, to] = org.findingRangeOf(
            target.partition,
            target.accountId,
          );
          let pages = 0;
          for (let i = from; i < to; i += BATCH) {
            const batch: GovernanceFindingRow[] = [];
            for (let k = i; k < Math.min(to, i + BATCH); k++)
              batch.push(rowOf(org, k));
            await ctx.sink.write(LOADER.source, target, { findings: batch });
            pages += 1;
          }
          return { target, status: 'ok' as const, pages, rows: to - from };
        },
      );
      return { source: LOADER.source, outcomes };
    },
  };
  return createBackendModule({
    pluginId: 'region-expansion',
    moduleId: 'bench-loader',
    register(env) {
      env.registerInit({
        deps: { governance: regionExpansionGovernanceExtensionPoint },
        async init({ governance }) {
          governance.addProvider(provider);
        },
      });
    },
  });
}

type Query = { groupBy: string; filter: Record<string, string> };

/** The request mix: every groupBy, unfiltered and with scope/value filters. */
function requestMix(org: SyntheticOrganization, n: number): Query[] {
  const groupBys = ['severity', 'region', 'account', 'status', 'partition'];
  const out: Query[] = [];
  for (let i = 0; i < n; i++) {
    const account = org.accounts[(i * 7919) % org.accounts.length].id;
    const region = org.regions[(i * 31) % org.regions.length].id;
    const filters: Array<Record<string, string>> = [
      {},
      { region },
      { accountId: account },
      { severity: 'CRITICAL' },
      { partition: 'aws', complianceStatus: 'FAILED' },
      { accountId: account, region },
    ];
    const filter = filters[i % filters.length];
    // `control` reads the findings table: asked with an account scope.
    const groupBy =
      i % 10 === 9 ? 'control' : groupBys[Math.floor(i / 6) % groupBys.length];
    out.push({
      groupBy,
      filter: groupBy === 'control' ? { accountId: account } : filter,
    });
  }
  return out;
}

const KEY_OF: Record<string, (f: any) => string> = {
  severity: f => f.Severity?.Label,
  region: f => f.Region,
  account: f => f.AwsAccountId,
  status: f => f.Compliance?.Status ?? 'NONE',
  partition: () => 'aws',
  control: f => f.Compliance?.SecurityControlId ?? 'NONE',
};

/** The baseline: pages GetFindings over the filter's scope and groups in memory. */
async function summaryFromSimulator(
  endpoint: string,
  homeRegion: string,
  callerAccount: string,
  q: Query,
): Promise<{ groups: Map<string, number>; pages: number }> {
  const client = new SecurityHubClient({
    region: homeRegion,
    endpoint,
    credentials: {
      accessKeyId: accessKeyIdFor(q.filter.accountId ?? callerAccount),
      secretAccessKey: 'simulated',
    },
    maxAttempts: 5,
  });
  const filters: Record<
    string,
    Array<{ Value: string; Comparison: 'EQUALS' }>
  > = {};
  const asff: Record<string, string> = {
    accountId: 'AwsAccountId',
    region: 'Region',
    severity: 'SeverityLabel',
    complianceStatus: 'ComplianceStatus',
  };
  for (const [k, v] of Object.entries(q.filter)) {
    if (asff[k]) filters[asff[k]] = [{ Value: v, Comparison: 'EQUALS' }];
  }
  const groups = new Map<string, number>();
  try {
    const pages = await pageFindings(client, filters, findings => {
      for (const f of findings) {
        const key = KEY_OF[q.groupBy](f);
        groups.set(key, (groups.get(key) ?? 0) + 1);
      }
    });
    return { groups, pages };
  } finally {
    client.destroy();
  }
}

/**
 * `yarn bench dashboard-api`: loads a synthetic organization's Security Hub
 * findings (default 1,000,000 / 500 accounts / 30 Regions of partition aws)
 * into PostgreSQL through a governance sync of the region-expansion backend
 * (a provider that hands the findings over as they are), then measures
 * `GET /governance/summary` latency p50/p95 over a mix of groupBy and
 * filters. Baseline, same run: the same summary computed per request from
 * the AWS simulator (real SDK, GetFindings paged over the filtered scope
 * from the home Region, grouped in memory), on a smaller sample of requests
 * (labelled). Goal: p95 < 50 ms.
 */
export async function runDashboardApiBench(
  options: DashboardApiBenchOptions,
  log: BenchLog,
) {
  const { findings, accounts, regions, requests, baselineRequests } =
    withDefaults(dashboardApiOptions, options);
  const engine = engineOf(options);
  return measuredRun('dashboard-api', log, async cleanups => {
    const { org, partition, summary } = awsOrganization(SEED, {
      findings,
      accounts,
      regions,
    });
    const total = org.findingCount;
    log(`organization: ${summary}`);
    const simulator = await startAwsSimulator({ organization: org });
    cleanups.add(() => simulator.stop());
    const databases = benchDatabases(
      cleanups,
      { port: PG_PORT, durability: 'off', name: 'bench-dashboard-api' },
      log,
    );
    const db = await databases.create(engine, 'bench_dashboard_api', {
      poolMax: 10,
    });
    const backend = await startBenchBackend({
      knex: db.knex,
      features: [loaderModule(org)],
    });
    cleanups.add(() => backend.stop());

    const load = await syncThroughApi(backend.api, LOADER);
    if (load.rows !== total)
      throw new Error(`loaded ${load.rows} of ${total} findings`);
    // Fresh statistics, as a database that has been running would have.
    if (engine === 'postgres') await db.knex.raw('ANALYZE');
    // Size of what the summaries read: the plugin's rollup table, counted
    // in the database this bench created (a figure, not an interface).
    const rollupLevels: Array<{ level: string; n: number | string }> = await db
      .knex('governance_rollups')
      .select('level')
      .count({ n: '*' })
      .groupBy('level');
    const rollupRows = rollupLevels.reduce((n, l) => n + Number(l.n), 0);
    const rowsPerLevel = Object.fromEntries(
      rollupLevels.map(l => [l.level, Number(l.n)]),
    );
    const loaded = findingsThroughput(load.rows, load.ms);
    log(
      `load: ${
        loaded.findings
      } findings through a governance sync (4 workers, ${BATCH}-row writes) in ${
        loaded.seconds
      } s = ${
        loaded.findingsPerSecond
      } findings/s; rollups ${rollupRows} rows ${JSON.stringify(rowsPerLevel)}`,
    );

    const mix = requestMix(org, requests);
    // Warm-up: connection pool, plans, caches.
    for (const q of mix.slice(0, 20))
      await summaryThroughApi(backend.api, q.groupBy, q.filter);
    const latencies: number[] = [];
    const byGroup = new Map<string, number[]>();
    for (const q of mix) {
      const started = performance.now();
      const body = await summaryThroughApi(backend.api, q.groupBy, q.filter);
      const ms = performance.now() - started;
      if (!Array.isArray(body.groups))
        throw new Error(`summary ${JSON.stringify(q)} has no groups`);
      latencies.push(ms);
      byGroup.set(q.groupBy, [...(byGroup.get(q.groupBy) ?? []), ms]);
    }
    const endpoint = latencyFigures(latencies);
    const perGroupBy = Object.fromEntries(
      [...byGroup].map(([k, v]) => [
        k,
        { requests: v.length, ...latencyFigures(v) },
      ]),
    );
    log(
      `summary endpoint, ${latencies.length} sequential requests: p50 ${endpoint.p50Ms} ms, p95 ${endpoint.p95Ms} ms, max ${endpoint.maxMs} ms (goal p95 < ${GOAL_P95_MS} ms)`,
    );
    for (const [k, v] of Object.entries(perGroupBy))
      log(`  groupBy=${k}: ${JSON.stringify(v)}`);

    // Baseline: the simulator per request, a smaller sample of the same mix,
    // checked against the API's answer.
    const sample = mix
      .filter(q => q.filter.accountId)
      .slice(0, baselineRequests);
    const baseline: number[] = [];
    let baselinePages = 0;
    for (const q of sample) {
      const started = performance.now();
      const { groups, pages } = await summaryFromSimulator(
        simulator.url,
        partition.homeRegion,
        org.accounts[0].id,
        q,
      );
      baseline.push(performance.now() - started);
      baselinePages += pages;
      const fromApi = await summaryThroughApi(backend.api, q.groupBy, q.filter);
      const apiTotal = fromApi.groups.reduce((n, g) => n + g.total, 0);
      const simTotal = [...groups.values()].reduce((n, c) => n + c, 0);
      if (apiTotal !== simTotal)
        throw new Error(
          `baseline mismatch for ${JSON.stringify(
            q,
          )}: API ${apiTotal}, simulator ${simTotal}`,
        );
    }
    const perRequest = latencyFigures(baseline, 1);
    log(
      `baseline (simulator per request, sample of ${baseline.length} account-scoped requests, ${baselinePages} GetFindings pages): p50 ${perRequest.p50Ms} ms, p95 ${perRequest.p95Ms} ms; totals match the API`,
    );
    return {
      database: databases.postgresOrigin() ?? 'SQLite in memory',
      organization: {
        findings: total,
        requestedFindings: findings,
        accounts,
        regions,
        rollupRows,
        rollupRowsPerLevel: rowsPerLevel,
      },
      load: loaded,
      summaryEndpoint: {
        requests: latencies.length,
        ...endpoint,
        perGroupBy,
        goalP95Ms: GOAL_P95_MS,
        goalMet: endpoint.p95Ms < GOAL_P95_MS,
      },
      baselineSimulatorPerRequest: {
        label: `sample of ${baseline.length} account-scoped requests of the same mix (an unscoped one would page all ${total} findings)`,
        requests: baseline.length,
        pages: baselinePages,
        ...perRequest,
      },
    };
  });
}
