import zlib from 'node:zlib';
import { DEFAULT_CELL_SPEC } from '../../placement/defaultCellSpec';
import { RestCase } from './corpus';
import {
  aliasAmplificationTemplate,
  billionLaughsYaml,
  binaryJunk,
  deepJsonObject,
  deepYaml,
  gzipBomb,
  truncatedGzip,
} from './payloads';
import { DEDICATED_CELL, VALID_BODIES } from './validRequests';

const ASSESS = '/readiness/eu-west-1/assess';
const json = (value: unknown) => () => JSON.stringify(value);
const upload = (fileName: string, content: Buffer | string) =>
  json(
    Buffer.isBuffer(content)
      ? { fileName, content: content.toString('base64'), encoding: 'base64' }
      : { fileName, content },
  );
/** An amplified answer is fine while it stays this small. */
const BOUNDED = { maxBytes: 1024 * 1024 };
/** Past the 256 MiB decompressed-size cap of the footprint readers. */
const BOMB_INFLATED = 300 * 2 ** 20;
const row = (VALID_BODIES['POST /tenants/import'] as object[])[0];
const profile = (count: number) => ({
  count,
  tier: 'pool',
  classification: 'internal',
  loadUnits: 1,
});

/**
 * Cases the schema cannot generate: amplification and bombs, huge counts,
 * domain rules, traversal in file names, and authorization before any
 * large body is read.
 */
