import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import {
  startReadinessBackend,
  TEMPLATE_YAML,
} from '../__testUtils__/readiness';
import { API, as, ROLE_CODES, RouteCase } from '../__testUtils__/rolePolicy';
import { DEMO_FOOTPRINT } from '@region-expansion/plugin-region-expansion-backend-module-demo';

jest.setTimeout(120_000);

/**
 * The readiness routes under the shared role-based test policy
 * (`__testUtils__/rolePolicy.ts`): auditor and engineer read readiness; only
 * the platform admin manages waivers and the footprint.
 */
const ADMIN = as('platform-admin');

const inDays = (days: number) =>
  new Date(Date.now() + days * 24 * 3600_000).toISOString();

type Route = RouteCase<'get' | 'post' | 'put' | 'delete'>;

const ROUTES: Route[] = [
  { method: 'get', path: '/readiness?partition=aws', allowed: 'aep' },
  { method: 'get', path: '/readiness/eu-west-1', allowed: 'aep' },
  { method: 'get', path: '/readiness/eu-west-1/history', allowed: 'aep' },
  { method: 'post', path: '/readiness/eu-west-1/evaluate', allowed: 'p' },
  { method: 'get', path: '/waivers', allowed: 'aep' },
  {
    method: 'post',
    path: '/waivers',
    body: {
      locationId: 'eu-west-1',
      check: 'audit',
      reason: 'Audit Manager closed; AWS Config packs from next quarter',
      approver: 'user:default/ciso',
      expiresAt: inDays(30),
    },
    allowed: 'p',
  },
  {
    method: 'delete',
    path: '/waivers/3f1c9a64-0000-4000-8000-000000000000',
    allowed: 'p',
  },
  {
    method: 'post',
    path: '/readiness/eu-west-1/assess',
    body: { fileName: 'stack.yaml', content: TEMPLATE_YAML },
    allowed: 'aep',
  },
  { method: 'get', path: '/application-plane/footprint', allowed: 'aep' },
  {
    method: 'put',
    path: '/application-plane/footprint',
    body: DEMO_FOOTPRINT,
    allowed: 'p',
  },
];

