import { TestDatabases } from '@backstage/backend-test-utils';
import { encodePageCursor } from '@region-expansion/plugin-region-expansion-common';
import {
  GovernanceFindingRow,
  GovernanceTarget,
} from '@region-expansion/plugin-region-expansion-node';
import express from 'express';
import path from 'node:path';
import request from 'supertest';
import { testDatabaseIds } from '../__testUtils__/testDatabases';
import {
  conformanceScore,
  createGovernance,
  governanceApp,
  governanceFinding,
} from '../__testUtils__/governance';
import { GovernanceStores } from './governanceStores';

jest.setTimeout(120_000);
const databases = TestDatabases.create({ ids: testDatabaseIds() });
const migrations = path.resolve(__dirname, '../../migrations');

const PARTITIONS = ['aws', 'aws-eusc'];
/** Ids padded to sort as numbers, so a page's order is easy to state. */
const padded = (prefix: string, i: number) =>
  `${prefix}-${String(i).padStart(5, '0')}`;
const finding = (i: number): GovernanceFindingRow =>
  governanceFinding(i, { findingId: padded('finding', i) });
const ocsfFinding = (i: number): GovernanceFindingRow =>
  governanceFinding(i, { findingId: padded('ocsf', i) });

const TARGETS: GovernanceTarget[] = [0, 1, 2].map(i => ({
  partition: PARTITIONS[i % 2],
  accountId: String(100000000000 + i),
  region: `region-${i % 2}`,
}));

async function seed(stores: GovernanceStores) {
  await stores.findings.upsertFindings(
    'securityhub',
    Array.from({ length: 1234 }, (_, i) => finding(i)),
  );
  // Ids of their own, so a finding id names one row in these tests.
  await stores.findings.upsertFindings(
    'securityhub-ocsf',
    Array.from({ length: 40 }, (_, i) => ocsfFinding(i)),
  );
  for (const [t, target] of TARGETS.entries()) {
    await stores.snapshots.replaceResilienceApps(
      target,
      Array.from({ length: 90 }, (_, i) => ({
        appArn: `arn:${target.partition}:resiliencehub:${target.region}:${target.accountId}:app/${i}`,
        appName: `app-${t}-${i}`,
        ...target,
        complianceStatus: 'PolicyMet',
        disruptions: [],
      })),
    );
    await stores.snapshots.replaceAuditControls(
      target,
      Array.from({ length: 80 }, (_, i) => ({
        ...target,
        assessmentId: `assessment-${t}`,
        assessmentName: `Assessment ${t}`,
        framework: 'CIS',
        controlSetId: `set-${i % 3}`,
        controlId: `control-${i}`,
        controlName: `Control ${i}`,
        controlStatus: 'REVIEWED',
        evidenceCount: i,
        folders: [],
      })),
    );
    await stores.snapshots.replaceConformanceScores(
      target,
      Array.from({ length: 80 }, (_, i) =>
        conformanceScore(target, `pack-${i}`, 1, 1),
      ),
    );
  }
  // 130 days × 2 sources × 2 partitions = 520 points.
  for (let d = 0; d < 130; d++) {
    const day = new Date(Date.UTC(2026, 0, 1 + d)).toISOString().slice(0, 10);
    await stores.history.recordHistory('securityhub', day);
    await stores.history.recordHistory('securityhub-ocsf', day);
  }
}

/** Follows `nextCursor` from the first page to the last. */
async function readAllPages(
  app: express.Express,
  url: string,
  limit: number,
): Promise<{ pages: any[]; items: any[] }> {
  const pages: any[] = [];
  let cursor: string | undefined;
  do {
    const res = await request(app)
      .get(url)
      .query({ limit, ...(cursor ? { cursor } : {}) });
    expect([url, res.status, res.body.error]).toEqual([url, 200, undefined]);
    expect(res.body.items.length).toBeLessThanOrEqual(limit);
    pages.push(res.body);
    cursor = res.body.nextCursor;
    expect(pages.length).toBeLessThan(1000);
  } while (cursor);
  return { pages, items: pages.flatMap(p => p.items) };
}

