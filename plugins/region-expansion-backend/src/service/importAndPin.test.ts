import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import request from 'supertest';
import { API, as, demoBackendBeforeAll } from '../__testUtils__/rolePolicy';
import { testDatabaseIds } from '../__testUtils__/testDatabases';
import {
  MAX_IMPORT_ROWS,
  MAX_IMPORT_YAML_BYTES,
  ROWS_PER_TURN,
} from '../tenants/importRows';
import {
  countTurns,
  mostInOneTurn,
  recordInserts,
  recordRowValidations,
} from '../__testUtils__/eventLoopTurns';

jest.setTimeout(180_000);

const databases = TestDatabases.create({ ids: testDatabaseIds() });
const admin = as('platform-admin');

const row = (i: number, extra: object = {}) => ({
  id: `bulk-${i}`,
  name: `Bulk ${i}`,
  tier: 'pool',
  classification: 'public',
  loadUnits: 1,
  ...extra,
});

/**
 * Runs `work` (an import through the route) and notes the turn of the event
 * loop each row was validated in and each INSERT into `tenants` ran in: a
 * turn holds at most one slice of rows, so other requests (the liveness
 * probe) are answered in between.
 */
async function inTurns<T>(knex: Knex, work: () => Promise<T>) {
  const turns = countTurns();
  const validations = recordRowValidations(turns);
  const inserts = recordInserts(knex, 'tenants', turns);
  try {
    const result = await work();
    return {
      result,
      validatedIn: validations.turns,
      inserts: inserts.statements,
    };
  } finally {
    inserts.stop();
    validations.stop();
    turns.stop();
  }
}

/**
 * POST /tenants/import and POST /tenants over the demo estate: a big import
 * neither holds the event loop nor passes the row cap, and no route pins a
 * tenant to a cell that takes no tenants.
 */
