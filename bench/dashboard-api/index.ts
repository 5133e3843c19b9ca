/* eslint-disable no-console */
// `yarn bench dashboard-api [--findings N] [--accounts A] [--regions R]
//   [--requests N] [--baseline-requests N]`
//
// Loads a synthetic organization's Security Hub findings (default 1,000,000 /
// 500 accounts / 30 Regions of partition aws) into PostgreSQL through
// GovernanceStore.upsertFindings (the store's write path: multi-row upserts
// with the rollup deltas applied in the same transaction), starts the governance router in an express
// app (mock httpAuth + an allow-all permissions mock) on loopback and measures
// GET /governance/summary latency p50/p95 over a mix of groupBy and filters.
// Baseline, same run: the same summary computed per request from the AWS
// simulator (real SDK, GetFindings paged over the filtered scope from the home
// Region, grouped in memory), on a smaller sample of requests (labelled).
// Goal: p95 < 50 ms. Prints human lines and one final JSON line.
import { performance } from 'node:perf_hooks';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
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
  GovernanceFindingRow,
  mapWithConcurrency,
} from '@region-expansion/plugin-region-expansion-node';
import { GovernanceStore } from '../../plugins/region-expansion-backend/src/governance/GovernanceStore';
import { createGovernanceRouter } from '../../plugins/region-expansion-backend/src/governance/router';
import {
  awsOrganization,
  machine,
  memorySampler,
  MIGRATIONS_DIR,
  numberFlag,
  percentile,
  round,
} from '../governance-sync/shared';
import { PgServer, startPostgres } from '../lib/postgres';

const SEED = 20261127;
const PG_PORT = 5443;
const GOAL_P95_MS = 50;

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

function urlOf(base: string, q: Query): string {
  const params = new URLSearchParams({ groupBy: q.groupBy, ...q.filter });
  return `${base}/governance/summary?${params}`;
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
  let pages = 0;
  try {
    let nextToken: string | undefined;
    do {
      const out = await client.send(
        new GetFindingsCommand({
          Filters: filters,
          MaxResults: 100,
          NextToken: nextToken,
        }),
      );
      pages += 1;
      for (const f of out.Findings ?? []) {
        const key = KEY_OF[q.groupBy](f);
        groups.set(key, (groups.get(key) ?? 0) + 1);
      }
      nextToken = out.NextToken;
    } while (nextToken);
  } finally {
    client.destroy();
  }
  return { groups, pages };
}

