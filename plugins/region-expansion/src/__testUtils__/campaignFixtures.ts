import type {
  CampaignSummary,
  CampaignView,
} from '@region-expansion/plugin-region-expansion-common';

/** Five days of the Frankfurt campaign's burn-up, one gate passing per day. */
const burnUp = ['01', '02', '03', '04', '05'].map((day, index) => ({
  date: `2026-12-${day}`,
  gatesPassed: Math.min(index, 3),
  gatesTotal: 3,
  tenantsOnboarded: index * 2,
  tenantsPlanned: 10,
}));

/** The Frankfurt launch campaign: costs read from Cost Explorer. */
export const frankfurtCampaign: CampaignView = {
  id: 'launch-fra',
  locationId: 'eu-central-1',
  owner: 'group:default/platform-team',
  targetDate: '2026-12-04',
  createdAt: '2026-12-01T09:00:00.000Z',
  createdBy: 'user:default/ada',
  plan: {
    tenantIds: ['tenant-001', 'tenant-002'],
    classes: [{ tier: 'pool', classification: 'internal', count: 8 }],
  },
  gates: [
    {
      gateId: 'readiness-level',
      state: 'passed',
      reason: 'eu-central-1 is ready, at least the required ready.',
      since: '2026-12-02T10:00:00.000Z',
    },
    {
      gateId: 'guardrail-drift',
      state: 'unknown',
      reason: 'No guardrail drift signal was evaluated for eu-central-1.',
      since: '2026-12-01T09:00:00.000Z',
    },
    {
      gateId: 'cost-approved',
      state: 'failed',
      reason: 'No cost approval is recorded.',
      since: '2026-12-01T09:00:00.000Z',
    },
  ],
  history: [
    {
      gateId: 'readiness-level',
      state: 'passed',
      reason: 'eu-central-1 is ready, at least the required ready.',
      at: '2026-12-02T10:00:00.000Z',
    },
    {
      gateId: 'readiness-level',
      state: 'failed',
      reason: 'eu-central-1 is blocked, below the required ready.',
      at: '2026-12-01T09:00:00.000Z',
    },
  ],
  requiredReadinessLevel: 'ready',
  payingTenants: [{ tenantId: 'tenant-001', payingSince: '2026-12-03' }],
  burnUp,
  timeToRevenue: {
    firstSpend: { at: '2026-11-28T00:00:00.000Z', source: 'cost-explorer' },
    firstPayingTenant: {
      tenantId: 'tenant-001',
      at: '2026-12-03T00:00:00.000Z',
    },
    days: 5,
    spendUntilFirstRevenue: { amount: 1234.5, currency: 'USD' },
  },
};

/** The same campaign where Cost Explorer could not be read. */
export const campaignWithoutCosts: CampaignView = {
  ...frankfurtCampaign,
  timeToRevenue: {
    firstSpend: {
      at: frankfurtCampaign.createdAt,
      source: 'campaign-start',
      reason: 'Cost Explorer is not configured for partition aws',
    },
    firstPayingTenant: frankfurtCampaign.timeToRevenue.firstPayingTenant,
    days: 2,
    reason: 'Cost Explorer is not configured for partition aws',
  },
};

/** The campaigns `GET /campaigns` lists: Frankfurt (at risk) and N. Virginia. */
export const campaignSummaries: CampaignSummary[] = [
  {
    id: 'launch-fra',
    locationId: 'eu-central-1',
    owner: 'group:default/platform-team',
    targetDate: '2026-12-04',
    gatesPassed: 1,
    gatesTotal: 3,
    tenantsOnboarded: 8,
    tenantsPlanned: 10,
    atRisk: true,
  },
  {
    id: 'launch-iad',
    locationId: 'us-east-1',
    owner: 'group:default/us-team',
    targetDate: '2027-06-30',
    gatesPassed: 2,
    gatesTotal: 2,
    tenantsOnboarded: 0,
    tenantsPlanned: 5,
    atRisk: false,
  },
];
