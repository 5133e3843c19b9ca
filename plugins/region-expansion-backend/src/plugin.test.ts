import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import {
  API,
  as,
  ROLE_CODES,
  RouteCase,
  startWithRoles,
} from './__testUtils__/rolePolicy';
import { DEFAULT_CELL_SPEC } from './placement/defaultCellSpec';

jest.setTimeout(120_000);

/**
 * Routes × roles under the shared role-based test policy
 * (`__testUtils__/rolePolicy.ts`): the auditor reads; the engineer reads,
 * runs what-ifs and migration plans and places tenants (placement.execute);
 * the platform admin may do everything.
 */
const start = (demo = true) =>
  startWithRoles({ demoData: { enabled: demo, tenants: 300 } });

type Route = RouteCase<'get' | 'post' | 'patch'>;

const lz = {
  id: 'eu-central-1-ham-1a',
  kind: 'local-zone',
  name: 'Hamburg',
  country: 'DE',
  parentRegion: 'eu-central-1',
};

const ROUTES: Route[] = [
  { method: 'get', path: '/partitions', allowed: 'aep' },
  { method: 'get', path: '/locations?partition=aws-eusc', allowed: 'aep' },
  { method: 'post', path: '/locations', body: lz, allowed: 'p' },
  { method: 'get', path: '/control-planes', allowed: 'aep' },
  {
    method: 'post',
    path: '/control-planes',
    body: {
      id: 'cp-tokyo',
      name: 'Tokyo',
      mode: 'regional',
      partition: 'aws',
      homeLocation: 'ap-northeast-1',
      managedLocations: ['ap-northeast-1'],
    },
    allowed: 'p',
  },
  { method: 'get', path: '/cells?partition=aws-eusc', allowed: 'aep' },
  {
    method: 'post',
    path: '/cells',
    body: {
      id: 'eu-west-1-p99',
      name: 'Dublin 99',
      locationId: 'eu-west-1',
      controlPlaneId: 'cp-aws-eu',
      isolation: 'pooled',
      accountId: '999988887777',
      specVersion: '2026.1',
      capacity: { tenants: 10, loadUnits: 100 },
    },
    allowed: 'p',
  },
  {
    method: 'post',
    path: '/cells/quota-plan',
    body: { spec: DEFAULT_CELL_SPEC, cellCount: 3 },
    allowed: 'aep',
  },
  { method: 'get', path: '/cells/eu-west-1-p01', allowed: 'aep' },
  {
    method: 'patch',
    path: '/cells/eu-west-1-p01',
    body: { name: 'Dublin one' },
    allowed: 'p',
  },
  { method: 'get', path: '/tenants?tier=bridge&limit=5', allowed: 'aep' },
  {
    method: 'post',
    path: '/tenants',
    body: {
      id: 'new-tenant',
      name: 'New',
      tier: 'pool',
      classification: 'internal',
      loadUnits: 1,
    },
    allowed: 'p',
  },
  { method: 'get', path: '/tenants/tenant-00001', allowed: 'aep' },
  {
    method: 'patch',
    path: '/tenants/tenant-00001',
    body: { name: 'Renamed' },
    allowed: 'p',
  },
  { method: 'get', path: '/tenants/tenant-00001/history', allowed: 'aep' },
  {
    method: 'post',
    path: '/tenants/import',
    body: [
      {
        id: 'imported-1',
        name: 'Imported',
        tier: 'pool',
        classification: 'public',
        loadUnits: 1,
      },
    ],
    allowed: 'p',
  },
  {
    method: 'post',
    path: '/placements',
    body: { tenantId: 'new-tenant' },
    allowed: 'ep',
  },
  {
    method: 'post',
    path: '/placements/what-if',
    body: {
      profiles: [
        {
          count: 50,
          tier: 'pool',
          classification: 'internal',
          loadUnits: 2,
          residency: { partition: 'aws-eusc' },
        },
      ],
      spec: DEFAULT_CELL_SPEC,
    },
    allowed: 'aep',
  },
  {
    method: 'post',
    path: '/placements/migration-plan',
    body: { tenantId: 'tenant-00001', target: { locationId: 'eu-west-1' } },
    allowed: 'aep',
  },
  // Governance (mounted by the plugin as a second router).
  { method: 'get', path: '/governance/summary', allowed: 'aep' },
  { method: 'get', path: '/governance/findings?limit=5', allowed: 'aep' },
  { method: 'get', path: '/governance/evidence-bundle', allowed: 'ap' },
  { method: 'post', path: '/governance/sync', body: {}, allowed: 'p' },
];

