import type {
  Campaign,
  CampaignCostApproval,
  CampaignGateChange,
} from '@region-expansion/plugin-region-expansion-common';
import type { CampaignPlacement } from '@region-expansion/plugin-region-expansion-node';

/**
 * A recorded cost approval.
 *
 * @public
 */
export type CampaignCostApprovalRecord = CampaignCostApproval;

/**
 * What the campaign service needs stored.
 *
 * @public
 */
export interface CampaignStore {
  /**
   * Stores a new campaign with its first gate states in one transaction;
   * `ConflictError` when the id is taken.
   */
  createCampaign(
    campaign: Campaign,
    changes: readonly CampaignGateChange[],
  ): Promise<void>;
  /** A campaign with its paying tenants; undefined when unknown. */
  getCampaign(id: string): Promise<Campaign | undefined>;
  /** Campaigns by target date, then id; optionally of one location. */
  listCampaigns(filter: { locationId?: string }): Promise<Campaign[]>;
  /** Appends changes of gate state. */
  appendGateChanges(
    campaignId: string,
    changes: readonly CampaignGateChange[],
  ): Promise<void>;
  /** Every change of the campaign's gates, oldest first. */
  gateHistory(campaignId: string): Promise<CampaignGateChange[]>;
  /** Records (replaces) the cost approval and the gate changes it causes. */
  approveCost(
    campaignId: string,
    approval: CampaignCostApprovalRecord,
    changes: readonly CampaignGateChange[],
  ): Promise<void>;
  /** Records (replaces) the day a planned tenant pays since. */
  recordPayingTenant(
    campaignId: string,
    payingTenant: { tenantId: string; payingSince: string },
    actor: string,
  ): Promise<void>;
  /** Each stay of a tenant in a cell of the location, from placement history. */
  placementsInLocation(locationId: string): Promise<CampaignPlacement[]>;
}
