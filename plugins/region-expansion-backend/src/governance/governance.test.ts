import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { ConfigReader } from '@backstage/config';
import {
  GovernanceFindingRow,
  GovernanceProvider,
  governanceReasonSentence,
  GovernanceTarget,
} from '@region-expansion/plugin-region-expansion-node';
import express from 'express';
import path from 'node:path';
import request from 'supertest';
import { createHash } from 'node:crypto';
import { testDatabaseIds } from '../__testUtils__/testDatabases';
import { createGovernance } from '../__testUtils__/governance';
import { KnexGovernanceFindingStore } from './KnexGovernanceFindingStore';
import { GovernanceSyncService } from './GovernanceSyncService';
import { createGovernanceRouter } from './router';

// unzipper ships no types; only Open.buffer is used.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const unzipper: {
  Open: {
    buffer(
      b: Buffer,
    ): Promise<{ files: Array<{ path: string; buffer(): Promise<Buffer> }> }>;
  };
} = require('unzipper');

jest.setTimeout(60_000);
const databases = TestDatabases.create({ ids: testDatabaseIds() });
const migrations = path.resolve(__dirname, '../../migrations');

const PARTITIONS = ['aws', 'aws-eusc'];
function finding(
  i: number,
  patch: Partial<GovernanceFindingRow> = {},
): GovernanceFindingRow {
  return {
    findingId: `finding-${i}`,
    partition: PARTITIONS[i % 2],
    accountId: String(100000000000 + (i % 3)),
    region: `region-${i % 2}`,
    severity: ['LOW', 'HIGH', 'CRITICAL'][i % 3],
    complianceStatus: i % 4 === 0 ? 'FAILED' : 'PASSED',
    controlId: `S3.${i % 5}`,
    workflowStatus: 'NEW',
    recordState: 'ACTIVE',
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-02T00:00:00.000Z',
    ...patch,
  };
}

async function governanceFor(id: Parameters<typeof databases.init>[0]) {
  const knex = await databases.init(id);
  await knex.migrate.latest({ directory: migrations });
  return createGovernance(knex);
}

/** FAILED, PASSED, or none (every 11th). */
function statusOf(i: number): string | undefined {
  if (i % 11 === 0) return undefined;
  return i % 4 === 0 ? 'FAILED' : 'PASSED';
}