/**
 * What a response status means for a role: the first allowed role succeeds
 * (`ok`); a later one may meet a 409 because the write already happened
 * (`done`); anything else is reported as the status itself.
 */
const OUTCOME_BY_STATUS: Record<number, string> = {
  200: 'ok',
  201: 'ok',
  202: 'ok',
  409: 'done',
};
const outcomeOf = (status: number): string =>
  OUTCOME_BY_STATUS[status] ?? String(status);

/** Expected outcome of an allowed and of a denied role. */
const EXPECTED_OUTCOME: Record<'allowed' | 'denied', unknown> = {
  allowed: expect.stringMatching(/^(ok|done)$/),
  denied: '403',
};
const expectedOutcomes = (route: Route): Array<[string, unknown]> =>
  ROLE_CODES.map(([role, code]) => [
    role,
    EXPECTED_OUTCOME[route.allowed.includes(code) ? 'allowed' : 'denied'],
  ]);

describe('regionExpansionPlugin routes × roles', () => {
  let server: Awaited<ReturnType<typeof start>>;
  beforeAll(async () => {
    server = await start();
  });

  it.each(ROUTES.map(r => [`${r.method.toUpperCase()} ${r.path}`, r]))(
    '%s: anonymous 401, roles as policy says',
    async (_, route) => {
      const send = (auth: string) => {
        const req = request(server)
          [(route as Route).method](`${API}${(route as Route).path}`)
          .set('Authorization', auth);
        return (route as Route).body !== undefined
          ? req.send((route as Route).body as object)
          : req;
      };
      const r = route as Route;
      expect((await send(mockCredentials.none.header())).status).toBe(401);
      const outcomes: Array<[string, string]> = [];
      for (const [role] of ROLE_CODES) {
        const { status } = await send(as(role));
        outcomes.push([role, outcomeOf(status)]);
      }
      expect(outcomes).toEqual(expectedOutcomes(r));
      expect(outcomes.some(([, o]) => o === 'ok')).toBe(true);
    },
  );
});