describe.each(databases.eachSupportedId())(
  'tenant import and pins on %p',
  databaseId => {
    const backend = demoBackendBeforeAll(databases, databaseId, 50);

    const post = (path: string, body: unknown) =>
      request(backend.server)
        .post(`${API}${path}`)
        .set('Authorization', admin)
        .set('Content-Type', 'application/json')
        .send(typeof body === 'string' ? body : JSON.stringify(body));

    const tenantCount = async () =>
      Number((await backend.knex('tenants').count({ n: '*' }))[0].n);

    it(`refuses an import of more than ${MAX_IMPORT_ROWS} rows with 413 naming rows, before reading a row, and writes nothing`, async () => {
      expect(MAX_IMPORT_ROWS).toBe(10_000);
      const before = await tenantCount();
      // Every row is bad: a route that validated rows first would name one.
      const rows = Array.from({ length: MAX_IMPORT_ROWS + 1 }, () => ({}));
      const res = await post('/tenants/import', rows);
      expect({ status: res.status, message: res.body.error?.message }).toEqual({
        status: 413,
        message: `rows: ${
          MAX_IMPORT_ROWS + 1
        } rows are more than the ${MAX_IMPORT_ROWS} one import takes; split the import into smaller files`,
      });
      expect(await tenantCount()).toBe(before);
    });

    it(`validates ${MAX_IMPORT_ROWS} rows at most ${ROWS_PER_TURN} per turn of the event loop, and names the last bad row`, async () => {
      const before = await tenantCount();
      // Rows with residency lists, as a real estate export has them.
      const body = JSON.stringify(
        Array.from({ length: MAX_IMPORT_ROWS }, (_, i) =>
          row(i, {
            residencyCountries: 'DE;FR;IT;ES;NL;BE;AT;IE',
            residencyJurisdictions: 'EU',
            ...(i === MAX_IMPORT_ROWS - 1 ? { tier: 'platinum' } : {}),
          }),
        ),
      );
      const {
        result: res,
        validatedIn,
        inserts,
      } = await inTurns(backend.knex, () => post('/tenants/import', body));
      expect({ status: res.status, message: res.body.error?.message }).toEqual({
        status: 400,
        message: `rows[${
          MAX_IMPORT_ROWS - 1
        }].tier: must be one of pool, bridge, silo`,
      });
      expect(validatedIn).toHaveLength(MAX_IMPORT_ROWS);
      expect(mostInOneTurn(validatedIn)).toBeLessThanOrEqual(ROWS_PER_TURN);
      expect(inserts).toEqual([]);
      expect(await tenantCount()).toBe(before);
    });

    it(`imports ${MAX_IMPORT_ROWS} good rows, the most it takes, validating at most ${ROWS_PER_TURN} and inserting at most 500 rows per turn of the event loop`, async () => {
      const before = await tenantCount();
      const body = JSON.stringify(
        Array.from({ length: MAX_IMPORT_ROWS }, (_, i) => row(i)),
      );
      const {
        result: res,
        validatedIn,
        inserts,
      } = await inTurns(backend.knex, () => post('/tenants/import', body));
      expect({ status: res.status, body: res.body }).toEqual({
        status: 201,
        body: { imported: MAX_IMPORT_ROWS, placed: 0 },
      });
      expect(validatedIn).toHaveLength(MAX_IMPORT_ROWS);
      expect(mostInOneTurn(validatedIn)).toBeLessThanOrEqual(ROWS_PER_TURN);
      expect(inserts.map(i => i.rows)).toEqual(
        Array(MAX_IMPORT_ROWS / 500).fill(500),
      );
      const insertTurns = inserts.map(i => i.turn);
      expect(new Set(insertTurns).size).toBe(insertTurns.length);
      expect(await tenantCount()).toBe(before + MAX_IMPORT_ROWS);
    });

    it('refuses a YAML import over its size limit with 413 naming (root), before parsing it, and writes nothing', async () => {
      const before = await tenantCount();
      const lines: string[] = [];
      let size = 0;
      for (let i = 0; size <= MAX_IMPORT_YAML_BYTES; i++) {
        const line = `- { id: yaml-${i}, name: Yaml ${i}, tier: pool, classification: public, loadUnits: 1 }\n`;
        lines.push(line);
        size += line.length;
      }
      const res = await request(backend.server)
        .post(`${API}/tenants/import`)
        .set('Authorization', admin)
        .set('Content-Type', 'text/yaml')
        .send(lines.join(''));
      expect({ status: res.status, message: res.body.error?.message }).toEqual({
        status: 413,
        message: `(root): a YAML import is at most 256 KB, this one is ${Math.ceil(
          size / 1024,
        )} KB; send larger imports as JSON (application/json)`,
      });
      expect(await tenantCount()).toBe(before);
    });

    it.each([
      ['10,000-deep nesting', `${'['.repeat(10_000)}${']'.repeat(10_000)}`],
      ['an unclosed quote', `- id: "quoted-secret\n  name: x\n`],
      ['a tab as indentation', `- id: t1\n\tname: secret-value\n`],
    ])(
      'answers YAML with %s with a 400 naming (root) and the line, never quoting the body',
      async (_label, body) => {
        const before = await tenantCount();
        const res = await request(backend.server)
          .post(`${API}/tenants/import`)
          .set('Authorization', admin)
          .set('Content-Type', 'text/yaml')
          .send(body);
        expect(res.status).toBe(400);
        const message: string = res.body.error.message;
        expect(message).toMatch(/^\(root\): (line \d+: )?malformed YAML: /);
        expect(message).not.toMatch(/\[\[|secret|call stack/i);
        expect(await tenantCount()).toBe(before);
      },
    );

    describe('a pin to a cell by its lifecycle', () => {
      const cellIn = (lifecycle: string) => `eu-west-1-pin-${lifecycle}`;
      beforeAll(async () => {
        for (const lifecycle of [
          'planned',
          'provisioning',
          'active',
          'draining',
          'retired',
        ]) {
          const res = await post('/cells', {
            id: cellIn(lifecycle),
            name: `Pin test ${lifecycle}`,
            locationId: 'eu-west-1',
            controlPlaneId: 'cp-aws-eu',
            lifecycle,
            isolation: 'pooled',
            accountId: '999988887777',
            specVersion: '2026.1',
            capacity: { tenants: 10, loadUnits: 100 },
          });
          if (res.status !== 201) {
            throw new Error(`POST /cells (${lifecycle}): ${res.status}`);
          }
        }
      });

      const usageOf = async (cellId: string) =>
        (await backend.knex('cells').where('id', cellId).first('tenant_count'))
          .tenant_count;

      it.each(['planned', 'draining', 'retired'])(
        'POST /tenants refuses a pin to a %s cell, naming cellId, and writes nothing',
        async lifecycle => {
          const cellId = cellIn(lifecycle);
          const before = await tenantCount();
          const res = await post('/tenants', {
            ...row(0, { id: `pin-${lifecycle}` }),
            cellId,
          });
          expect({
            status: res.status,
            message: res.body.error?.message,
          }).toEqual({
            status: 400,
            message: `cellId: cell ${cellId} is ${lifecycle}; a tenant is pinned only to an active or provisioning cell`,
          });
          expect(await tenantCount()).toBe(before);
          expect(Number(await usageOf(cellId))).toBe(0);
        },
      );

      it.each(['planned', 'draining', 'retired'])(
        'POST /tenants/import refuses a row pinned to a %s cell, naming the row, and writes nothing',
        async lifecycle => {
          const cellId = cellIn(lifecycle);
          const before = await tenantCount();
          const res = await post('/tenants/import', [
            row(0, { id: `import-ok-${lifecycle}`, cellId: cellIn('active') }),
            row(1, { id: `import-pin-${lifecycle}`, cellId }),
          ]);
          expect({
            status: res.status,
            message: res.body.error?.message,
          }).toEqual({
            status: 400,
            message: `rows[1].cellId: cell ${cellId} is ${lifecycle}; a tenant is pinned only to an active or provisioning cell`,
          });
          expect(await tenantCount()).toBe(before);
          expect(Number(await usageOf(cellId))).toBe(0);
          expect(Number(await usageOf(cellIn('active')))).toBe(0);
        },
      );

      it.each(['provisioning', 'active'])(
        'pins to a cell that is %s through both routes',
        async lifecycle => {
          const cellId = cellIn(lifecycle);
          const one = await post('/tenants', {
            ...row(0, { id: `pinned-one-${lifecycle}` }),
            cellId,
          });
          expect(one.status).toBe(201);
          const many = await post('/tenants/import', [
            row(1, { id: `pinned-many-${lifecycle}`, cellId }),
          ]);
          expect({ status: many.status, body: many.body }).toEqual({
            status: 201,
            body: { imported: 1, placed: 1 },
          });
          expect(Number(await usageOf(cellId))).toBe(2);
        },
      );
    });
  },
);
