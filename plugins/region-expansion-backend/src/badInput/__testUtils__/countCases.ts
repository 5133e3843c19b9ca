import { DEFAULT_CELL_SPEC } from '../../placement/defaultCellSpec';
import { RestCase } from './corpus';
import { BOUNDED, casesOf, importRow, json } from './caseBuilders';
import { VALID_BODIES } from './validRequests';

const profile = (count: number) => ({
  count,
  tier: 'pool',
  classification: 'internal',
  loadUnits: 1,
});

/** A valid body of `key` with one number spelled 1e400 (Infinity once parsed). */
const withInfinity = (key: string, field: string, value: number) => () =>
  JSON.stringify(VALID_BODIES[key]).replace(
    `"${field}":${value}`,
    `"${field}":1e400`,
  );

/**
 * Counts and numbers past every bound: tenants and profiles of a what-if,
 * cells of a quota plan, page offsets, rows of an import, entries of a map,
 * dates and numbers out of range; and query values that nest or traverse.
 */
export function countCases(): RestCase[] {
  const whatIf = (profiles: object[]) =>
    json({ profiles, spec: DEFAULT_CELL_SPEC });
  return [
    ...casesOf('POST', '/placements/what-if', [
      {
        label: 'one profile of 1,000,000 pooled tenants',
        category: 'huge-count',
        body: whatIf([profile(1_000_000)]),
        expect: { status: 400, fields: ['profiles'] },
      },
      {
        label: 'ten profiles of 100,000 pooled tenants',
        category: 'huge-count',
        body: whatIf(Array(10).fill(profile(100_000))),
        expect: { status: 400, fields: ['profiles'] },
      },
      {
        label: '100,000 profiles of one tenant',
        category: 'huge-count',
        body: whatIf(Array(100_000).fill(profile(1))),
        // Over the 100 KB body limit, refused by a bound, or answered small.
        expect: { fields: ['profiles', '(root)', 'body'], boundedOk: BOUNDED },
      },
    ]),
    ...casesOf('POST', '/cells/quota-plan', [
      {
        label: 'cellCount 1,000,000,000',
        category: 'huge-count',
        body: json({ spec: DEFAULT_CELL_SPEC, cellCount: 1e9 }),
        expect: { status: 400, fields: ['cellCount'] },
      },
    ]),
    ...[
      ['/tenants', '/tenants'],
      ['/readiness/{locationId}/history', '/readiness/eu-west-1/history'],
      ['/governance/findings', '/governance/findings'],
    ].flatMap(([route, path]) =>
      casesOf('GET', route, [
        {
          label: 'offset 1e21',
          category: 'huge-count',
          path: `${path}?offset=1000000000000000000000`,
          expect: { status: 400, fields: ['offset'] },
        },
      ]),
    ),
    ...casesOf('POST', '/tenants', [
      {
        label: 'loadUnits 1e400 (Infinity once parsed)',
        category: 'huge-count',
        body: withInfinity('POST /tenants', 'loadUnits', 1),
        expect: { status: 400, fields: ['loadUnits'] },
      },
      {
        label: '100,000 quotaUsage entries',
        category: 'huge-count',
        body: json({
          ...(VALID_BODIES['POST /tenants'] as object),
          quotaUsage: Object.fromEntries(
            Array.from({ length: 100_000 }, (_, i) => [`q${i}`, 1]),
          ),
        }),
        // Over the 100 KB body limit, or refused by a bound on the map.
        expect: {
          status: [400, 413],
          fields: ['quotaUsage', '(root)', 'body'],
        },
      },
    ]),
    ...casesOf('POST', '/cells', [
      {
        label: 'capacity.tenants 1e400',
        category: 'huge-count',
        body: withInfinity('POST /cells', 'tenants', 10),
        expect: { status: 400, fields: ['capacity.tenants'] },
      },
    ]),
    ...casesOf('POST', '/tenants/import', [
      {
        label: '50,000 rows, the last one bad',
        category: 'huge-count',
        body: () =>
          JSON.stringify(
            Array.from({ length: 50_000 }, (_, i) => ({
              ...importRow,
              id: `bulk-${i}`,
              tier: i === 49_999 ? 'platinum' : 'pool',
            })),
          ),
        // The last row is bad: everything is read and refused, nothing written.
        expect: { status: [400, 413], fields: ['rows', 'tier', '(root)'] },
      },
    ]),
    ...casesOf('PUT', '/application-plane/footprint', [
      {
        label: '2,001 services',
        category: 'huge-count',
        body: json({
          services: Array.from({ length: 2001 }, (_, i) => ({
            code: `svc${i}`,
            sources: ['iac'],
            actions: [],
          })),
          crossRegion: [],
          unknown: [],
        }),
        expect: { status: 400, fields: ['services'] },
      },
    ]),
    ...casesOf('POST', '/waivers', [
      {
        label: 'expiresAt in the year 9999',
        category: 'huge-count',
        body: json({
          ...(VALID_BODIES['POST /waivers'] as object),
          expiresAt: '9999-12-31T23:59:59Z',
        }),
        expect: { status: 400, fields: ['expiresAt'] },
      },
    ]),
    ...casesOf('GET', '/tenants', [
      {
        label: 'limit[a][b][c]=1',
        category: 'deep-nesting',
        path: '/tenants?limit[a][b][c]=1',
        expect: { status: 400, fields: ['limit'] },
      },
      {
        label: 'sort by a column outside the allow-list',
        category: 'query-value',
        path: `/tenants?sort=${encodeURIComponent('residency:asc')}`,
        expect: { status: 400, fields: ['sort'] },
      },
      {
        label: 'sort carrying SQL',
        category: 'query-value',
        path: `/tenants?sort=${encodeURIComponent(
          'name:asc; DROP TABLE tenants',
        )}`,
        expect: { status: 400, fields: ['sort'] },
      },
      {
        label: 'q of 8,000 LIKE wildcards',
        category: 'query-value',
        path: `/tenants?q=${encodeURIComponent('%_'.repeat(4_000))}`,
        expect: { status: 400, fields: ['q'] },
      },
    ]),
    ...casesOf('GET', '/cells', [
      {
        label: 'locationId path traversal',
        category: 'query-value',
        path: `/cells?locationId=${encodeURIComponent('../../etc/passwd')}`,
        expect: { status: 400, fields: ['locationId'] },
      },
    ]),
  ];
}
