import { DEFAULT_CELL_SPEC } from '../../placement/defaultCellSpec';

/**
 * A valid value of every path parameter, by the documented path, against
 * the demo estate. A case spoils exactly one thing of a valid request, so
 * the answer can only be about that thing.
 */
export const VALID_PATHS: Record<string, string> = {
  '/cells/{id}': '/cells/eu-west-1-p01',
  '/tenants/{id}': '/tenants/tenant-00001',
  '/tenants/{id}/history': '/tenants/tenant-00001/history',
  '/tenants/{id}/runbook-progress': '/tenants/tenant-00001/runbook-progress',
  '/readiness/{locationId}': '/readiness/eu-west-1',
  '/readiness/{locationId}/history': '/readiness/eu-west-1/history',
  '/readiness/{locationId}/evaluate': '/readiness/eu-west-1/evaluate',
  '/readiness/{locationId}/assess': '/readiness/eu-west-1/assess',
  '/waivers/{id}': '/waivers/00000000-0000-4000-8000-000000000000',
  '/locations/{locationId}/advice': '/locations/eu-west-1/advice',
  '/locations/{locationId}/guardrail-drift':
    '/locations/eu-west-1/guardrail-drift',
  '/campaigns/{campaignId}': '/campaigns/launch-bad-input',
  '/campaigns/{campaignId}/evaluate': '/campaigns/launch-bad-input/evaluate',
  '/campaigns/{campaignId}/cost-approval':
    '/campaigns/launch-bad-input/cost-approval',
  '/campaigns/{campaignId}/paying-tenants/{tenantId}':
    '/campaigns/launch-bad-input/paying-tenants/tenant-00001',
};

/** A dedicated cell of the demo estate (capacity one tenant). */
export const DEDICATED_CELL = 'eu-west-1-d01';

const template = JSON.stringify({
  Resources: { Bucket: { Type: 'AWS::S3::Bucket' } },
});

/**
 * A valid body of every documented operation with a request body, keyed
 * `METHOD /documented/path`. Ids are new, so a body that slipped through
 * validation would be written and show up in the state digest.
 */
export const VALID_BODIES: Record<string, unknown> = {
  'POST /locations': {
    id: 'eu-central-1-bad-1a',
    kind: 'local-zone',
    name: 'Bad input zone',
    country: 'DE',
    parentRegion: 'eu-central-1',
  },
  'POST /control-planes': {
    id: 'cp-bad-input',
    name: 'Bad input control plane',
    mode: 'regional',
    partition: 'aws',
    homeLocation: 'ap-northeast-1',
    managedLocations: ['ap-northeast-1'],
  },
  'POST /cells': {
    id: 'eu-west-1-bad',
    name: 'Bad input cell',
    locationId: 'eu-west-1',
    controlPlaneId: 'cp-aws-eu',
    isolation: 'pooled',
    accountId: '999988887777',
    specVersion: '2026.1',
    capacity: { tenants: 10, loadUnits: 100 },
  },
  'POST /cells/quota-plan': { spec: DEFAULT_CELL_SPEC, cellCount: 3 },
  'PATCH /cells/{id}': {
    name: 'Dublin one',
    capacity: { tenants: 80, loadUnits: 600 },
  },
  'POST /tenants': {
    id: 'bad-input-tenant',
    name: 'Bad input tenant',
    tier: 'pool',
    residency: { countries: ['DE'] },
    classification: 'internal',
    loadUnits: 1,
  },
  'POST /tenants/import': [
    {
      id: 'bad-input-import',
      name: 'Bad input import',
      tier: 'pool',
      classification: 'public',
      loadUnits: 1,
    },
  ],
  'PATCH /tenants/{id}': {
    name: 'Renamed',
    residency: { jurisdictions: ['EU'] },
  },
  'POST /placements': { tenantId: 'tenant-00001', strategy: 'pack' },
  'POST /placements/what-if': {
    profiles: [
      {
        count: 5,
        tier: 'pool',
        classification: 'internal',
        loadUnits: 2,
        residency: { partition: 'aws-eusc' },
      },
    ],
    spec: DEFAULT_CELL_SPEC,
  },
  'POST /placements/migration-plan': {
    tenantId: 'tenant-00001',
    target: { locationId: 'eu-west-1' },
  },
  'POST /tenants/{id}/runbook-progress': {
    runbookId: 'rb-0123456789abcdef01234567',
    step: 1,
    kind: 'metadata',
    status: 'done',
  },
  'POST /placements/migration-runbooks': {
    kind: 'tenants',
    tenantIds: ['tenant-00001'],
    target: { locationId: 'eu-west-1' },
  },
  'POST /readiness/{locationId}/assess': {
    fileName: 'stack.template.json',
    content: template,
  },
  'POST /waivers': {
    locationId: 'eu-west-1',
    check: 'security',
    reason: 'bad input corpus',
    approver: 'user:default/cgo',
    expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
  },
  'PUT /application-plane/footprint': {
    services: [{ code: 's3', sources: ['iac'], actions: [] }],
    crossRegion: [],
    unknown: [],
  },
  'POST /comparisons': {
    tenantClasses: [
      {
        name: 'eu-confidential',
        residency: { jurisdictions: ['EU'] },
        classification: 'confidential',
        tier: 'bridge',
        expectedTenants: 20,
        loadUnits: 5,
        countries: ['DE'],
      },
    ],
    candidates: ['eu-central-1', 'eu-west-1'],
  },
  'POST /campaigns': {
    id: 'launch-bad-input',
    locationId: 'eu-west-1',
    owner: 'group:default/platform-team',
    targetDate: new Date(Date.now() + 30 * 86_400_000)
      .toISOString()
      .slice(0, 10),
    plan: { tenantIds: ['tenant-00001'], classes: [] },
    gates: ['readiness-level', 'cost-approved'],
  },
  'POST /campaigns/{campaignId}/cost-approval': { note: 'bad input corpus' },
  'PUT /campaigns/{campaignId}/paying-tenants/{tenantId}': {
    payingSince: '2026-12-01',
  },
  'POST /governance/sync': {},
  'POST /availability/refresh': { partitions: ['aws'] },
};

/**
 * Largest body each route reads, where it is not express's default 100 KB
 * (`importBodyLimit`, `footprintBodyLimit`, `assessBodyLimit`).
 */
export const BODY_LIMITS: Record<string, number> = {
  'POST /tenants/import': 50 * 2 ** 20,
  'PUT /application-plane/footprint': 10 * 2 ** 20,
  'POST /readiness/{locationId}/assess': 10 * 2 ** 20,
};
