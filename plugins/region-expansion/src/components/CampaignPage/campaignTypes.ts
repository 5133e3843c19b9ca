/**
 * The campaign answers the pages read, as the campaign contract describes
 * them (written here until the common package's schemas land).
 */
export type CampaignGateState = 'passed' | 'failed' | 'unknown';

/** One gate of a campaign in its current state. */
export interface CampaignGate {
  gateId: string;
  state: CampaignGateState;
  reason: string;
  since: string;
}

/** One change of a gate's state. */
export interface CampaignGateChange {
  gateId: string;
  state: CampaignGateState;
  reason: string;
  at: string;
}

/** One day of the burn-up. */
export interface CampaignBurnUpPoint {
  date: string;
  gatesPassed: number;
  gatesTotal: number;
  tenantsOnboarded: number;
  tenantsPlanned: number;
}

/** Days from the first spend in the location to the first paying tenant. */
export interface CampaignTimeToRevenue {
  firstSpend: {
    at: string;
    source: 'cost-explorer' | 'campaign-start';
    reason?: string;
  };
  firstPayingTenant?: { tenantId: string; at: string };
  days?: number;
  spendUntilFirstRevenue?: { amount: number; currency: string };
  reason?: string;
}

/** One row of the campaigns list. */
export interface CampaignSummary {
  id: string;
  locationId: string;
  owner: string;
  targetDate: string;
  gatesPassed: number;
  gatesTotal: number;
  tenantsOnboarded: number;
  tenantsPlanned: number;
  atRisk: boolean;
}

/** A campaign with its gates, history, burn-up and time to revenue. */
export interface CampaignView {
  id: string;
  locationId: string;
  owner: string;
  targetDate: string;
  createdAt: string;
  createdBy: string;
  gates: CampaignGate[];
  history: CampaignGateChange[];
  burnUp: CampaignBurnUpPoint[];
  timeToRevenue: CampaignTimeToRevenue;
}
