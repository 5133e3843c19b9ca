import type {
  Cell,
  EvaluatedReadinessSignal,
  GovernanceCoverageCheck,
  Location,
  Partition,
  ReadinessSummary,
  StoredReadinessEvaluation,
  StoredReadinessWaiver,
  Tenant,
} from '@region-expansion/plugin-region-expansion-common';
import { GOVERNANCE_COVERAGE_CHECKS } from '@region-expansion/plugin-region-expansion-common';

/** Two partitions, a Region with a Local Zone, and the sovereign Region. */
export const partitions: Partition[] = [
  {
    id: 'aws',
    name: 'AWS Standard',
    dnsSuffix: 'amazonaws.com',
    homeRegion: 'us-east-1',
    requiresOwnControlPlane: false,
  },
  {
    id: 'aws-eusc',
    name: 'AWS European Sovereign Cloud',
    dnsSuffix: 'amazonaws.eu',
    homeRegion: 'eusc-de-east-1',
    requiresOwnControlPlane: true,
  },
];

export const locations: Location[] = [
  {
    id: 'eu-central-1',
    kind: 'region',
    partition: 'aws',
    name: 'Europe (Frankfurt)',
    country: 'DE',
    jurisdictions: ['EU', 'EEA', 'GEO-EUROPE'],
    geography: 'Europe',
  },
  {
    id: 'us-east-1',
    kind: 'region',
    partition: 'aws',
    name: 'US East (N. Virginia)',
    country: 'US',
    jurisdictions: ['GEO-NORTH-AMERICA'],
    geography: 'North America',
  },
  {
    id: 'us-east-1-bos-1a',
    kind: 'local-zone',
    partition: 'aws',
    name: 'US East (Boston)',
    country: 'US',
    jurisdictions: ['GEO-NORTH-AMERICA'],
    geography: 'North America',
    parentRegion: 'us-east-1',
  },
  {
    id: 'eusc-de-east-1',
    kind: 'region',
    partition: 'aws-eusc',
    name: 'AWS European Sovereign Cloud (Germany)',
    country: 'DE',
    jurisdictions: ['EU', 'EEA', 'GEO-EUROPE'],
    geography: 'Europe',
  },
];

export const cells: Cell[] = [
  {
    id: 'cell-fra-1',
    name: 'Frankfurt pooled 1',
    locationId: 'eu-central-1',
    partition: 'aws',
    controlPlaneId: 'cp-global',
    lifecycle: 'active',
    isolation: 'pooled',
    accountId: '111122223333',
    specVersion: '2025.1',
    capacity: {
      tenants: 100,
      loadUnits: 1000,
      quotas: { dedicatedDataStores: 20 },
    },
    usage: { tenants: 40, loadUnits: 900, quotas: { dedicatedDataStores: 5 } },
  },
  {
    id: 'cell-bos-1',
    name: 'Boston pooled 1',
    locationId: 'us-east-1-bos-1a',
    partition: 'aws',
    controlPlaneId: 'cp-global',
    lifecycle: 'active',
    isolation: 'pooled',
    accountId: '111122224444',
    specVersion: '2025.1',
    capacity: { tenants: 50, loadUnits: 500, quotas: {} },
    usage: { tenants: 9, loadUnits: 90, quotas: {} },
  },
];

export const tenants: Tenant[] = Array.from({ length: 250 }, (_, i) => ({
  id: `tenant-${String(i).padStart(3, '0')}`,
  name: `Tenant ${i}`,
  tier: i % 3 === 0 ? 'bridge' : 'pool',
  residency: { jurisdictions: ['EU'] },
  classification: 'confidential',
  loadUnits: 10 + (i % 7),
  cellId: i % 10 === 0 ? undefined : 'cell-fra-1',
}));

/**
 * Frankfurt's latest evaluation: blocked on one missing service, with the
 * audit check waived. Other locations were never evaluated.
 */