describe.each(databases.eachSupportedId())(
  'governance stores on %s',
  databaseId => {
    it('upserts by natural key and keeps the summary in step with the findings', async () => {
      const { stores } = await governanceFor(databaseId);
      const rows = Array.from({ length: 450 }, (_, i) => finding(i));
      await stores.findings.upsertFindings('securityhub', rows);
      await stores.findings.upsertFindings('securityhub', rows);
      await stores.findings.upsertFindings('securityhub', [
        finding(0, { severity: 'LOW', complianceStatus: 'PASSED' }),
        finding(1, { recordState: 'ARCHIVED' }),
      ]);
      const page = await stores.findings.listFindings(
        {},
        { limit: 10, offset: 0 },
      );
      expect(page.total).toBe(450);
      for (const groupBy of [
        'severity',
        'partition',
        'status',
        'account',
        'region',
      ] as const) {
        const fromSummary = await stores.findings.summary(groupBy, {});
        const fromFindings = await stores.findings.summary(groupBy, {
          workflowStatus: 'NEW',
        });
        expect(fromSummary).toEqual(fromFindings);
      }
      const bySeverity = await stores.findings.summary('severity', {
        partition: 'aws',
      });
      expect(bySeverity.reduce((n, g) => n + g.total, 0)).toBe(225);
      expect(
        (await stores.findings.summary('control', {})).map(g => g.key),
      ).toEqual(['S3.0', 'S3.1', 'S3.2', 'S3.3', 'S3.4']);
    });

    it('keeps every rollup equal to a fresh GROUP BY over the findings after changes and re-runs', async () => {
      const { stores } = await governanceFor(databaseId);
      const rows = Array.from({ length: 1200 }, (_, i) =>
        finding(i, {
          controlId: i % 7 === 0 ? undefined : `S3.${i % 5}`,
          complianceStatus: statusOf(i),
        }),
      );
      await stores.findings.upsertFindings('securityhub', rows);
      await stores.findings.upsertFindings('securityhub', rows);
      // Severity, status, state, control and scope changes, duplicates in one
      // batch (the last one wins) and a second source with the same ids.
      const changed = rows.slice(0, 400).map((r, i) => ({
        ...r,
        severity: ['CRITICAL', 'MEDIUM', r.severity][i % 3],
        complianceStatus: i % 2 ? 'FAILED' : 'PASSED',
        recordState: i % 5 === 0 ? 'ARCHIVED' : 'ACTIVE',
        controlId: i % 6 === 0 ? 'EC2.1' : r.controlId,
        region: i % 9 === 0 ? 'region-9' : r.region,
      }));
      await stores.findings.upsertFindings('securityhub', [
        finding(3, { severity: 'INFORMATIONAL' }),
        ...changed,
      ]);
      await stores.findings.upsertFindings('securityhub', changed.slice(0, 50));
      await stores.findings.upsertFindings(
        'securityhub-ocsf',
        rows.slice(0, 30),
      );
      const { stored, expected } = await stores.findings.verifyRollups();
      expect(stored).toEqual(expected);
      expect(stored.length).toBeGreaterThan(0);

      const filters = [
        {},
        { partition: 'aws' },
        { region: 'region-9' },
        { accountId: '100000000001' },
        { accountId: '100000000001', region: 'region-1' },
        { severity: 'CRITICAL' },
        { complianceStatus: 'FAILED', partition: 'aws' },
        { recordState: 'ACTIVE', source: 'securityhub' },
        { controlId: 'EC2.1' },
        {
          partition: 'aws',
          region: 'region-0',
          severity: 'CRITICAL',
          recordState: 'ACTIVE',
          complianceStatus: 'FAILED',
        },
      ];
      for (const filter of filters) {
        for (const groupBy of [
          'severity',
          'partition',
          'status',
          'account',
          'region',
          'control',
        ] as const) {
          // workflowStatus is kept by no rollup: the findings table answers.
          const fromFindings = await stores.findings.summary(groupBy, {
            ...filter,
            workflowStatus: 'NEW',
          });
          expect({
            groupBy,
            filter,
            groups: await stores.findings.summary(groupBy, filter),
          }).toEqual({
            groupBy,
            filter,
            groups: fromFindings,
          });
        }
      }
    });

    it('keeps stale targets with their reason and last good data; replaces snapshot sources', async () => {
      const { stores } = await governanceFor(databaseId);
      const target: GovernanceTarget = {
        partition: 'aws-eusc',
        accountId: '900000000001',
        region: 'region-1',
      };
      await stores.syncState.markRunning(
        'securityhub',
        [target],
        '2026-11-26T10:00:00.000Z',
      );
      await stores.syncState.setCursor('securityhub', target, '{"since":"x"}');
      await stores.syncState.recordOutcome(
        'securityhub',
        { target, status: 'ok', pages: 2, rows: 150 },
        '2026-11-26T10:01:00.000Z',
      );
      await stores.syncState.recordOutcome(
        'securityhub',
        {
          target,
          status: 'failed',
          reason: 'AccessDeniedException (HTTP 403): no',
          reasonKind: 'access-denied',
          pages: 0,
          rows: 0,
        },
        '2026-11-26T11:01:00.000Z',
      );
      const [state] = await stores.syncState.freshness();
      expect(state).toMatchObject({
        status: 'stale',
        reasonKind: 'access-denied',
        staleReason: governanceReasonSentence(
          'access-denied',
          'securityhub',
          target,
        ),
        lastSuccessAt: '2026-11-26T10:01:00.000Z',
        rows: 150,
      });
      expect(await stores.syncState.getCursor('securityhub', target)).toBe(
        '{"since":"x"}',
      );
      const app = {
        appArn: 'app-1',
        appName: 'a',
        ...target,
        complianceStatus: 'PolicyMet',
        disruptions: [
          { disruptionType: 'AZ', currentRtoInSecs: 5, targetRtoInSecs: 10 },
        ],
      };
      await stores.snapshots.replaceResilienceApps(target, [
        app,
        { ...app, appArn: 'app-2' },
      ]);
      await stores.snapshots.replaceResilienceApps(target, [app]);
      expect(
        await stores.snapshots.listResilienceApps({ partition: 'aws-eusc' }),
      ).toEqual([app]);
      await stores.findings.upsertFindings('securityhub', [
        finding(1, { partition: 'aws-eusc' }),
      ]);
      await stores.history.recordHistory('securityhub', '2026-11-26');
      await stores.history.recordHistory('securityhub', '2026-11-26');
      expect(await stores.history.history({ partition: 'aws-eusc' })).toEqual([
        {
          day: '2026-11-26',
          source: 'securityhub',
          partition: 'aws-eusc',
          total: 1,
          failed: 0,
          criticalOrHighFailed: 0,
          staleTargets: 1,
        },
      ]);
    });
  },
);