export function handWrittenCases(): RestCase[] {
  return [
    // ----------------------------------------------- amplification, bombs
    {
      name: 'POST /readiness/{locationId}/assess amplification: 12 KB CloudFormation YAML, one anchor of 200 arn:aws: strings aliased 2,000 times',
      category: 'amplification',
      method: 'POST',
      path: ASSESS,
      body: upload('stack.yaml', aliasAmplificationTemplate()),
      expect: { fields: ['content'], boundedOk: BOUNDED },
    },
    {
      name: 'POST /readiness/{locationId}/assess amplification: billion laughs YAML (10 levels of 10 aliases)',
      category: 'amplification',
      method: 'POST',
      path: ASSESS,
      body: upload('stack.yaml', billionLaughsYaml()),
      expect: { fields: ['content'], boundedOk: BOUNDED },
    },
    {
      name: 'POST /readiness/{locationId}/assess bomb: .json.gz inflating to 300 MiB, past the cap',
      category: 'bomb',
      method: 'POST',
      path: ASSESS,
      body: () => upload('trail.json.gz', gzipBomb(BOMB_INFLATED))(),
      expect: { fields: ['content'] },
    },
    {
      name: 'POST /readiness/{locationId}/assess bomb: truncated gzip',
      category: 'bomb',
      method: 'POST',
      path: ASSESS,
      body: upload('trail.json.gz', truncatedGzip('{"Records":[]}')),
      expect: { status: 400, fields: ['content'] },
    },
    {
      name: 'POST /tenants/import bomb: gzip Content-Encoding inflating to 60 MiB, past the 50 MB limit',
      category: 'bomb',
      method: 'POST',
      path: '/tenants/import',
      headers: { 'content-encoding': 'gzip' },
      body: () => gzipBomb(60 * 2 ** 20),
      expect: { status: 413, fields: ['(root)', 'body'] },
    },
    {
      name: 'POST /tenants bomb: gzip Content-Encoding inflating to 10 MiB, past the 100 KB limit',
      category: 'bomb',
      method: 'POST',
      path: '/tenants',
      headers: { 'content-encoding': 'gzip' },
      body: () => gzipBomb(10 * 2 ** 20),
      expect: { status: 413, fields: ['(root)', 'body'] },
    },
    {
      name: 'POST /tenants content-type: unsupported Content-Encoding',
      category: 'content-type',
      method: 'POST',
      path: '/tenants',
      headers: { 'content-encoding': 'compress' },
      body: json(VALID_BODIES['POST /tenants']),
      expect: {
        status: 415,
        fields: ['(root)', 'body', 'content-encoding', 'Content-Encoding'],
      },
    },
    {
      name: 'POST /tenants content-type: unsupported charset',
      category: 'content-type',
      method: 'POST',
      path: '/tenants',
      headers: { 'content-type': 'application/json; charset=iso-8859-1' },
      body: json(VALID_BODIES['POST /tenants']),
      expect: {
        status: 415,
        fields: ['(root)', 'body', 'content-type', 'Content-Type'],
      },
    },
    {
      name: 'POST /tenants/import amplification: YAML billion laughs',
      category: 'amplification',
      method: 'POST',
      path: '/tenants/import',
      headers: { 'content-type': 'text/yaml' },
      body: () => billionLaughsYaml(),
      expect: { status: 400, fields: ['(root)'] },
    },
    {
      name: 'POST /tenants/import amplification: one row anchored and aliased 2,000 times',
      category: 'amplification',
      method: 'POST',
      path: '/tenants/import',
      headers: { 'content-type': 'text/yaml' },
      body: () =>
        `- &r { id: amp, name: Amp, tier: pool, classification: public, loadUnits: 1 }\n${'- *r\n'.repeat(
          2000,
        )}`,
      expect: { status: 400, fields: ['(root)', 'rows'] },
    },
    {
      name: 'POST /tenants/import deep-nesting: 10,000-deep YAML',
      category: 'deep-nesting',
      method: 'POST',
      path: '/tenants/import',
      headers: { 'content-type': 'text/yaml' },
      body: () => `- ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`,
      expect: { status: 400, fields: ['(root)', 'rows'] },
    },

    // -------------------------------------------------- uploaded files
    {
      name: 'POST /readiness/{locationId}/assess binary-junk: 64 KB of random bytes as a template',
      category: 'binary-junk',
      method: 'POST',
      path: ASSESS,
      body: upload('stack.template.json', binaryJunk(64 * 1024)),
      expect: { status: 400, fields: ['content'] },
    },
    {
      name: 'POST /readiness/{locationId}/assess binary-junk: random bytes named .json.gz',
      category: 'binary-junk',
      method: 'POST',
      path: ASSESS,
      body: upload('trail.json.gz', binaryJunk(64 * 1024)),
      expect: { status: 400, fields: ['content'] },
    },
    {
      name: 'POST /readiness/{locationId}/assess deep-nesting: 10,000-deep JSON template',
      category: 'deep-nesting',
      method: 'POST',
      path: ASSESS,
      body: upload(
        'stack.template.json',
        `{"Resources":{"B":{"Type":"AWS::S3::Bucket","Properties":${deepJsonObject()}}}}`,
      ),
      expect: { fields: ['content'], boundedOk: BOUNDED },
    },
    {
      name: 'POST /readiness/{locationId}/assess deep-nesting: 10,000-deep YAML template',
      category: 'deep-nesting',
      method: 'POST',
      path: ASSESS,
      body: upload('stack.yaml', deepYaml()),
      expect: { fields: ['content'], boundedOk: BOUNDED },
    },
    {
      name: 'POST /readiness/{locationId}/assess binary-junk: empty template',
      category: 'binary-junk',
      method: 'POST',
      path: ASSESS,
      body: upload('stack.template.json', ' '),
      expect: { status: 400, fields: ['content'] },
    },
    {
      name: 'POST /readiness/{locationId}/assess binary-junk: content not base64 with encoding base64',
      category: 'binary-junk',
      method: 'POST',
      path: ASSESS,
      body: json({
        fileName: 'x.json',
        content: '%%%not base64',
        encoding: 'base64',
      }),
      expect: { status: 400, fields: ['content'] },
    },
    {
      name: 'POST /readiness/{locationId}/assess binary-junk: a cdk.out manifest on its own',
      category: 'binary-junk',
      method: 'POST',
      path: ASSESS,
      body: upload('manifest.json', '{"version":"36.0.0","artifacts":{}}'),
      expect: { status: 400, fields: ['content'] },
    },
    ...(
      [
        ['traversal', '../../etc/passwd'],
        ['absolute path', '/etc/passwd'],
        ['Windows traversal', '..\\..\\boot.ini'],
        ['dot-dot', '..'],
        ['NUL byte', 'stack\u0000.yaml'],
        ['10 KB name', `${'a'.repeat(10 * 1024)}.yaml`],
      ] as Array<[string, string]>
    ).map(
      ([label, fileName]): RestCase => ({
        name: `POST /readiness/{locationId}/assess path-id: fileName ${label}`,
        category: 'path-id',
        method: 'POST',
        path: ASSESS,
        body: upload(fileName, '{"Resources":{}}'),
        expect: { status: 400, fields: ['fileName'] },
      }),
    ),

    // ------------------------------------------------------ huge counts
    {
      name: 'POST /placements/what-if huge-count: one profile of 1,000,000 pooled tenants',
      category: 'huge-count',
      method: 'POST',
      path: '/placements/what-if',
      body: json({ profiles: [profile(1_000_000)], spec: DEFAULT_CELL_SPEC }),
      expect: { status: 400, fields: ['profiles'] },
    },
    {
      name: 'POST /placements/what-if huge-count: ten profiles of 100,000 pooled tenants',
      category: 'huge-count',
      method: 'POST',
      path: '/placements/what-if',
      body: json({
        profiles: Array(10).fill(profile(100_000)),
        spec: DEFAULT_CELL_SPEC,
      }),
      expect: { status: 400, fields: ['profiles'] },
    },
    {
      name: 'POST /placements/what-if huge-count: 100,000 profiles of one tenant',
      category: 'huge-count',
      method: 'POST',
      path: '/placements/what-if',
      body: json({
        profiles: Array(100_000).fill(profile(1)),
        spec: DEFAULT_CELL_SPEC,
      }),
      // Over the 100 KB body limit, refused by a bound, or answered small.
      expect: { fields: ['profiles', '(root)', 'body'], boundedOk: BOUNDED },
    },
    {
      name: 'POST /cells/quota-plan huge-count: cellCount 1,000,000,000',
      category: 'huge-count',
      method: 'POST',
      path: '/cells/quota-plan',
      body: json({ spec: DEFAULT_CELL_SPEC, cellCount: 1e9 }),
      expect: { status: 400, fields: ['cellCount'] },
    },
    {
      name: 'GET /tenants huge-count: offset 1e21',
      category: 'huge-count',
      method: 'GET',
      path: '/tenants?offset=1000000000000000000000',
      expect: { status: 400, fields: ['offset'] },
    },
    {
      name: 'GET /readiness/{locationId}/history huge-count: offset 1e21',
      category: 'huge-count',
      method: 'GET',
      path: '/readiness/eu-west-1/history?offset=1000000000000000000000',
      expect: { status: 400, fields: ['offset'] },
    },
    {
      name: 'GET /governance/findings huge-count: offset 1e21',
      category: 'huge-count',
      method: 'GET',
      path: '/governance/findings?offset=1000000000000000000000',
      expect: { status: 400, fields: ['offset'] },
    },
    {
      name: 'POST /tenants huge-count: loadUnits 1e400 (Infinity once parsed)',
      category: 'huge-count',
      method: 'POST',
      path: '/tenants',
      body: () =>
        JSON.stringify(VALID_BODIES['POST /tenants']).replace(
          '"loadUnits":1',
          '"loadUnits":1e400',
        ),
      expect: { status: 400, fields: ['loadUnits'] },
    },
    {
      name: 'POST /cells huge-count: capacity.tenants 1e400',
      category: 'huge-count',
      method: 'POST',
      path: '/cells',
      body: () =>
        JSON.stringify(VALID_BODIES['POST /cells']).replace(
          '"tenants":10',
          '"tenants":1e400',
        ),
      expect: { status: 400, fields: ['capacity.tenants'] },
    },
    {
      name: 'POST /tenants huge-count: 100,000 quotaUsage entries',
      category: 'huge-count',
      method: 'POST',
      path: '/tenants',
      body: json({
        ...(VALID_BODIES['POST /tenants'] as object),
        quotaUsage: Object.fromEntries(
          Array.from({ length: 100_000 }, (_, i) => [`q${i}`, 1]),
        ),
      }),
      // Over the 100 KB body limit, or refused by a bound on the map.
      expect: { status: [400, 413], fields: ['quotaUsage', '(root)', 'body'] },
    },
    {
      name: 'POST /tenants/import huge-count: 50,000 rows, the last one bad',
      category: 'huge-count',
      method: 'POST',
      path: '/tenants/import',
      body: () =>
        JSON.stringify(
          Array.from({ length: 50_000 }, (_, i) => ({
            ...row,
            id: `bulk-${i}`,
            tier: i === 49_999 ? 'platinum' : 'pool',
          })),
        ),
      // The last row is bad: everything is read and refused, nothing written.
      expect: { status: [400, 413], fields: ['rows', 'tier', '(root)'] },
    },
    {
      name: 'PUT /application-plane/footprint huge-count: 2,001 services',
      category: 'huge-count',
      method: 'PUT',
      path: '/application-plane/footprint',
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
    {
      name: 'POST /waivers huge-count: expiresAt in the year 9999',
      category: 'huge-count',
      method: 'POST',
      path: '/waivers',
      body: json({
        ...(VALID_BODIES['POST /waivers'] as object),
        expiresAt: '9999-12-31T23:59:59Z',
      }),
      expect: { status: 400, fields: ['expiresAt'] },
    },
    {
      name: 'GET /tenants deep-nesting: limit[a][b][c]=1',
      category: 'deep-nesting',
      method: 'GET',
      path: '/tenants?limit[a][b][c]=1',
      expect: { status: 400, fields: ['limit'] },
    },
    {
      name: 'GET /cells query-value: locationId path traversal',
      category: 'query-value',
      method: 'GET',
      path: `/cells?locationId=${encodeURIComponent('../../etc/passwd')}`,
      expect: { status: 400, fields: ['locationId'] },
    },

    // ------------------------------------------------------ domain rules
    {
      name: 'PATCH /cells/{id} out-of-range: {"capacity":{"tenants":2}} on a dedicated cell',
      category: 'out-of-range',
      method: 'PATCH',
      path: `/cells/${DEDICATED_CELL}`,
      body: json({ capacity: { tenants: 2 } }),
      expect: { status: 400, fields: ['capacity'] },
    },
    {
      name: 'PATCH /cells/{id} out-of-range: capacity of 2 tenants and load on a dedicated cell',
      category: 'out-of-range',
      method: 'PATCH',
      path: `/cells/${DEDICATED_CELL}`,
      body: json({ capacity: { tenants: 2, loadUnits: 200 } }),
      expect: { status: 400, fields: ['capacity'], reason: /dedicated/i },
    },
    {
      name: 'PATCH /cells/{id} out-of-range: capacity below the tenants it holds',
      category: 'out-of-range',
      method: 'PATCH',
      path: '/cells/(a pooled cell holding tenants)',
      // Which cells hold tenants is the placement engine's choice when the
      // estate is seeded, so the cell is read from it: one tenant slot
      // fewer than it holds, everything else of its capacity kept.
      prepare: async knex => {
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
      },
      expect: {
        status: [400, 409],
        fields: ['capacity.tenants'],
        reason: /below the \d+ tenants/,
      },
    },

    // ------------------------------------- authorization before the body
    {
      name: 'POST /tenants/import authorization-first: engineer sends 60 MB',
      category: 'authorization-first',
      method: 'POST',
      path: '/tenants/import',
      role: 'engineer',
      body: () => Buffer.alloc(60 * 2 ** 20, ' '),
      expect: { status: 403, fields: [], reason: /tenant\.manage/ },
    },
    {
      name: 'POST /tenants/import authorization-first: engineer sends malformed JSON',
      category: 'authorization-first',
      method: 'POST',
      path: '/tenants/import',
      role: 'engineer',
      body: () => '[{"id":',
      expect: { status: 403, fields: [], reason: /tenant\.manage/ },
    },
    {
      name: 'POST /tenants/import authorization-first: anonymous sends malformed YAML',
      category: 'authorization-first',
      method: 'POST',
      path: '/tenants/import',
      role: 'anonymous',
      headers: { 'content-type': 'text/yaml' },
      body: () => '- [',
      expect: { status: 401, fields: [] },
    },
    {
      name: 'PUT /application-plane/footprint authorization-first: engineer sends 11 MB',
      category: 'authorization-first',
      method: 'PUT',
      path: '/application-plane/footprint',
      role: 'engineer',
      body: () => Buffer.alloc(11 * 2 ** 20, ' '),
      expect: { status: 403, fields: [], reason: /location\.manage/ },
    },
    {
      name: 'PUT /application-plane/footprint authorization-first: auditor sends malformed JSON',
      category: 'authorization-first',
      method: 'PUT',
      path: '/application-plane/footprint',
      role: 'auditor',
      body: () => '{"services":',
      expect: { status: 403, fields: [], reason: /location\.manage/ },
    },
    {
      name: 'POST /readiness/{locationId}/assess authorization-first: anonymous sends 11 MB',
      category: 'authorization-first',
      method: 'POST',
      path: ASSESS,
      role: 'anonymous',
      body: () => Buffer.alloc(11 * 2 ** 20, ' '),
      expect: { status: 401, fields: [] },
    },
    {
      name: 'POST /tenants/import oversized: 60 MB sent chunked, no Content-Length',
      category: 'oversized',
      method: 'POST',
      path: '/tenants/import',
      chunked: true,
      body: () =>
        Buffer.concat([
          Buffer.from('[{"padding":"'),
          Buffer.alloc(60 * 2 ** 20, 'a'),
          Buffer.from('"}]'),
        ]),
      expect: { status: 413, fields: ['(root)', 'body'] },
    },
    {
      name: 'POST /tenants/import binary-junk: gzip bytes sent as JSON',
      category: 'binary-junk',
      method: 'POST',
      path: '/tenants/import',
      body: () => zlib.gzipSync(JSON.stringify([row])),
      expect: { status: 400, fields: ['(root)', 'body'] },
    },
  ];
}
