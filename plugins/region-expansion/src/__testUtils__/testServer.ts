import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import { registerMswTestHooks } from '@backstage/test-utils';
import {
  summarizeCells,
  type Tenant,
} from '@region-expansion/plugin-region-expansion-common';
import {
  auditWaiver,
  cells,
  frankfurtEvaluation,
  locations,
  partitions,
  readinessSummaries,
  tenants,
} from './fixtures';
import { frankfurtAdvice } from './decisionFixtures';
import { campaignSummaries, frankfurtCampaign } from './campaignFixtures';

/** Base URL the mock discovery API hands to the real client. */
export const BASE_URL = 'http://localhost/api/region-expansion';

/**
 * An error reply shaped like the Backstage backend error handler's, which
 * `ResponseError.fromResponse` parses to surface the server's message.
 */
export function errorReply(status: number, name: string, message: string) {
  return HttpResponse.json(
    { error: { name, message }, response: { statusCode: status } },
    { status },
  );
}

/**
 * Orders tenants as `GET /tenants?sort=<field>:<asc|desc>` does: by the
 * field, ties by id.
 */
function sortTenants(list: Tenant[], sort: string | null) {
  const [field, direction] = (sort ?? 'id:asc').split(':') as [
    keyof Tenant,
    string,
  ];
  const sign = direction === 'desc' ? -1 : 1;
  const key = (t: Tenant) => t[field] as string | number | undefined;
  list.sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    if (x !== y) {
      // Unplaced (no value) last in both directions, as the store does.
      if (x === undefined) return 1;
      if (y === undefined) return -1;
      return (x < y ? -1 : 1) * sign;
    }
    return a.id < b.id ? -1 : 1;
  });
}

/** Two steps of one runbook, oldest first: a copy done, a rewrap failed. */
export function runbookProgressOf(tenantId: string) {
  const step = { tenantId, runbookId: 'rb-0123456789abcdef01234567' };
  return [
    {
      ...step,
      step: 1,
      kind: 'data-copy',
      status: 'done',
      actor: 'user:default/platform-admin',
      at: '2026-02-01T09:00:00.000Z',
    },
    {
      ...step,
      step: 2,
      kind: 'key-rewrap',
      status: 'failed',
      detail: 'The target key is disabled',
      actor: 'user:default/platform-admin',
      at: '2026-02-01T09:05:00.000Z',
    },
  ];
}