describe('GovernanceSyncService', () => {
  it('runs a provider, records outcomes per target and schedules one global task per provider', async () => {
    const { stores } = await governanceFor('SQLITE_3');
    const ok: GovernanceTarget = {
      partition: 'aws',
      accountId: '100000000001',
      region: 'region-0',
    };
    const bad: GovernanceTarget = { ...ok, accountId: '100000000002' };
    const provider: GovernanceProvider = {
      id: 'securityhub',
      source: 'securityhub',
      targets: () => [ok, bad],
      sync: async ctx => {
        await ctx.sink.write('securityhub', ok, {
          findings: [finding(0, { ...ok })],
        });
        return {
          source: 'securityhub',
          outcomes: [
            { target: ok, status: 'ok', pages: 1, rows: 1 },
            {
              target: bad,
              status: 'failed',
              reason: 'ThrottlingException',
              pages: 0,
              rows: 0,
            },
          ],
        };
      },
    };
    const scheduler = mockServices.scheduler.mock();
    const sync = GovernanceSyncService.create({
      stores,
      providers: [provider],
      logger: mockServices.logger.mock(),
      scheduler,
      config: new ConfigReader({
        regionExpansion: {
          governance: {
            schedule: { frequency: { minutes: 5 }, timeout: { minutes: 4 } },
          },
        },
      }),
    });
    await sync.start();
    expect(scheduler.scheduleTask).toHaveBeenCalledWith(
      expect.objectContaining({
        id: 'region-expansion-governance:securityhub',
        scope: 'global',
        frequency: { minutes: 5 },
      }),
    );
    await sync.runProvider('securityhub');
    const states = await stores.syncState.freshness();
    expect(states.map(s => s.status)).toEqual(['ok', 'stale']);
    expect(
      (await stores.findings.listFindings({}, { limit: 5, offset: 0 })).total,
    ).toBe(1);
  });
});

