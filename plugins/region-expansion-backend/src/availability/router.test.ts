import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { ssmGlobalInfrastructureHandlers } from '@region-expansion/aws-simulator';
import { setupServer } from 'msw/node';
import request from 'supertest';
import {
  API,
  as,
  ROLE_CODES,
  rolePermissionsFactory,
  RouteCase,
} from '../__testUtils__/rolePolicy';
import { regionExpansionPlugin } from '../plugin';
import {
  LIVE_AVAILABILITY,
  STATIC_KEY_ACCOUNTS,
} from '../__testUtils__/liveAvailability';

jest.setTimeout(120_000);

/**
 * The availability routes under the shared role-based test policy
 * (`__testUtils__/rolePolicy.ts`): every role reads; only the platform admin
 * (location.manage) refreshes. SSM is the msw global-infrastructure handlers
 * behind the real SDK, credentials of a static-key account in `aws.accounts`
 * (through `@backstage/integration-aws-node`).
 */
const ssm = ssmGlobalInfrastructureHandlers({
  regions: {
    'eu-west-1': ['kms', 'lambda', 's3'],
    'eusc-de-east-1': ['kms', 's3'],
  },
});
const mswServer = setupServer(...ssm.handlers);

const ROUTES: RouteCase<'get' | 'post'>[] = [
  { method: 'get', path: '/availability', allowed: 'aep' },
  { method: 'get', path: '/availability/diff', allowed: 'aep' },
  {
    method: 'post',
    path: '/availability/refresh',
    body: { partitions: ['aws-eusc'] },
    allowed: 'p',
  },
];

describe('availability routes', () => {
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];

  beforeAll(async () => {
    mswServer.listen({ onUnhandledRequest: 'bypass' });
    const regionExpansion = {
      governance: { maxAttempts: 1 },
      availability: {
        live: {
          ...LIVE_AVAILABILITY,
          schedule: {
            frequency: { hours: 24 },
            timeout: { minutes: 5 },
            initialDelay: { hours: 1 },
          },
        },
      },
    };
    ({ server } = await startTestBackend({
      features: [
        regionExpansionPlugin,
        rolePermissionsFactory,
        mockServices.rootConfig.factory({
          data: { aws: STATIC_KEY_ACCOUNTS, regionExpansion },
        }),
      ],
    }));
  });

  afterAll(() => mswServer.close());

  const send = (route: RouteCase<'get' | 'post'>, authorization: string) => {
    const req = request(server)
      [route.method](`${API}${route.path}`)
      .set('Authorization', authorization);
    return route.body ? req.send(route.body as object) : req;
  };

  it('shows no refresh and no diff before the first one', async () => {
    const status = await request(server)
      .get(`${API}/availability`)
      .set('Authorization', as('auditor'));
    expect(status.status).toBe(200);
    expect(status.body).toEqual(
      expect.objectContaining({
        enabled: true,
        running: false,
        partitions: ['aws', 'aws-eusc'],
        latest: null,
      }),
    );
    const diff = await request(server)
      .get(`${API}/availability/diff`)
      .set('Authorization', as('auditor'));
    expect(diff.status).toBe(404);
  });

  it.each(ROUTES.map(r => [`${r.method.toUpperCase()} ${r.path}`, r]))(
    '%s: anonymous 401, each role as the policy decides',
    async (_, route) => {
      expect((await send(route, mockCredentials.none.header())).status).toBe(
        401,
      );
      for (const [role, code] of ROLE_CODES) {
        const { status } = await send(route, as(role));
        expect([200, 201, 403, 404]).toContain(status);
        expect([role, status === 403 ? 'denied' : 'allowed']).toEqual([
          role,
          route.allowed.includes(code) ? 'allowed' : 'denied',
        ]);
      }
    },
  );

  it('refreshes through the SDK, stores the refresh dated and shows the diff', async () => {
    const refreshed = await request(server)
      .post(`${API}/availability/refresh`)
      .set('Authorization', as('platform-admin'))
      .send({});
    expect(refreshed.status).toBe(201);
    expect(refreshed.body).toEqual(
      expect.objectContaining({
        trigger: 'manual',
        requestedBy: 'user:default/platform-admin',
        partitions: ['aws', 'aws-eusc'],
        fetchedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      }),
    );
    expect(refreshed.body.failures).toEqual([]);
    expect(refreshed.body.pages.ok).toBeGreaterThan(0);
    expect(
      ssm.requests.some(r => r.path.endsWith('/regions/eu-west-1/services')),
    ).toBe(true);

    const latest = await request(server)
      .get(`${API}/availability`)
      .set('Authorization', as('engineer'));
    expect(latest.body.latest.id).toBe(refreshed.body.id);

    const diff = await request(server)
      .get(`${API}/availability/diff`)
      .set('Authorization', as('engineer'));
    expect(diff.status).toBe(200);
    expect(diff.body.fetchedAt).toBe(refreshed.body.fetchedAt);
    expect(diff.body.snapshotDate).toMatch(/^\d{4}-\d\d-\d\d$/);
    expect(diff.body.locations).toContainEqual(
      expect.objectContaining({ locationId: 'eusc-de-east-1', partial: false }),
    );
  });

  it.each([
    [
      { partitions: ['aws-iso'] },
      /partitions\[0\]: 'aws-iso' is not a configured partition/,
    ],
    [{ partitions: [] }, /partitions/],
    [{ partition: 'aws' }, /partition/],
  ])('answers 400 naming the field for %j', async (body, message) => {
    const res = await request(server)
      .post(`${API}/availability/refresh`)
      .set('Authorization', as('platform-admin'))
      .send(body);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
  });

  it('rejects undocumented query parameters', async () => {
    const res = await request(server)
      .get(`${API}/availability?x=1`)
      .set('Authorization', as('auditor'));
    expect(res.status).toBe(400);
  });
});
