import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import {
  encodePageCursor,
  READINESS_CHECKS,
  ReadinessLevel,
} from '@region-expansion/plugin-region-expansion-common';
import express from 'express';
import request from 'supertest';
import { evaluationAt } from '../__testUtils__/evaluations';
import { appWithErrors } from '../__testUtils__/appWithErrors';
import { testDatabaseIds } from '../__testUtils__/testDatabases';
import { EstateService } from '../estate/EstateService';
import { KnexEstateStore } from '../estate/KnexEstateStore';
import { migrated } from '../__testUtils__/estate';
import { ReadinessService } from './ReadinessService';
import { ReadinessStore } from './ReadinessStore';
import { KnexReadinessStore } from './KnexReadinessStore';
import { createReadinessRouter } from './router';

jest.setTimeout(120_000);
const databases = TestDatabases.create({ ids: testDatabaseIds() });

const T0 = Date.parse('2026-06-01T00:00:00.000Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000);

/** Follows `nextCursor` from the first page to the last. */
async function readAllPages(
  app: express.Express,
  url: string,
  query: Record<string, string | number>,
) {
  const pages: any[] = [];
  let cursor: string | undefined;
  do {
    const res = await request(app)
      .get(url)
      .query({ ...query, ...(cursor ? { cursor } : {}) });
    expect([url, res.status, res.body.error]).toEqual([url, 200, undefined]);
    expect(res.body.items.length).toBeLessThanOrEqual(Number(query.limit));
    pages.push(res.body);
    cursor = res.body.nextCursor;
    expect(pages.length).toBeLessThan(1000);
  } while (cursor);
  return { pages, items: pages.flatMap(p => p.items) };
}

describe.each(testDatabaseIds())('readiness list routes on %s', databaseId => {
  let app: express.Express;
  let store: ReadinessStore;
  const now = at(100_000);
  const levels: ReadinessLevel[] = [];

  beforeAll(async () => {
    const knex = await databases.init(databaseId);
    const client = await migrated(knex);
    const estate = EstateService.create({
      store: KnexEstateStore.create({ client }),
    });
    store = KnexReadinessStore.create({ client });
    // 620 evaluations; the level changes every 7th one.
    for (let i = 0; i < 620; i++) {
      const level = (['ready', 'pilot', 'blocked'] as const)[
        Math.floor(i / 7) % 3
      ];
      levels.push(level);
      await store.addEvaluation(evaluationAt('eu-west-1', level, at(i)), {
        partition: 'aws',
        trigger: 'scheduled',
      });
    }
    // 45 locations × every check; three waivers share each creation time, and
    // every fourth is revoked.
    let n = 0;
    for (let l = 0; l < 45; l++) {
      for (const check of READINESS_CHECKS) {
        const created = await store.addWaiver(
          {
            locationId: `loc-${String(l).padStart(2, '0')}`,
            check,
            reason: 'r',
            approver: 'a',
            expiresAt: at(200_000).toISOString(),
          },
          { createdBy: 'user:default/admin', now: at(Math.floor(n / 3)) },
        );
        if (n % 4 === 0)
          await store.revokeWaiver(created.id, {
            revokedBy: 'user:default/admin',
            now,
          });
        n += 1;
      }
    }
    const readiness = ReadinessService.create({
      store,
      estate,
      logger: mockServices.logger.mock(),
      now: () => now,
    });
    app = appWithErrors(
      await createReadinessRouter({
        httpAuth: mockServices.httpAuth(),
        permissions: mockServices.permissions(),
        readiness,
      }),
    );
  });

  it('pages GET /waivers with cursor: every waiver exactly once, newest first', async () => {
    const want = (await store.listWaivers({}, now)).map(w => w.id);
    expect(want).toHaveLength(45 * READINESS_CHECKS.length);
    const { pages, items } = await readAllPages(app, '/waivers', {
      limit: 7,
    });
    expect(items.map(w => w.id)).toEqual(want);
    expect(pages.slice(0, -1).every(p => p.items.length === 7)).toBe(true);
    expect(pages[pages.length - 1].nextCursor).toBeUndefined();

    const revoked = await readAllPages(app, '/waivers', {
      status: 'revoked',
      limit: 10,
    });
    expect(revoked.items.map(w => w.id)).toEqual(
      (await store.listWaivers({ status: 'revoked' }, now)).map(w => w.id),
    );
    // Every fourth waiver was revoked.
    expect(revoked.items).toHaveLength(
      Math.ceil((45 * READINESS_CHECKS.length) / 4),
    );
  });

  it('answers GET /waivers a page of the documented default size', async () => {
    const res = await request(app).get('/waivers');
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(100);
    expect(res.body.limit).toBe(100);
    expect(typeof res.body.nextCursor).toBe('string');
  });

  it('pages GET /readiness/:locationId/history with cursor: every evaluation exactly once', async () => {
    const { pages, items } = await readAllPages(
      app,
      '/readiness/eu-west-1/history',
      { limit: 97 },
    );
    expect(items.map(i => i.level)).toEqual([...levels].reverse());
    expect(new Set(items.map(i => i.id)).size).toBe(620);
    expect(pages.every(p => p.totalCount === 620)).toBe(true);
    expect(pages[pages.length - 1].nextCursor).toBeUndefined();

    const changes = await readAllPages(app, '/readiness/eu-west-1/history', {
      limit: 5,
      changesOnly: 'true',
    });
    expect(changes.items).toHaveLength(89);
    expect(changes.items.every(i => i.level !== i.previousLevel)).toBe(true);
  });

  const waiverCursor = encodePageCursor('waivers', [
    '2026-06-01T00:00:00.000Z',
    'x',
  ]);
  it.each([
    ['/waivers?limit=501', /^limit: must be at most 500$/],
    ['/waivers?limit=many', /^limit: must be a number$/],
    ['/waivers?cursor=not%20a%20cursor', /^cursor: must be the nextCursor/],
    [
      `/waivers?cursor=${encodePageCursor('readiness-history', ['5'])}`,
      /^cursor: must be the nextCursor/,
    ],
    ['/waivers?offset=10', /^offset: is not a known field$/],
    ['/readiness/eu-west-1/history?limit=501', /^limit: must be at most 500$/],
    [
      '/readiness/eu-west-1/history?offset=10001',
      /^offset: must be at most 10000/,
    ],
    [
      '/readiness/eu-west-1/history?offset=-1',
      /^offset: must not be negative$/,
    ],
    [
      `/readiness/eu-west-1/history?cursor=${waiverCursor}`,
      /^cursor: must be the nextCursor/,
    ],
    [
      `/readiness/eu-west-1/history?cursor=${encodePageCursor(
        'readiness-history',
        ['5'],
      )}&offset=3`,
      /^cursor: cannot be combined with offset/,
    ],
  ])('GET %s → 400 naming the field', async (url, message) => {
    const before = (await store.listWaivers({}, now)).length;
    const res = await request(app).get(url);
    expect([res.status, res.body.error?.message]).toEqual([
      400,
      expect.stringMatching(message),
    ]);
    expect((await store.listWaivers({}, now)).length).toBe(before);
  });
});