describe('GovernanceSyncService writes', () => {
  const target: GovernanceTarget = {
    partition: 'aws',
    accountId: '100000000001',
    region: 'region-0',
  };
  const pageOf = (p: number) =>
    Array.from({ length: 100 }, (_, i) => finding(p * 100 + i, { ...target }));

  /** A provider that reads `pages` pages, storing a cursor after each. */
  function pagingProvider(
    pages: number,
    log: string[],
    startAt = 0,
  ): GovernanceProvider {
    return {
      id: 'securityhub',
      source: 'securityhub',
      targets: () => [target],
      sync: async ctx => {
        try {
          const stored = await ctx.cursors.get('securityhub', target);
          let p = stored ? Number(stored) : startAt;
          for (; p < pages; p++) {
            log.push(`read ${p}`);
            await ctx.sink.write('securityhub', target, {
              findings: pageOf(p),
            });
            await ctx.cursors.set('securityhub', target, String(p + 1));
          }
          return {
            source: 'securityhub',
            outcomes: [{ target, status: 'ok', pages, rows: pages * 100 }],
          };
        } catch (error) {
          return {
            source: 'securityhub',
            outcomes: [
              {
                target,
                status: 'failed',
                reason: String(error),
                pages: 0,
                rows: 0,
              },
            ],
          };
        }
      },
    };
  }

  it.each(databases.eachSupportedId())(
    'writes each page with its cursor and progress in one transaction, one page at a time per target (%s)',
    async databaseId => {
      const { stores } = await governanceFor(databaseId);
      const log: string[] = [];
      const upsert = stores.findings.upsertFindings.bind(stores.findings);
      let writing = 0;
      let maxWriting = 0;
      jest
        .spyOn(stores.findings, 'upsertFindings')
        .mockImplementation(async (source, rows, commit) => {
          writing += 1;
          maxWriting = Math.max(maxWriting, writing);
          log.push(`write ${commit?.cursor}`);
          await new Promise(r => setTimeout(r, 20));
          await upsert(source, rows, commit);
          writing -= 1;
        });
      const sync = GovernanceSyncService.create({
        stores,
        providers: [pagingProvider(5, log)],
        logger: mockServices.logger.mock(),
      });
      const report = await sync.runProvider('securityhub');
      expect(report.outcomes[0].status).toBe('ok');
      // The next page is read while the previous one is written.
      expect(log.slice(0, 3)).toEqual(['read 0', 'write 1', 'read 1']);
      expect(maxWriting).toBe(1);
      expect(await stores.syncState.getCursor('securityhub', target)).toBe('5');
      const [state] = await stores.syncState.freshness();
      expect(state).toMatchObject({ status: 'ok', pages: 5, rows: 500 });
      expect(
        (await stores.findings.listFindings({}, { limit: 1, offset: 0 })).total,
      ).toBe(500);
      const { stored, expected } = await stores.findings.verifyRollups();
      expect(stored).toEqual(expected);
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps reading while earlier pages wait to be written, at most the queue size ahead, and writes them in order (%s)',
    async databaseId => {
      const { stores } = await governanceFor(databaseId);
      const log: string[] = [];
      const upsert = stores.findings.upsertFindings.bind(stores.findings);
      let firstWriteDone = false;
      let readsBeforeFirstWrite = 0;
      jest
        .spyOn(stores.findings, 'upsertFindings')
        .mockImplementation(async (source, rows, commit) => {
          log.push(`write ${commit?.cursor}`);
          // A slow first write: it lets a few turns of the event loop pass,
          // so whatever the provider can read meanwhile it has read (its
          // reads here need no I/O).
          if (!firstWriteDone)
            for (let i = 0; i < 5; i++)
              await new Promise(resolve => setImmediate(resolve));
          await upsert(source, rows, commit);
          if (!firstWriteDone)
            readsBeforeFirstWrite = log.filter(l =>
              l.startsWith('read'),
            ).length;
          firstWriteDone = true;
        });
      const sync = GovernanceSyncService.create({
        stores,
        providers: [pagingProvider(10, log)],
        logger: mockServices.logger.mock(),
        writeQueuePages: 3,
      });
      const report = await sync.runProvider('securityhub');
      expect(report.outcomes[0].status).toBe('ok');
      // Not serialized behind the write (that would be 1 page), and bounded:
      // the page being written and 3 queued, then the provider waits.
      expect(readsBeforeFirstWrite).toBe(4);
      expect(log.filter(l => l.startsWith('write'))).toEqual(
        Array.from({ length: 10 }, (_, p) => `write ${p + 1}`),
      );
      expect(await stores.syncState.getCursor('securityhub', target)).toBe(
        '10',
      );
      expect((await stores.syncState.freshness())[0]).toMatchObject({
        status: 'ok',
        pages: 10,
        rows: 1000,
      });
      const { stored, expected } = await stores.findings.verifyRollups();
      expect(stored).toEqual(expected);
    },
  );

  it.each(databases.eachSupportedId())(
    'stops at the last stored page when a write fails and resumes exactly from its cursor (%s)',
    async databaseId => {
      const { stores } = await governanceFor(databaseId);
      const upsert = stores.findings.upsertFindings.bind(stores.findings);
      const spy = jest
        .spyOn(stores.findings, 'upsertFindings')
        .mockImplementation(async (source, rows, commit) => {
          if (commit?.cursor === '3') throw new Error('connection lost');
          await upsert(source, rows, commit);
        });
      const log: string[] = [];
      const sync = GovernanceSyncService.create({
        stores,
        providers: [pagingProvider(6, log)],
        logger: mockServices.logger.mock(),
      });
      const first = await sync.runProvider('securityhub');
      expect(first.outcomes[0]).toMatchObject({
        status: 'failed',
        reason: expect.stringMatching(/connection lost/),
      });
      // Pages 0 and 1 are stored with cursor 2; nothing after the failure.
      expect(await stores.syncState.getCursor('securityhub', target)).toBe('2');
      expect(
        (await stores.findings.listFindings({}, { limit: 1, offset: 0 })).total,
      ).toBe(200);
      expect((await stores.syncState.freshness())[0]).toMatchObject({
        status: 'stale',
      });

      spy.mockRestore();
      const resumed: string[] = [];
      const again = GovernanceSyncService.create({
        stores,
        providers: [pagingProvider(6, resumed)],
        logger: mockServices.logger.mock(),
      });
      expect((await again.runProvider('securityhub')).outcomes[0].status).toBe(
        'ok',
      );
      expect(resumed[0]).toBe('read 2');
      expect(
        (await stores.findings.listFindings({}, { limit: 1, offset: 0 })).total,
      ).toBe(600);
      const { stored, expected } = await stores.findings.verifyRollups();
      expect(stored).toEqual(expected);
    },
  );
});

describe('createGovernanceRouter', () => {
  async function appWith(
    permissionResult: AuthorizeResult = AuthorizeResult.ALLOW,
  ) {
    const { stores, service } = await governanceFor('SQLITE_3');
    await stores.findings.upsertFindings(
      'securityhub',
      Array.from({ length: 30 }, (_, i) => finding(i)),
    );
    const trigger = jest.fn(async (p?: string) => (p ? [p] : ['securityhub']));
    const router = await createGovernanceRouter({
      store: service,
      sync: { trigger },
      httpAuth: mockServices.httpAuth({
        defaultCredentials: mockCredentials.user(),
      }),
      permissions: mockServices.permissions.mock({
        authorize: async (reqs: unknown[]) =>
          reqs.map(() => ({ result: permissionResult })),
      } as any),
      now: () => new Date('2026-11-26T12:00:00Z'),
    });
    const app = express()
      .use(router)
      .use(
        MiddlewareFactory.create({
          config: new ConfigReader({}),
          logger: mockServices.logger.mock(),
        }).error(),
      );
    return { app, trigger };
  }

  it.each([
    ['/governance/summary?groupBy=partition', 200],
    ['/governance/summary?groupBy=nonsense', 400],
    ['/governance/findings?limit=5', 200],
    ['/governance/findings?limit=0', 400],
    ['/governance/findings?accountId=12', 400],
    ['/governance/findings?unknown=1', 400],
    ['/governance/freshness', 200],
    ['/governance/resilience', 200],
    ['/governance/audit', 200],
    ['/governance/conformance', 200],
    ['/governance/history', 200],
  ])('GET %s → %s', async (url, status) => {
    const { app } = await appWith();
    const res = await request(app).get(url);
    expect(res.status).toBe(status);
    // `field: reason`, the field first, as every route of the plugin says it.
    expect(status === 400 ? res.body.error.message : 'ok').toMatch(
      /^(groupBy|limit|accountId|unknown): \S|^ok$/,
    );
  });

  it('denies without permission', async () => {
    const { app } = await appWith(AuthorizeResult.DENY);
    expect((await request(app).get('/governance/summary')).status).toBe(403);
    expect((await request(app).get('/governance/evidence-bundle')).status).toBe(
      403,
    );
    expect((await request(app).post('/governance/sync')).status).toBe(403);
  });

  it('summarizes and pages findings with filters', async () => {
    const { app } = await appWith();
    const summary = await request(app).get(
      '/governance/summary?groupBy=severity&partition=aws',
    );
    expect(
      summary.body.groups.reduce((n: number, g: any) => n + g.total, 0),
    ).toBe(15);
    const page = await request(app).get(
      '/governance/findings?severity=HIGH&limit=4&offset=0',
    );
    expect(page.body.total).toBe(10);
    expect(page.body.items).toHaveLength(4);
  });

  it('triggers a sync', async () => {
    const { app, trigger } = await appWith();
    const res = await request(app)
      .post('/governance/sync')
      .send({ provider: 'securityhub' });
    expect(res.status).toBe(202);
    expect(trigger).toHaveBeenCalledWith('securityhub');
  });

  it('streams a ZIP evidence bundle scoped to the filter, with a manifest of SHA-256 per file', async () => {
    const { app } = await appWith();
    const res = await request(app)
      .get('/governance/evidence-bundle?partition=aws-eusc')
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    const zip = await unzipper.Open.buffer(res.body as Buffer);
    const files = new Map(
      await Promise.all(
        zip.files.map(async f => [f.path, await f.buffer()] as const),
      ),
    );
    const manifest = JSON.parse(files.get('manifest.json')!.toString());
    expect(manifest.files.map((f: any) => f.path).sort()).toEqual(
      [...files.keys()].filter(p => p !== 'manifest.json').sort(),
    );
    for (const entry of manifest.files) {
      expect(
        createHash('sha256').update(files.get(entry.path)!).digest('hex'),
      ).toBe(entry.sha256);
    }
    const findings = JSON.parse(
      files.get('securityhub/findings.json')!.toString(),
    );
    expect(findings).toHaveLength(15);
    expect(findings.every((f: any) => f.partition === 'aws-eusc')).toBe(true);
    expect(files.get('summary.pdf')!.subarray(0, 4).toString()).toBe('%PDF');
    expect(
      files.get('securityhub/findings.csv')!.toString().split('\n')[0],
    ).toMatch(/^source,findingId,partition/);
  });

  it('answers a failed evidence bundle as a JSON error, not labelled a ZIP attachment', async () => {
    const { app } = await appWith();
    // On the prototype: the bundle reads through a store bound to its snapshot.
    const spy = jest
      .spyOn(KnexGovernanceFindingStore.prototype, 'streamFindings')
      .mockImplementation(async function* broken() {
        yield [{ ...finding(1), source: 'securityhub' }];
        throw new Error('connection lost');
      });
    try {
      const res = await request(app).get('/governance/evidence-bundle');
      expect(res.status).toBe(500);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.headers['content-disposition']).toBeUndefined();
      expect(res.body.error.message).toMatch(/connection lost/);
    } finally {
      spy.mockRestore();
    }
  });
});