/** Default handlers: a backend that serves the fixtures above. */
export const defaultHandlers = [
  http.get(`${BASE_URL}/partitions`, () =>
    HttpResponse.json({ items: partitions }),
  ),
  http.get(`${BASE_URL}/locations`, () =>
    HttpResponse.json({ items: locations }),
  ),
  http.get(`${BASE_URL}/locations/summary`, () =>
    HttpResponse.json({ items: summarizeCells(cells) }),
  ),
  http.get(`${BASE_URL}/cells`, ({ request }) => {
    const locationId = new URL(request.url).searchParams.get('locationId');
    return HttpResponse.json({
      items: cells.filter(c => !locationId || c.locationId === locationId),
    });
  }),
  http.get(`${BASE_URL}/cells/:id`, ({ params }) => {
    const cell = cells.find(c => c.id === params.id);
    return cell
      ? HttpResponse.json(cell)
      : errorReply(404, 'NotFoundError', `Cell '${params.id}' not found`);
  }),
  http.get(`${BASE_URL}/tenants`, ({ request }) => {
    const query = new URL(request.url).searchParams;
    const offset = Number(query.get('offset') ?? 0);
    const limit = Number(query.get('limit') ?? 100);
    const q = query.get('q')?.toLowerCase();
    const matching = tenants.filter(
      t =>
        (!query.get('tier') || t.tier === query.get('tier')) &&
        (!query.get('cellId') || t.cellId === query.get('cellId')) &&
        (query.get('unplaced') !== 'true' || !t.cellId) &&
        (!q || `${t.name}\n${t.id}`.toLowerCase().includes(q)),
    );
    sortTenants(matching, query.get('sort'));
    return HttpResponse.json({
      items: matching.slice(offset, offset + limit),
      totalCount: matching.length,
      offset,
      limit,
    });
  }),
  http.get(`${BASE_URL}/tenants/:id`, ({ params }) => {
    const tenant = tenants.find(t => t.id === params.id);
    return tenant
      ? HttpResponse.json(tenant)
      : errorReply(404, 'NotFoundError', `Tenant '${params.id}' not found`);
  }),
  http.get(`${BASE_URL}/tenants/:id/history`, ({ params }) =>
    HttpResponse.json({
      items: [
        {
          tenantId: params.id,
          cellId: 'cell-fra-1',
          reason:
            'Placed in eu-central-1 cell cell-fra-1 (pack, 60% tenant headroom left)',
          strategy: 'pack',
          at: '2026-01-05T10:00:00.000Z',
          kind: 'placed',
        },
      ],
      runbookProgress: runbookProgressOf(String(params.id)),
    }),
  ),
  http.get(`${BASE_URL}/readiness`, () =>
    HttpResponse.json({ items: readinessSummaries }),
  ),
  http.get(`${BASE_URL}/readiness/:locationId`, ({ params }) =>
    params.locationId === 'eu-central-1'
      ? HttpResponse.json(frankfurtEvaluation)
      : errorReply(
          404,
          'NotFoundError',
          `Location '${params.locationId}' has no readiness evaluation yet; POST /readiness/${params.locationId}/evaluate`,
        ),
  ),
  http.get(`${BASE_URL}/readiness/:locationId/history`, ({ params }) =>
    HttpResponse.json({
      items:
        params.locationId === 'eu-central-1'
          ? [
              { ...frankfurtEvaluation, previousLevel: 'ready' },
              {
                ...frankfurtEvaluation,
                id: '30',
                level: 'ready',
                evaluatedAt: '2026-01-05T08:00:00.000Z',
              },
            ]
          : [],
      totalCount: params.locationId === 'eu-central-1' ? 2 : 0,
      offset: 0,
      limit: 200,
      ...(params.locationId === 'eu-central-1'
        ? { becameReadyAt: '2026-01-05T08:00:00.000Z', currentLevel: 'blocked' }
        : {}),
    }),
  ),
  http.get(`${BASE_URL}/waivers`, ({ request }) => {
    const locationId = new URL(request.url).searchParams.get('locationId');
    return HttpResponse.json({
      items: locationId === 'eu-central-1' ? [auditWaiver] : [],
    });
  }),
  http.get(`${BASE_URL}/locations/:locationId/advice`, ({ params }) =>
    HttpResponse.json({
      ...frankfurtAdvice,
      advice: { ...frankfurtAdvice.advice, target: params.locationId },
    }),
  ),
  http.get(`${BASE_URL}/campaigns`, ({ request }) => {
    const locationId = new URL(request.url).searchParams.get('locationId');
    return HttpResponse.json({
      items: campaignSummaries.filter(
        c => !locationId || c.locationId === locationId,
      ),
    });
  }),
  http.get(`${BASE_URL}/campaigns/:campaignId`, ({ params }) =>
    params.campaignId === frankfurtCampaign.id
      ? HttpResponse.json(frankfurtCampaign)
      : errorReply(
          404,
          'NotFoundError',
          `Campaign '${params.campaignId}' not found`,
        ),
  ),
  http.get(`${BASE_URL}/application-plane/footprint`, () =>
    HttpResponse.json({
      id: 'default',
      footprint: { services: [], crossRegion: [], unknown: [] },
      source: 'demo footprint',
      updatedBy: 'system',
      updatedAt: '2026-01-01T00:00:00.000Z',
    }),
  ),
];

/** An msw server that every test file registers with `registerMswTestHooks`. */
export function setupTestServer() {
  const server = setupServer(...defaultHandlers);
  registerMswTestHooks(server);
  return server;
}

/**
 * Every request the server receives from now on, in order, narrowed to
 * the paths ending in `pathEnd` when given.
 */
export function recordRequests(
  server: ReturnType<typeof setupServer>,
  pathEnd?: string,
): URL[] {
  const requests: URL[] = [];
  server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url);
    if (!pathEnd || url.pathname.endsWith(pathEnd)) requests.push(url);
  });
  return requests;
}

/** The HTTP methods the tests answer differently from the defaults. */
export type TestMethod = 'get' | 'post' | 'put' | 'delete';

/**
 * From now on, answers `method path` (below {@link BASE_URL}) with
 * `respond()`; returns every JSON body received there, in order.
 */
function answerRoute<T>(
  server: ReturnType<typeof setupServer>,
  method: TestMethod,
  path: string,
  respond: () => Response,
): T[] {
  const bodies: T[] = [];
  server.use(
    http[method](`${BASE_URL}${path}`, async ({ request }) => {
      // A GET or DELETE has no body to record.
      const text = await request.text();
      if (text) bodies.push(JSON.parse(text) as T);
      return respond();
    }),
  );
  return bodies;
}

/**
 * From now on, answers `method path` (below {@link BASE_URL}) with the
 * backend error handler's reply, so a test sees how the UI surfaces it;
 * returns every JSON body received there, in order.
 */
export function failRoute<T = unknown>(
  server: ReturnType<typeof setupServer>,
  method: TestMethod,
  path: string,
  error: { status: number; name: string; message: string },
): T[] {
  return answerRoute<T>(server, method, path, () =>
    errorReply(error.status, error.name, error.message),
  );
}

/**
 * From now on, answers `method path` (below {@link BASE_URL}) with `reply`
 * as JSON; returns every JSON body received there, in order.
 */
export function recordBodies<T, Reply = unknown>(
  server: ReturnType<typeof setupServer>,
  method: TestMethod,
  path: string,
  reply: Reply,
): T[] {
  return answerRoute<T>(server, method, path, () =>
    HttpResponse.json(reply as any),
  );
}