async function main() {
  const findingsWanted = numberFlag('findings', 1_000_000);
  const accounts = numberFlag('accounts', 500);
  const regions = numberFlag('regions', 30);
  const requests = numberFlag('requests', 600);
  const baselineRequests = numberFlag('baseline-requests', 12);
  const memory = memorySampler();
  const info = machine();
  console.log(
    `dashboard-api on ${info.cpus}× ${info.model}, node ${info.node}, load ${info.loadAverage1m}`,
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
    )} findings (${accounts} accounts × ${regions} Regions × ${perAccountRegion})`,
  );

  let pg: PgServer | undefined;
  const simulator = await startAwsSimulator({ organization: org });
  let server: import('node:http').Server | undefined;
  try {
    pg = startPostgres({
      port: PG_PORT,
      durability: 'off',
      name: 'bench-dashboard-api',
    });
    console.log(`postgres: ${pg.origin}`);
    const db = await pg.database('bench_dashboard_api', 10);
    await db.knex.migrate.latest({ directory: MIGRATIONS_DIR });
    const store = GovernanceStore.fromKnex(db.knex);

    // Load: 4 workers over disjoint accounts (disjoint summary rows), 2,000-row batches.
    const loadStarted = performance.now();
    const accountIndexes = org.accounts.map((_, i) => i);
    const perAccount = total / accounts;
    let loaded = 0;
    let lastReport = performance.now();
    await mapWithConcurrency(accountIndexes, 4, async a => {
      const [from, to] = org.findingRangeOf('aws', org.accounts[a].id);
      for (let i = from; i < to; i += 2000) {
        const batch: GovernanceFindingRow[] = [];
        for (let k = i; k < Math.min(to, i + 2000); k++)
          batch.push(rowOf(org, k));
        await store.upsertFindings('securityhub', batch);
        loaded += batch.length;
      }
      if (performance.now() - lastReport > 15_000) {
        lastReport = performance.now();
        console.log(`  loaded ${loaded} / ${total}`);
      }
      return perAccount;
    });
    const loadMs = performance.now() - loadStarted;
    await db.knex.raw('ANALYZE');
    const rollupLevels = await db
      .knex('governance_rollups')
      .select('level')
      .count({ n: '*' })
      .groupBy('level');
    const summaryRows = rollupLevels.reduce(
      (n: number, l: any) => n + Number(l.n),
      0,
    );
    const rowsPerLevel = Object.fromEntries(
      rollupLevels.map((l: any) => [l.level, Number(l.n)]),
    );
    console.log(
      `load: ${loaded} findings through GovernanceStore.upsertFindings in ${round(
        loadMs / 1000,
      )} s = ${Math.round(
        loaded / (loadMs / 1000),
      )} findings/s; rollups ${summaryRows} rows ${JSON.stringify(
        rowsPerLevel,
      )}`,
    );

    const router = await createGovernanceRouter({
      store,
      sync: { trigger: async () => [] },
      httpAuth: mockServices.httpAuth({
        defaultCredentials: mockCredentials.user(),
      }),
      // Allow-all, without jest (mockServices.permissions.mock needs jest).
      permissions: {
        authorize: async (reqs: unknown[]) =>
          reqs.map(() => ({ result: AuthorizeResult.ALLOW })),
        authorizeConditional: async (reqs: unknown[]) =>
          reqs.map(() => ({ result: AuthorizeResult.ALLOW })),
      } as any,
    });
    const app = express().use(router);
    server = await new Promise(resolve => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    const base = `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;

    const mix = requestMix(org, requests);
    // Warm-up: connection pool, plans, caches.
    for (const q of mix.slice(0, 20))
      await (await fetch(urlOf(base, q))).json();
    const latencies: number[] = [];
    const byGroup = new Map<string, number[]>();
    for (const q of mix) {
      const started = performance.now();
      const res = await fetch(urlOf(base, q));
      const body = await res.json();
      const ms = performance.now() - started;
      if (res.status !== 200 || !Array.isArray(body.groups))
        throw new Error(`${urlOf(base, q)} → ${res.status}`);
      latencies.push(ms);
      const key = q.groupBy;
      byGroup.set(key, [...(byGroup.get(key) ?? []), ms]);
    }
    latencies.sort((x, y) => x - y);
    const p50 = percentile(latencies, 50);
    const p95 = percentile(latencies, 95);
    const perGroupBy = Object.fromEntries(
      [...byGroup].map(([k, v]) => {
        v.sort((x, y) => x - y);
        return [
          k,
          {
            requests: v.length,
            p50Ms: round(percentile(v, 50), 2),
            p95Ms: round(percentile(v, 95), 2),
          },
        ];
      }),
    );
    console.log(
      `summary endpoint, ${latencies.length} sequential requests: p50 ${round(
        p50,
        2,
      )} ms, p95 ${round(p95, 2)} ms, max ${round(
        latencies[latencies.length - 1],
        2,
      )} ms (goal p95 < ${GOAL_P95_MS} ms)`,
    );
    for (const [k, v] of Object.entries(perGroupBy))
      console.log(`  groupBy=${k}: ${JSON.stringify(v)}`);

    // Baseline: the simulator per request, a smaller sample of the same mix,
    // checked against the store's answer.
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
      const fromStore = await store.summary(q.groupBy as any, q.filter);
      const storeTotal = fromStore.reduce((n, g) => n + g.total, 0);
      const simTotal = [...groups.values()].reduce((n, c) => n + c, 0);
      if (storeTotal !== simTotal)
        throw new Error(
          `baseline mismatch for ${JSON.stringify(
            q,
          )}: store ${storeTotal}, simulator ${simTotal}`,
        );
    }
    baseline.sort((x, y) => x - y);
    const bp50 = percentile(baseline, 50);
    const bp95 = percentile(baseline, 95);
    console.log(
      `baseline (simulator per request, sample of ${
        baseline.length
      } account-scoped requests, ${baselinePages} GetFindings pages): p50 ${round(
        bp50,
      )} ms, p95 ${round(bp95)} ms; totals match the store`,
    );
    const peakRssMb = memory.peakMb();
    console.log(`peak RSS ${peakRssMb} MB`);
    const result = {
      bench: 'dashboard-api',
      machine: info,
      postgres: pg.origin,
      organization: {
        findings: total,
        requestedFindings: findingsWanted,
        accounts,
        regions,
        rollupRows: summaryRows,
        rollupRowsPerLevel: rowsPerLevel,
      },
      load: {
        findings: loaded,
        seconds: round(loadMs / 1000, 2),
        findingsPerSecond: Math.round(loaded / (loadMs / 1000)),
      },
      summaryEndpoint: {
        requests: latencies.length,
        p50Ms: round(p50, 2),
        p95Ms: round(p95, 2),
        maxMs: round(latencies[latencies.length - 1], 2),
        perGroupBy,
        goalP95Ms: GOAL_P95_MS,
        goalMet: p95 < GOAL_P95_MS,
      },
      baselineSimulatorPerRequest: {
        label: `sample of ${baseline.length} account-scoped requests of the same mix (an unscoped one would page all ${total} findings)`,
        requests: baseline.length,
        pages: baselinePages,
        p50Ms: round(bp50, 1),
        p95Ms: round(bp95, 1),
      },
      peakRssMb,
    };
    await db.drop();
    console.log(JSON.stringify(result));
  } finally {
    memory.stop();
    server?.close();
    await simulator.stop();
    pg?.stop();
  }
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
