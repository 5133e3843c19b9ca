import { Knex } from 'knex';
import { RestCase } from './corpus';
import { ASSESS, casesOf, json } from './caseBuilders';
import { DEDICATED_CELL } from './validRequests';

/**
 * A pooled cell of the seeded estate that holds tenants, with a capacity of
 * one tenant fewer than it holds and the rest of its capacity kept. Which
 * cells hold tenants is the placement engine's choice when the estate is
 * seeded, so the cell is read from it.
 */
async function cellBelowItsTenants(knex: Knex) {
  const cell = await knex('cells')
    .where({ isolation: 'pooled' })
    .andWhere('tenant_count', '>=', 2)
    .orderBy('id')
    .first('id', 'tenant_count', 'max_load_units', 'max_quotas');
  if (!cell)
    throw new Error('the corpus estate has no pooled cell with tenants');
  return {
    path: `/cells/${cell.id}`,
    body: json({
      capacity: {
        tenants: Number(cell.tenant_count) - 1,
        loadUnits: Number(cell.max_load_units),
        quotas: JSON.parse(cell.max_quotas),
      },
    }),
  };
}

/** A large body of spaces, only ever read by a route that authorizes late. */
const spaces = (mib: number) => () => Buffer.alloc(mib * 2 ** 20, ' ');

const TENANT_MANAGE = /tenant\.manage/;
const LOCATION_MANAGE = /location\.manage/;

/** Callers without the route's permission, and what each sends. */
const AUTHORIZATION_FIRST: Array<
  {
    method: RestCase['method'];
    route: string;
    /** What the caller sends, for the case's name. */
    sends: string;
    status: number;
    reason?: RegExp;
  } & Partial<Pick<RestCase, 'path'>> &
    Pick<RestCase, 'role' | 'headers' | 'body'>
> = [
  {
    method: 'POST',
    route: '/tenants/import',
    sends: '60 MB',
    role: 'engineer',
    body: spaces(60),
    status: 403,
    reason: TENANT_MANAGE,
  },
  {
    method: 'POST',
    route: '/tenants/import',
    sends: 'malformed JSON',
    role: 'engineer',
    body: () => '[{"id":',
    status: 403,
    reason: TENANT_MANAGE,
  },
  {
    method: 'POST',
    route: '/tenants/import',
    sends: 'malformed YAML',
    role: 'anonymous',
    headers: { 'content-type': 'text/yaml' },
    body: () => '- [',
    status: 401,
  },
  {
    method: 'PUT',
    route: '/application-plane/footprint',
    sends: '11 MB',
    role: 'engineer',
    body: spaces(11),
    status: 403,
    reason: LOCATION_MANAGE,
  },
  {
    method: 'PUT',
    route: '/application-plane/footprint',
    sends: 'malformed JSON',
    role: 'auditor',
    body: () => '{"services":',
    status: 403,
    reason: LOCATION_MANAGE,
  },
  {
    method: 'POST',
    route: '/readiness/{locationId}/assess',
    path: ASSESS,
    sends: '11 MB',
    role: 'anonymous',
    body: spaces(11),
    status: 401,
  },
];
/**
 * Domain rules the schema cannot state (a cell's capacity against its
 * isolation and the tenants it holds), and authorization before any body
 * is read: a caller without the permission gets 401/403 whatever it sends.
 */
export function ruleCases(): RestCase[] {
  return [
    ...casesOf('PATCH', '/cells/{id}', [
      {
        label: '{"capacity":{"tenants":2}} on a dedicated cell',
        category: 'out-of-range',
        path: `/cells/${DEDICATED_CELL}`,
        body: json({ capacity: { tenants: 2 } }),
        expect: { status: 400, fields: ['capacity'] },
      },
      {
        label: 'capacity of 2 tenants and load on a dedicated cell',
        category: 'out-of-range',
        path: `/cells/${DEDICATED_CELL}`,
        body: json({ capacity: { tenants: 2, loadUnits: 200 } }),
        expect: { status: 400, fields: ['capacity'], reason: /dedicated/i },
      },
      {
        label: 'capacity below the tenants it holds',
        category: 'out-of-range',
        path: '/cells/(a pooled cell holding tenants)',
        prepare: cellBelowItsTenants,
        expect: {
          status: [400, 409],
          fields: ['capacity.tenants'],
          reason: /below the \d+ tenants/,
        },
      },
    ]),
    ...AUTHORIZATION_FIRST.flatMap(
      ({ method, route, sends, status, reason, ...request }) =>
        casesOf(method, route, [
          {
            label: `${request.role} sends ${sends}`,
            category: 'authorization-first',
            ...request,
            expect: { status, fields: [], ...(reason ? { reason } : {}) },
          },
        ]),
    ),
  ];
}
