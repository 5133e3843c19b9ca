import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { ssmGlobalInfrastructureHandlers } from '@region-expansion/aws-simulator';
import {
  regionExpansionRoutes,
  RouteDefinition,
} from '@region-expansion/plugin-region-expansion-common';
import { setupServer } from 'msw/node';
import {
  API,
  as,
  decideForTestRole,
  ROLE_CODES,
  startWithRoles,
} from './__testUtils__/rolePolicy';
import {
  PRECONDITIONS,
  responseProblems,
  RouteId,
  startMatrixBackend,
  urlOf,
} from './__testUtils__/routeMatrix';

jest.setTimeout(120_000);

/** The plugin with the demo estate under the role-based test policy. */
const start = (demo = true) =>
  startWithRoles({ demoData: { enabled: demo, tenants: 300 } });

const lz = {
  id: 'eu-central-1-ham-1a',
  kind: 'local-zone',
  name: 'Hamburg',
  country: 'DE',
  parentRegion: 'eu-central-1',
};

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

/**
 * Who may call each route that the hand-written matrix listed before the
 * route table (a = auditor, e = engineer, p = platform admin): a change of
 * such a route's permission must change this too.
 */
const PINNED_ROLES: Partial<Record<RouteId, string>> = {
  listPartitions: 'aep',
  listLocations: 'aep',
  addLocation: 'p',
  listControlPlanes: 'aep',
  addControlPlane: 'p',
  listCells: 'aep',
  addCell: 'p',
  planQuotas: 'aep',
  getCell: 'aep',
  updateCell: 'p',
  listTenants: 'aep',
  addTenant: 'p',
  getTenant: 'aep',
  updateTenant: 'p',
  getTenantHistory: 'aep',
  importTenants: 'p',
  place: 'ep',
  whatIf: 'aep',
  planMigration: 'aep',
  planMigrationRunbook: 'aep',
  recordRunbookProgress: 'ep',
  getGovernanceSummary: 'aep',
  listGovernanceFindings: 'aep',
  downloadEvidenceBundle: 'ap',
  triggerGovernanceSync: 'p',
};

/** SSM answered by the simulator, for the availability routes. */
const mswServer = setupServer(
  ...ssmGlobalInfrastructureHandlers({
    regions: { 'eu-west-1': ['kms', 'lambda', 's3'] },
  }).handlers,
);

/**
 * Every route of the route table × every role, under the shared role-based
 * test policy (`__testUtils__/rolePolicy.ts`): the auditor reads and
 * exports; the engineer reads, runs what-ifs and migration plans and places
 * tenants (placement.execute); the platform admin may do everything. Each
 * route is called with the example request of its table entry (after its
 * precondition, if it has one); which roles may call it follows from its
 * permission and the policy, so a new route is covered as soon as it is in
 * the table. A success must match the route's response schema.
 */
describe('regionExpansionPlugin routes × roles', () => {
  let server: Awaited<ReturnType<typeof startMatrixBackend>>;
  beforeAll(async () => {
    mswServer.listen({ onUnhandledRequest: 'bypass' });
    server = await startMatrixBackend();
  });
  afterAll(() => mswServer.close());

  const routes = Object.entries(regionExpansionRoutes) as Array<
    [RouteId, RouteDefinition]
  >;

  it('covers every route of the table', () => {
    expect(routes.length).toBeGreaterThanOrEqual(41);
  });

  it.each(
    routes.map(
      ([id, route]) =>
        [`${route.method} ${route.path} (${id})`, id, route] as const,
    ),
  )(
    '%s: anonymous 401, roles as the policy says, a success as its schema says',
    async (_, id, route) => {
      const example = {
        ...route.example,
        ...(await PRECONDITIONS[id]?.(server)),
      };
      const send = (authorization: string) => {
        const req = request(server)
          [
            route.method.toLowerCase() as
              | 'get'
              | 'post'
              | 'put'
              | 'patch'
              | 'delete'
          ](urlOf(route, example))
          .set('Authorization', authorization);
        return example.body !== undefined
          ? req.send(example.body as object)
          : req;
      };
      expect((await send(mockCredentials.none.header())).status).toBe(401);
      const outcomes: Array<[string, string]> = [];
      const problems: string[] = [];
      for (const [role] of ROLE_CODES) {
        const res = await send(as(role));
        outcomes.push([role, outcomeOf(res.status)]);
        if (res.status < 300) problems.push(...responseProblems(route, res));
      }
      expect(outcomes).toEqual(
        ROLE_CODES.map(([role]) => [
          role,
          EXPECTED_OUTCOME[
            decideForTestRole(role, route.permission) ? 'allowed' : 'denied'
          ],
        ]),
      );
      expect(outcomes.some(([, o]) => o === 'ok')).toBe(true);
      expect(problems).toEqual([]);
      const pinned = PINNED_ROLES[id];
      expect(
        pinned &&
          ROLE_CODES.filter(([role]) =>
            decideForTestRole(role, route.permission),
          )
            .map(([, code]) => code)
            .join(''),
      ).toBe(pinned);
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
    const importYaml = () =>
      request(server)
        .post(`${API}/tenants/import`)
        .set('Authorization', admin)
        .set('Content-Type', 'text/yaml')
        .send(rows.join(''));
    const res = await importYaml();
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(
      /^rows\[321\]\.tier: must be one of pool, bridge, silo/,
    );
    expect(await counts()).toEqual(before);

    rows[321] = rows[320].replace(/bulk-320/g, 'bulk-321');
    const ok = await importYaml();
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