describe('readiness routes', () => {
  let server: Awaited<ReturnType<typeof startReadinessBackend>>;
  beforeAll(async () => {
    server = await startReadinessBackend();
  });

  const send = (route: Route, auth: string) => {
    const req = request(server)
      [route.method](`${API}${route.path}`)
      .set('Authorization', auth);
    return route.body !== undefined ? req.send(route.body as object) : req;
  };

  it.each(ROUTES.map(r => [`${r.method.toUpperCase()} ${r.path}`, r] as const))(
    '%s: anonymous 401, roles as policy says',
    async (_, route) => {
      expect((await send(route, mockCredentials.none.header())).status).toBe(
        401,
      );
      const outcomes: Record<string, string> = {};
      for (const [role, code] of ROLE_CODES) {
        const { status } = await send(route, as(role));
        // The admin's DELETE of an unknown waiver passes the permission
        // check and then finds nothing (404).
        outcomes[role] = status === 403 ? 'denied' : 'allowed';
        expect([200, 201, 403, 404]).toContain(status);
        expect(outcomes[role]).toBe(
          route.allowed.includes(code) ? 'allowed' : 'denied',
        );
      }
    },
  );

  it('evaluated every location on start from the demo footprint', async () => {
    const res = await request(server)
      .get(`${API}/readiness`)
      .set('Authorization', as('auditor'));
    expect(res.status).toBe(200);
    const byId = new Map<string, any>(
      res.body.items.map((i: any) => [i.locationId, i]),
    );
    expect(byId.get('ap-east-1')).toEqual(
      expect.objectContaining({
        level: 'blocked',
        blockers: [expect.objectContaining({ service: 'bedrock' })],
      }),
    );
    // Governance is not connected: pilot at best, never ready.
    expect(byId.get('eu-west-1').level).toBe('pilot');
    expect(res.body.items.some((i: any) => i.level === 'ready')).toBe(false);

    const blocked = await request(server)
      .get(`${API}/readiness?level=blocked&partition=aws`)
      .set('Authorization', as('auditor'));
    expect(blocked.body.items.map((i: any) => i.locationId)).toContain(
      'ap-east-1',
    );
    expect(
      blocked.body.items.every(
        (i: any) => i.level === 'blocked' && i.partition === 'aws',
      ),
    ).toBe(true);

    const detail = await request(server)
      .get(`${API}/readiness/eu-west-1`)
      .set('Authorization', as('engineer'));
    expect(detail.body.signals.security).toEqual(
      expect.objectContaining({ status: 'unknown', waived: false }),
    );
    expect(detail.body.signals.capacity.status).not.toBe('unknown');
  });

  it('waives a check visibly, re-evaluates, and revokes', async () => {
    const waiver = {
      locationId: 'ap-east-1',
      check: 'availability',
      reason: 'self-hosted model replaces Bedrock during the pilot',
      approver: 'user:default/ciso',
      expiresAt: inDays(10),
    };
    const postWaiver = (body: object) =>
      request(server)
        .post(`${API}/waivers`)
        .set('Authorization', ADMIN)
        .send(body);
    const created = await postWaiver(waiver);
    expect(created.status).toBe(201);
    expect(created.body.waiver).toEqual(
      expect.objectContaining({
        status: 'active',
        createdBy: 'user:default/platform-admin',
      }),
    );
    expect(created.body.evaluation.level).toBe('pilot');
    expect(created.body.evaluation.signals.availability.waived).toBe(true);

    const listed = await request(server)
      .get(`${API}/readiness?level=pilot`)
      .set('Authorization', as('auditor'));
    expect(
      listed.body.items.find((i: any) => i.locationId === 'ap-east-1')
        .waivedChecks,
    ).toEqual(['availability']);

    const duplicate = await postWaiver({
      ...waiver,
      reason: 'again',
      approver: 'someone',
      expiresAt: inDays(5),
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.message).toMatch(/already covers check/);

    const revoked = await request(server)
      .delete(`${API}/waivers/${created.body.waiver.id}`)
      .set('Authorization', ADMIN);
    expect(revoked.status).toBe(200);
    expect(revoked.body.waiver.status).toBe('revoked');
    expect(revoked.body.evaluation.level).toBe('blocked');

    const history = await request(server)
      .get(`${API}/readiness/ap-east-1/history?changesOnly=true&limit=2`)
      .set('Authorization', as('auditor'));
    expect(history.status).toBe(200);
    expect(history.body).toEqual(
      expect.objectContaining({ offset: 0, limit: 2, currentLevel: 'blocked' }),
    );
    expect(history.body.items.map((i: any) => [i.level, i.trigger])).toEqual([
      ['blocked', 'waiver'],
      ['pilot', 'waiver'],
    ]);
    expect(history.body.becameReadyAt).toBeUndefined();
  });

  /** A waiver body with one thing spoiled. */
  const waiverWith = (change: object) => ({
    locationId: 'eu-west-1',
    check: 'audit',
    reason: 'r',
    approver: 'a',
    expiresAt: inDays(1),
    ...change,
  });

  it.each([
    [
      'POST',
      '/waivers',
      waiverWith({ locationId: 'xx-nowhere-1' }),
      /locationId: 'xx-nowhere-1' is not a known location/,
    ],
    [
      'POST',
      '/waivers',
      waiverWith({ check: 'vibes' }),
      /check: must be one of availability/,
    ],
    [
      'POST',
      '/waivers',
      waiverWith({ expiresAt: inDays(-1) }),
      /expiresAt: must be in the future/,
    ],
    [
      'POST',
      '/waivers',
      waiverWith({ expiresAt: inDays(91) }),
      /expiresAt: must be at most 90 days ahead/,
    ],
    [
      'POST',
      '/waivers',
      waiverWith({ approver: undefined }),
      /approver: is required/,
    ],
    [
      'POST',
      '/waivers',
      waiverWith({ expiresAt: 'next week' }),
      /expiresAt: must be an ISO 8601/,
    ],
    [
      'PUT',
      '/application-plane/footprint',
      { services: 's3' },
      /services: must be an array/,
    ],
    [
      'PUT',
      '/application-plane/footprint',
      {
        ...DEMO_FOOTPRINT,
        services: [{ code: 's3', sources: ['logs'], actions: [] }],
      },
      /services.0.sources.0: must be one of iac, cloudtrail/,
    ],
    [
      'PUT',
      '/application-plane/footprint',
      { ...DEMO_FOOTPRINT, extra: 1 },
      /extra: is not a known field/,
    ],
    [
      'PUT',
      '/application-plane/footprint',
      {
        ...DEMO_FOOTPRINT,
        services: [{ code: 'teleport', sources: ['iac'], actions: [] }],
      },
      /services.0.code: 'teleport' is not a known SSM service code/,
    ],
    ['GET', '/readiness/EU_WEST', undefined, /locationId: must be 1-64/],
    [
      'GET',
      '/readiness?level=great',
      undefined,
      /level: must be one of blocked, pilot, ready/,
    ],
    [
      'GET',
      '/readiness?partition=aws-moon',
      undefined,
      /partition: 'aws-moon' is not a known partition/,
    ],
    [
      'GET',
      '/readiness/eu-west-1/history?since=yesterday',
      undefined,
      /since: must be an ISO 8601/,
    ],
    [
      'GET',
      '/readiness/eu-west-1/history?limit=100000',
      undefined,
      /limit: must be at most 500/,
    ],
    [
      'GET',
      '/waivers?status=forever',
      undefined,
      /status: must be one of active, expired, revoked/,
    ],
    ['DELETE', '/waivers/not-a-uuid', undefined, /id: must be a waiver id/],
  ] as const)(
    '%s %s with bad input: 400 naming the field, nothing written',
    async (method, path, body, message) => {
      const before = await request(server)
        .get(`${API}/waivers`)
        .set('Authorization', ADMIN);
      const footprintBefore = await request(server)
        .get(`${API}/application-plane/footprint`)
        .set('Authorization', ADMIN);
      const req = request(server)
        [method.toLowerCase() as 'get'](`${API}${path}`)
        .set('Authorization', ADMIN);
      const res = await (body ? req.send(body as object) : req);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(message);
      const after = await request(server)
        .get(`${API}/waivers`)
        .set('Authorization', ADMIN);
      expect(after.body.items).toEqual(before.body.items);
      const footprintAfter = await request(server)
        .get(`${API}/application-plane/footprint`)
        .set('Authorization', ADMIN);
      expect(footprintAfter.body).toEqual(footprintBefore.body);
    },
  );

  it('answers 404 for unknown locations and waivers', async () => {
    for (const path of [
      '/readiness/xx-nowhere-1',
      '/readiness/xx-nowhere-1/history',
    ]) {
      const res = await request(server)
        .get(`${API}${path}`)
        .set('Authorization', as('auditor'));
      expect(res.status).toBe(404);
      expect(res.body.error.message).toMatch(/'xx-nowhere-1' does not exist/);
    }
    const evaluate = await request(server)
      .post(`${API}/readiness/xx-nowhere-1/evaluate`)
      .set('Authorization', ADMIN);
    expect(evaluate.status).toBe(404);
  });

  it('stores a new footprint and re-evaluates every location', async () => {
    const withoutBedrock = {
      ...DEMO_FOOTPRINT,
      services: DEMO_FOOTPRINT.services.filter(s => s.code !== 'bedrock'),
    };
    const put = await request(server)
      .put(`${API}/application-plane/footprint?source=ci%20run%2042`)
      .set('Authorization', ADMIN)
      .send(withoutBedrock);
    expect(put.status).toBe(200);
    expect(put.body.footprint).toEqual(
      expect.objectContaining({
        source: 'ci run 42',
        footprint: withoutBedrock,
      }),
    );
    expect(put.body.evaluated).toBeGreaterThan(40);
    const hk = await request(server)
      .get(`${API}/readiness/ap-east-1`)
      .set('Authorization', as('auditor'));
    expect(hk.body).toEqual(
      expect.objectContaining({ level: 'pilot', trigger: 'footprint' }),
    );
    const manual = await request(server)
      .post(`${API}/readiness/ap-east-1/evaluate`)
      .set('Authorization', ADMIN);
    expect(manual.status).toBe(201);
    expect(manual.body.trigger).toBe('manual');
  });
});
