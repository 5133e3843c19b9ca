import { TestDatabases } from '@backstage/backend-test-utils';
import { WHAT_IF_LIMITS } from '@region-expansion/plugin-region-expansion-common';
import { PlacementEngine } from '@region-expansion/plugin-region-expansion-node';
import request from 'supertest';
import { API, as, demoBackendBeforeAll } from '../__testUtils__/rolePolicy';
import { testDatabaseIds } from '../__testUtils__/testDatabases';
import { VALID_BODIES } from '../badInput/__testUtils__/validRequests';
import { DEFAULT_CELL_SPEC } from '../placement/defaultCellSpec';

jest.setTimeout(180_000);

const databases = TestDatabases.create({ ids: testDatabaseIds() });
const admin = as('platform-admin');

/**
 * The cell, tenant and placement routes over the demo estate on every test
 * database: bad input is a 400 naming the field (never a 500), and one bad
 * stored cell does not stop placement for everyone.
 */
describe.each(databases.eachSupportedId())(
  'cells, tenants and placement routes on %p',
  databaseId => {
    const backend = demoBackendBeforeAll(databases, databaseId, 300);

    const send = (
      method: 'get' | 'post' | 'patch',
      path: string,
      body?: unknown,
    ) => {
      const req = request(backend.server)
        [method](`${API}${path}`)
        .set('Authorization', admin);
      return body === undefined ? req : req.send(body as object);
    };

    const addTenant = (id: string, extra: object = {}) =>
      send('post', '/tenants', {
        id,
        name: id,
        tier: 'pool',
        classification: 'internal',
        loadUnits: 1,
        ...extra,
      });

    it('refuses to give a dedicated cell room for two tenants, naming the field, and placements go on', async () => {
      const before = (await send('get', '/cells/eu-west-3-d01')).body;
      const res = await send('patch', '/cells/eu-west-3-d01', {
        capacity: { tenants: 2, loadUnits: before.capacity.loadUnits },
      });
      expect({ status: res.status, message: res.body.error?.message }).toEqual({
        status: 400,
        message:
          'capacity.tenants: a dedicated cell belongs to one tenant, capacity is 2',
      });
      expect((await send('get', '/cells/eu-west-3-d01')).body).toEqual(before);

      await addTenant('after-patch').expect(201);
      const placed = await send('post', '/placements', {
        tenantId: 'after-patch',
      });
      expect(placed.status).toBe(201);
      const whatIf = await send('post', '/placements/what-if', {
        profiles: [
          { count: 5, tier: 'silo', classification: 'internal', loadUnits: 1 },
        ],
        spec: DEFAULT_CELL_SPEC,
      });
      expect(whatIf.status).toBe(200);
    });

    it('leaves a stored cell that breaks a rule out of placement and says so, while placement goes on', async () => {
      // A row written before the rule was enforced on updates.
      await backend
        .knex('cells')
        .where('id', 'eu-west-1-d01')
        .update({ max_tenants: 2 });
      const rule =
        'capacity.tenants: a dedicated cell belongs to one tenant, capacity is 2';

      await addTenant('pool-after-bad-row').expect(201);
      const pooled = await send('post', '/placements', {
        tenantId: 'pool-after-bad-row',
      });
      expect(pooled.status).toBe(201);

      await addTenant('silo-in-ie', {
        tier: 'silo',
        residency: { countries: ['IE'] },
      }).expect(201);
      const silo = await send('post', '/placements', {
        tenantId: 'silo-in-ie',
      });
      expect([200, 201]).toContain(silo.status);
      expect(JSON.stringify(silo.body.decision)).toContain(
        `cell eu-west-1-d01 (${rule})`,
      );

      const whatIf = await send('post', '/placements/what-if', {
        profiles: [
          {
            count: 3,
            tier: 'silo',
            classification: 'internal',
            loadUnits: 1,
            residency: { countries: ['IE'] },
          },
        ],
        spec: DEFAULT_CELL_SPEC,
      });
      expect(whatIf.status).toBe(200);

      const plan = await send('post', '/placements/migration-plan', {
        tenantId: 'silo-in-ie',
        target: { cellId: 'eu-west-1-d01' },
      });
      expect(plan.status).toBe(200);
      expect(plan.body.plan.violations).toEqual([
        {
          constraint: 'target',
          detail: expect.stringContaining(rule),
        },
      ]);

      const readiness = await send('post', '/readiness/eu-west-1/evaluate');
      expect(readiness.status).toBe(201);
      expect(readiness.body.signals.capacity.blockers).toContain(
        `cell eu-west-1-d01 is left out of placement: ${rule}`,
      );
      expect(readiness.body.signals.capacity.status).not.toBe('pass');

      // The operator fixes the row through the API.
      const fixed = await send('patch', '/cells/eu-west-1-d01', {
        capacity: { tenants: 1, loadUnits: 200 },
      });
      expect(fixed.status).toBe(200);
    });

    it('answers the former pathological what-if at the request bound, and refuses one tenant more naming the field', async () => {
      const profile = {
        count: WHAT_IF_LIMITS.tenants,
        tier: 'pool',
        classification: 'internal',
        loadUnits: 1,
        quotaUsage: { queues: 1 },
        residency: { countries: ['IE'] },
      };
      const spec = {
        ...DEFAULT_CELL_SPEC,
        capacity: { tenants: 80, loadUnits: 600, quotas: { queues: 1 } },
      };
      // Calls through to the real engine, only to read the work of the
      // engine the route built.
      const whatIf = jest.spyOn(PlacementEngine.prototype, 'whatIf');
      let work: ReturnType<PlacementEngine['searchWork']>;
      try {
        const res = await send('post', '/placements/what-if', {
          profiles: [profile],
          spec,
        });
        expect(res.status).toBe(200);
        expect(res.body.requested).toBe(WHAT_IF_LIMITS.tenants);
        expect(whatIf).toHaveBeenCalledTimes(1);
        work = (whatIf.mock.contexts[0] as PlacementEngine).searchWork();
      } finally {
        whatIf.mockRestore();
      }
      // Every tenant exhausts its new cell's quota: the former search looked
      // at every earlier cell for each tenant (count² cells); now each
      // decision looks at the newest cell, plus the stored cells once each.
      const storedCells = Number(
        (await backend.knex('cells').count({ n: '*' }))[0].n,
      );
      const bound = 2 * WHAT_IF_LIMITS.tenants + storedCells;
      expect(work.cellsExamined).toBeLessThanOrEqual(bound);
      expect(work.blocksExamined).toBeLessThanOrEqual(bound);

      const over = await send('post', '/placements/what-if', {
        profiles: [{ ...profile, count: WHAT_IF_LIMITS.tenants + 1 }],
        spec,
      });
      expect({
        status: over.status,
        message: over.body.error?.message,
      }).toEqual({
        status: 400,
        message: `profiles.0.count: must be at most ${WHAT_IF_LIMITS.tenants}; profiles: must not add up to more than ${WHAT_IF_LIMITS.tenants} tenants`,
      });
    });

    const validCell = {
      ...(VALID_BODIES['POST /cells'] as object),
      id: 'eu-west-1-p90',
      name: 'Dublin 90',
    };
    const longId = 'a'.repeat(500);

    it.each<[string, 'get' | 'post' | 'patch', string, unknown, RegExp]>([
      [
        'unknown cell field',
        'post',
        '/cells',
        { ...validCell, colour: 'red' },
        /^colour: is not a known field$/,
      ],
      [
        'capacity of the wrong type',
        'post',
        '/cells',
        { ...validCell, capacity: { tenants: 'ten', loadUnits: 1 } },
        /^capacity.tenants: must be a number$/,
      ],
      [
        'huge capacity',
        'post',
        '/cells',
        { ...validCell, capacity: { tenants: 1e12, loadUnits: 1e300 } },
        /^capacity.tenants: must be at most 1000000; capacity.loadUnits: must be at most 1000000000$/,
      ],
      [
        'a cell id with a path in it',
        'get',
        `/cells/${encodeURIComponent('../x')}`,
        undefined,
        /^id: must be 1-64 lower-case letters/,
      ],
      [
        'a 500-character cell id',
        'get',
        `/cells/${longId}`,
        undefined,
        /^id: /,
      ],
      [
        'a 500-character cell id on PATCH',
        'patch',
        `/cells/${longId}`,
        { name: 'x' },
        /^id: /,
      ],
      [
        'a tenant id with a path in it',
        'get',
        `/tenants/${encodeURIComponent('../x')}/history`,
        undefined,
        /^id: /,
      ],
      [
        'a 500-character tenant id on PATCH',
        'patch',
        `/tenants/${longId}`,
        { name: 'x' },
        /^id: /,
      ],
      [
        'huge tenant load',
        'post',
        '/tenants',
        {
          id: 'huge-load',
          name: 'H',
          tier: 'pool',
          classification: 'internal',
          loadUnits: 1e12,
        },
        /^loadUnits: must be at most 1000000000$/,
      ],
      [
        'a placement tenant id of the wrong type',
        'post',
        '/placements',
        { tenantId: 5 },
        /^tenantId: must be a string$/,
      ],
      [
        'an unknown placement field',
        'post',
        '/placements',
        { tenantId: 'tenant-00001', hurry: true },
        /^hurry: is not a known field$/,
      ],
      [
        'a migration target with a path in it',
        'post',
        '/placements/migration-plan',
        { tenantId: 'tenant-00001', target: { cellId: '../x' } },
        /^target/,
      ],
      [
        'a huge quota plan',
        'post',
        '/cells/quota-plan',
        { spec: DEFAULT_CELL_SPEC, cellCount: 1e9 },
        /^cellCount: must be at most 100000$/,
      ],
      [
        'too many what-if profiles',
        'post',
        '/placements/what-if',
        {
          profiles: Array.from({ length: WHAT_IF_LIMITS.profiles + 1 }, () => ({
            count: 1,
            tier: 'pool',
            classification: 'internal',
            loadUnits: 1,
          })),
          spec: DEFAULT_CELL_SPEC,
        },
        /^profiles: must contain at most 20 profiles$/,
      ],
      [
        'a body that is a list',
        'post',
        '/placements',
        [{ tenantId: 'tenant-00001' }],
        /^\(root\): /,
      ],
    ])('%s: 400 naming the field', async (_, method, path, body, message) => {
      const cells = (await send('get', '/cells')).body.items.length;
      const res = await send(method, path, body);
      expect({ status: res.status, message: res.body.error?.message }).toEqual({
        status: 400,
        message: expect.stringMatching(message),
      });
      expect((await send('get', '/cells')).body.items.length).toBe(cells);
    });

    it.each([
      [
        'an offset past any page',
        '/tenants?offset=100000000000000000000',
        /^offset: /,
      ],
      [
        'a cell filter with a path in it',
        `/tenants?cellId=${encodeURIComponent('../x')}`,
        /^cellId: /,
      ],
      [
        'an unknown tenant filter',
        '/tenants?colour=red',
        /^colour: is not a known field$/,
      ],
      [
        'a limit that is not a number',
        '/tenants?limit=lots',
        /^limit: must be a number$/,
      ],
    ])(
      'GET /tenants with %s: 400 naming the field',
      async (_, path, message) => {
        const res = await send('get', path);
        expect({
          status: res.status,
          message: res.body.error?.message,
        }).toEqual({ status: 400, message: expect.stringMatching(message) });
      },
    );

    it.each([
      ['get', '/cells/eu-west-1-p01?bogusParam=1'],
      ['patch', '/cells/eu-west-1-p01?bogusParam=1'],
      ['get', '/tenants/tenant-00001?bogusParam=1'],
      ['patch', '/tenants/tenant-00001?bogusParam=1'],
      ['get', '/tenants/tenant-00001/history?bogusParam=1'],
    ] as const)(
      '%s %s: 400 naming the unknown query key',
      async (method, path) => {
        const res = await send(
          method,
          path,
          method === 'patch' ? { name: 'Renamed' } : undefined,
        );
        expect({
          status: res.status,
          message: res.body.error?.message,
        }).toEqual({
          status: 400,
          message: 'bogusParam: is not a known field',
        });
      },
    );

    it('answers malformed JSON with 400', async () => {
      const res = await request(backend.server)
        .post(`${API}/placements`)
        .set('Authorization', admin)
        .set('Content-Type', 'application/json')
        .send('{"tenantId": ');
      expect(res.status).toBe(400);
    });

    it('keeps fractional load units of cells and tenants', async () => {
      await send('post', '/cells', {
        ...validCell,
        id: 'eu-west-1-p91',
        lifecycle: 'active',
        capacity: { tenants: 4, loadUnits: 7.5 },
      }).expect(201);
      await addTenant('fractional', {
        loadUnits: 2.5,
        cellId: 'eu-west-1-p91',
      }).expect(201);
      expect((await send('get', '/tenants/fractional')).body.loadUnits).toBe(
        2.5,
      );
      expect(
        (await send('get', '/cells/eu-west-1-p91')).body.usage.loadUnits,
      ).toBe(2.5);
    });
  },
);