describe.each(testDatabaseIds())('governance list routes on %s', databaseId => {
  let stores: GovernanceStores;
  let app: express.Express;

  beforeAll(async () => {
    const knex = await databases.init(databaseId);
    await knex.migrate.latest({ directory: migrations });
    const governance = createGovernance(knex);
    stores = governance.stores;
    await seed(stores);
    app = await governanceApp(governance.service);
  });

  const keyOf: Record<string, (item: any) => string> = {
    findings: f => f.findingId,
    history: h => `${h.day}/${h.source}/${h.partition}`,
    resilience: a => a.appArn,
    audit: c => `${c.assessmentId}/${c.controlSetId}/${c.controlId}`,
    conformance: s => `${s.partition}/${s.accountId}/${s.region}/${s.packName}`,
  };

  it.each([
    ['findings', '/governance/findings?partition=aws', 97],
    ['history', '/governance/history', 67],
    ['resilience', '/governance/resilience', 41],
    ['audit', '/governance/audit', 53],
    ['conformance', '/governance/conformance?partition=aws', 29],
  ])(
    'pages GET %s with cursor: every row exactly once, in order, no page over the limit',
    async (list, url, limit) => {
      const expected = {
        findings: async () => {
          const all: string[] = [];
          for await (const batch of stores.findings.streamFindings({
            partition: 'aws',
          }))
            all.push(...batch.map(f => f.findingId));
          return all;
        },
        history: async () =>
          (await stores.history.history()).map(keyOf.history),
        resilience: async () =>
          (await stores.snapshots.listResilienceApps()).map(keyOf.resilience),
        audit: async () =>
          (await stores.snapshots.listAuditControls()).map(keyOf.audit),
        conformance: async () =>
          (
            await stores.snapshots.listConformanceScores({ partition: 'aws' })
          ).map(keyOf.conformance),
      }[list]!;
      const want = await expected();
      expect(want.length).toBeGreaterThan(2 * limit);

      const { pages, items } = await readAllPages(app, url, limit);
      const got = items.map(keyOf[list]);
      expect(got).toEqual(want);
      expect(new Set(got).size).toBe(got.length);
      for (const page of pages.slice(0, -1)) {
        expect(page.items).toHaveLength(limit);
        expect(page.limit).toBe(limit);
        expect(typeof page.nextCursor).toBe('string');
      }
      expect(pages[pages.length - 1].nextCursor).toBeUndefined();
    },
  );

  it('keeps findings paging exact while a sync adds rows between pages', async () => {
    const first = await request(app)
      .get('/governance/findings')
      .query({ source: 'securityhub-ocsf', limit: 15 });
    expect(first.body.items).toHaveLength(15);
    // Rows before and after the cursor: offset paging would repeat one.
    await stores.findings.upsertFindings('securityhub-ocsf', [
      { ...finding(0), findingId: 'ocsf-00000a' },
      { ...finding(1), findingId: 'ocsf-99999' },
    ]);
    const seen = first.body.items.map((f: any) => f.findingId);
    let cursor = first.body.nextCursor;
    while (cursor) {
      const res = await request(app)
        .get('/governance/findings')
        .query({ source: 'securityhub-ocsf', limit: 15, cursor });
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((f: any) => f.findingId));
      cursor = res.body.nextCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual([
      ...Array.from({ length: 40 }, (_, i) => ocsfFinding(i).findingId),
      'ocsf-99999',
    ]);
  });

  it('answers the documented default page size without limit', async () => {
    for (const [url, size] of [
      ['/governance/findings', 100],
      ['/governance/history', 500],
      ['/governance/resilience', 100],
      ['/governance/audit', 100],
      ['/governance/conformance', 100],
    ] as const) {
      const res = await request(app).get(url);
      expect([url, res.status, res.body.items.length, res.body.limit]).toEqual([
        url,
        200,
        size,
        size,
      ]);
      expect(typeof res.body.nextCursor).toBe('string');
    }
  });

  it('keeps offset paging for findings up to the cap', async () => {
    const res = await request(app).get('/governance/findings').query({
      partition: 'aws',
      source: 'securityhub',
      limit: 10,
      offset: 600,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 617, offset: 600, limit: 10 });
    expect(res.body.items).toHaveLength(10);
  });

  const historyCursor = encodePageCursor('governance-history', [
    '2026-01-01',
    'securityhub',
    'aws',
  ]);
  const resilienceCursor = encodePageCursor('governance-resilience', ['x']);
  it.each([
    ['/governance/findings?limit=1001', /^limit: must be at most 1000$/],
    ['/governance/findings?limit=ten', /^limit: must be a number$/],
    ['/governance/findings?limit=2.5', /^limit: must be a whole number$/],
    ['/governance/findings?offset=-1', /^offset: must not be negative$/],
    ['/governance/findings?offset=10001', /^offset: must be at most 10000/],
    [
      '/governance/findings?cursor=%25%25garbage',
      /^cursor: must be the nextCursor/,
    ],
    [
      '/governance/findings?cursor=bm90LWpzb24',
      /^cursor: must be the nextCursor/,
    ],
    [
      `/governance/findings?cursor=${historyCursor}`,
      /^cursor: must be the nextCursor/,
    ],
    [
      `/governance/findings?cursor=${encodePageCursor('governance-findings', [
        'securityhub',
        'a',
      ])}&offset=5`,
      /^cursor: cannot be combined with offset/,
    ],
    ['/governance/findings?pageSize=5', /^pageSize: is not a known field$/],
    ['/governance/history?limit=2001', /^limit: must be at most 2000$/],
    ['/governance/history?since=yesterday', /^since: must be a day/],
    ['/governance/history?offset=1', /^offset: is not a known field$/],
    [
      `/governance/history?cursor=${resilienceCursor}`,
      /^cursor: must be the nextCursor/,
    ],
    ['/governance/resilience?limit=501', /^limit: must be at most 500$/],
    ['/governance/audit?limit=0', /^limit: must be at least 1$/],
    ['/governance/audit?offset=100', /^offset: is not a known field$/],
    [
      `/governance/conformance?cursor=${resilienceCursor}`,
      /^cursor: must be the nextCursor/,
    ],
    [
      '/governance/conformance?severity=HIGH',
      /^severity: is not a known field$/,
    ],
  ])('GET %s → 400 naming the field', async (url, message) => {
    const res = await request(app).get(url);
    expect([res.status, res.body.error?.message]).toEqual([
      400,
      expect.stringMatching(message),
    ]);
  });
});