export const frankfurtEvaluation: StoredReadinessEvaluation = {
  id: '42',
  locationId: 'eu-central-1',
  partition: 'aws',
  trigger: 'scheduled',
  level: 'blocked',
  evaluatedAt: '2026-01-10T08:00:00.000Z',
  blockers: [
    {
      check: 'availability',
      service: 'bedrock',
      detail: 'bedrock is not offered in eu-central-1',
      remediation: 'Replace bedrock or choose another Region',
    },
  ],
  openChecks: [
    {
      check: 'resilience',
      detail: 'No Resilience Hub assessment',
      remediation: 'Assess the application in Resilience Hub',
    },
  ],
  signals: {
    availability: {
      check: 'availability',
      status: 'fail',
      detail: '1 of 12 footprint services missing',
      observedAt: '2026-01-10T07:00:00.000Z',
      blockers: ['bedrock'],
      waived: false,
    },
    sovereignty: {
      check: 'sovereignty',
      status: 'pass',
      detail: 'EU residency satisfied',
      blockers: [],
      waived: false,
    },
    security: {
      check: 'security',
      status: 'pass',
      detail: 'No failed critical findings',
      observedAt: '2026-01-10T06:00:00.000Z',
      blockers: [],
      waived: false,
    },
    resilience: {
      check: 'resilience',
      status: 'unknown',
      detail: 'No signal',
      blockers: [],
      waived: false,
    },
    audit: {
      check: 'audit',
      status: 'fail',
      detail: '2 controls without evidence',
      blockers: ['2 controls without evidence'],
      waived: true,
      waiver: {
        locationId: 'eu-central-1',
        check: 'audit',
        reason: 'Evidence collection starts next quarter',
        approver: 'user:default/auditor',
        expiresAt: '2026-03-31T23:59:59.000Z',
      },
    },
    capacity: {
      check: 'capacity',
      status: 'warn',
      detail: 'Load units at 90%',
      blockers: [],
      waived: false,
    },
    ...(Object.fromEntries(
      GOVERNANCE_COVERAGE_CHECKS.map(
        (check): [string, EvaluatedReadinessSignal] => [
          check,
          {
            check,
            status: 'pass',
            detail: 'Proven for eu-central-1',
            blockers: [],
            waived: false,
          },
        ],
      ),
    ) as Record<GovernanceCoverageCheck, EvaluatedReadinessSignal>),
    'guardrail-drift': {
      check: 'guardrail-drift',
      status: 'pass',
      detail:
        'guardrails match AWS Organizations (Root/Europe/DE/financial-services)',
      blockers: [],
      waived: false,
    },
  },
};

/** `GET /readiness`: Frankfurt blocked, the sovereign Region ready. */
export const readinessSummaries: ReadinessSummary[] = [
  {
    id: '42',
    locationId: 'eu-central-1',
    partition: 'aws',
    level: 'blocked',
    trigger: 'scheduled',
    evaluatedAt: frankfurtEvaluation.evaluatedAt,
    blockers: frankfurtEvaluation.blockers,
    openChecks: frankfurtEvaluation.openChecks,
    waivedChecks: ['audit'],
  },
  {
    id: '43',
    locationId: 'eusc-de-east-1',
    partition: 'aws-eusc',
    level: 'ready',
    trigger: 'scheduled',
    evaluatedAt: '2026-01-10T08:00:00.000Z',
    blockers: [],
    openChecks: [],
    waivedChecks: [],
  },
];

/** Frankfurt's active audit waiver, as the default `GET /waivers` lists it. */
export const auditWaiver: StoredReadinessWaiver = {
  ...frankfurtEvaluation.signals.audit.waiver!,
  id: '7d6f4c1e-0000-4000-8000-000000000001',
  createdBy: 'user:default/lead',
  createdAt: '2026-01-01T00:00:00.000Z',
  status: 'active',
};