describe('regionExpansionPlugin bad input: 4xx naming field and reason, nothing written', () => {
  let server: Awaited<ReturnType<typeof start>>;
  const admin = as('platform-admin');
  const counts = async () => ({
    tenants: (
      await request(server)
        .get(`${API}/tenants?limit=1`)
        .set('Authorization', admin)
    ).body.totalCount,
    cells: (
      await request(server).get(`${API}/cells`).set('Authorization', admin)
    ).body.items.length,
    locations: (
      await request(server).get(`${API}/locations`).set('Authorization', admin)
    ).body.items.length,
  });
  beforeAll(async () => {
    server = await start();
  });

  it.each<[string, 'post' | 'patch', string, unknown, number, RegExp]>([
    [
      'unknown partition',
      'post',
      '/control-planes',
      {
        id: 'cp-x',
        name: 'X',
        mode: 'partition',
        partition: 'aws-mars',
        homeLocation: 'us-east-1',
        managedLocations: [],
      },
      400,
      /partition: 'aws-mars' is not a known partition/,
    ],
    [
      'a global control plane inside aws-eusc (the one mode rule)',
      'post',
      '/control-planes',
      {
        id: 'cp-eusc-global',
        name: 'X',
        mode: 'global',
        partition: 'aws-eusc',
        homeLocation: 'eusc-de-east-1',
        managedLocations: ['eusc-de-east-1'],
      },
      400,
      /^mode: 'global' is forbidden in partition aws-eusc \(AWS European Sovereign Cloud\): it shares no credentials, global services or metadata with other partitions, so its cells need a control plane inside it; use 'partition'$/,
    ],
    [
      "mode 'partition' in aws (the one mode rule)",
      'post',
      '/control-planes',
      {
        id: 'cp-aws-partition',
        name: 'X',
        mode: 'partition',
        partition: 'aws',
        homeLocation: 'eu-west-1',
        managedLocations: ['eu-west-1'],
      },
      400,
      /^mode: 'partition' is for separate partitions such as aws-eusc; partition aws \(AWS \(commercial\)\) uses 'global' or 'regional'$/,
    ],
    [
      'unknown Region',
      'post',
      '/locations',
      { ...lz, parentRegion: 'eu-nowhere-9' },
      400,
      /parentRegion: 'eu-nowhere-9' is not a known Region/,
    ],
    [
      'non-ISO country',
      'post',
      '/locations',
      { ...lz, country: 'XX' },
      400,
      /country: must be an ISO 3166-1 alpha-2/,
    ],
    [
      'residency contradicting the cell',
      'post',
      '/tenants',
      {
        id: 'fr-only',
        name: 'F',
        tier: 'pool',
        classification: 'internal',
        loadUnits: 1,
        residency: { countries: ['FR'] },
        cellId: 'eu-central-1-p01',
      },
      400,
      /cellId: cell eu-central-1-p01 contradicts the tenant's residency/,
    ],
    [
      'capacity overflow',
      'post',
      '/tenants',
      {
        id: 'huge',
        name: 'H',
        tier: 'pool',
        classification: 'internal',
        loadUnits: 100000,
        cellId: 'eu-central-1-p01',
      },
      409,
      /cellId: cell 'eu-central-1-p01' has no headroom/,
    ],
    [
      'duplicate id',
      'post',
      '/cells',
      {
        id: 'eu-west-1-p01',
        name: 'D',
        locationId: 'eu-west-1',
        controlPlaneId: 'cp-aws-eu',
        isolation: 'pooled',
        accountId: '999988887777',
        specVersion: '2026.1',
        capacity: { tenants: 1, loadUnits: 1 },
      },
      409,
      /id: cell 'eu-west-1-p01' already exists/,
    ],
    [
      'eusc cell under a commercial control plane',
      'post',
      '/cells',
      {
        id: 'eusc-x',
        name: 'X',
        locationId: 'eusc-de-east-1',
        controlPlaneId: 'cp-aws-eu',
        isolation: 'pooled',
        accountId: '999988887777',
        specVersion: '2026.1',
        capacity: { tenants: 1, loadUnits: 1 },
      },
      400,
      /controlPlaneId: .*requires its own control plane/,
    ],
    [
      'illegal lifecycle transition',
      'patch',
      '/cells/eu-west-1-p02',
      { lifecycle: 'planned' },
      409,
      /lifecycle: cannot move from 'active' to 'planned'/,
    ],
    [
      'unknown field',
      'patch',
      '/tenants/tenant-00002',
      { colour: 'red' },
      400,
      /colour: is not a known field/,
    ],
  ])('%s', async (_, method, path, body, status, message) => {
    const before = await counts();
    const res = await request(server)
      [method](`${API}${path}`)
      .set('Authorization', admin)
      .send(body as object);
    expect({ status: res.status, message: res.body.error?.message }).toEqual({
      status,
      message: expect.stringMatching(message),
    });
    expect(await counts()).toEqual(before);
  });

  it('rejects a malformed import naming row and field, writing nothing', async () => {
    const before = await counts();
    const rows = Array.from(
      { length: 500 },
      (_, i) =>
        `- id: bulk-${i}\n  name: Bulk ${i}\n  tier: pool\n  classification: internal\n  loadUnits: 1\n`,
    );
    rows[321] = `- id: bulk-321\n  name: Bulk\n  tier: platinum\n  classification: internal\n  loadUnits: 1\n`;
    const res = await request(server)
      .post(`${API}/tenants/import`)
      .set('Authorization', admin)
      .set('Content-Type', 'text/yaml')
      .send(rows.join(''));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(
      /^rows\[321\]\.tier: must be one of pool, bridge, silo/,
    );
    expect(await counts()).toEqual(before);

    rows[321] = rows[320].replace(/bulk-320/g, 'bulk-321');
    const ok = await request(server)
      .post(`${API}/tenants/import`)
      .set('Authorization', admin)
      .set('Content-Type', 'text/yaml')
      .send(rows.join(''));
    expect(ok.status).toBe(201);
    expect((await counts()).tenants).toBe(before.tenants + 500);
  });

  it('places a tenant and records usage and history together', async () => {
    await request(server)
      .post(`${API}/tenants`)
      .set('Authorization', admin)
      .send({
        id: 'eusc-1',
        name: 'E',
        tier: 'pool',
        classification: 'internal',
        loadUnits: 3,
        residency: { partition: 'aws-eusc' },
      })
      .expect(201);
    const res = await request(server)
      .post(`${API}/placements`)
      .set('Authorization', admin)
      .send({ tenantId: 'eusc-1' });
    expect(res.status).toBe(201);
    expect(res.body.decision).toMatchObject({
      outcome: 'placed',
      locationId: 'eusc-de-east-1',
    });
    const history = await request(server)
      .get(`${API}/tenants/eusc-1/history`)
      .set('Authorization', admin);
    expect(history.body.items).toEqual([
      expect.objectContaining({
        cellId: res.body.decision.cellId,
        kind: 'placed',
      }),
    ]);
  });
});
