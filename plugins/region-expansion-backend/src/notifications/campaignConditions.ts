import type {
  Campaign,
  CampaignGate,
} from '@region-expansion/plugin-region-expansion-common';
import type { CampaignStore } from '../campaigns/CampaignStore';
import { gatesFromHistory } from '@region-expansion/plugin-region-expansion-node';
import type { NotificationCondition } from './notificationConditions';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The scope key of the campaign topics: each cycle looks at every campaign. */
export const CAMPAIGN_SCOPE = 'campaigns';

/** A campaign with the stored current state of its gates. */
export interface CampaignGateStates {
  campaign: Campaign;
  /** Latest stored state per gate; a gate never evaluated is absent. */
  gates: readonly CampaignGate[];
}

/** Every stored campaign with its gates' current states (no AWS call). */
export async function storedCampaignGates(
  store: CampaignStore,
): Promise<CampaignGateStates[]> {
  const campaigns = await store.listCampaigns({});
  return Promise.all(
    campaigns.map(async campaign => ({
      campaign,
      gates: gatesFromHistory(
        campaign.gates,
        await store.gateHistory(campaign.id),
      ),
    })),
  );
}

/**
 * A condition per campaign with gates not passed when less than `slipDays`
 * days remain before the end of its target date (UTC); with 0, once the
 * target date has passed. The state is the sorted ids of the open gates, so
 * a change of which gates are late notifies again and an unchanged set does
 * not; once every gate passed the condition no longer holds and its topic is
 * forgotten.
 */
export function campaignSlipConditions(
  campaigns: readonly CampaignGateStates[],
  options: { slipDays: number; now: Date },
): NotificationCondition[] {
  const conditions: NotificationCondition[] = [];
  for (const { campaign, gates } of campaigns) {
    // The target date counts as a whole day: it slips after its end.
    const deadline = Date.parse(`${campaign.targetDate}T00:00:00Z`) + DAY_MS;
    const left = deadline - options.now.getTime();
    if (left > 0 && left >= options.slipDays * DAY_MS) continue;
    const passed = new Set(
      gates.filter(g => g.state === 'passed').map(g => g.gateId),
    );
    const open = campaign.gates.filter(g => !passed.has(g)).sort();
    if (open.length === 0) continue;
    const state = open.join(',');
    const when =
      left <= 0
        ? `is past its target date ${campaign.targetDate}`
        : `is due ${campaign.targetDate}`;
    conditions.push({
      topic: `campaign-slip:${campaign.id}`,
      scopeKey: CAMPAIGN_SCOPE,
      locationId: campaign.locationId,
      recipients: [campaign.owner],
      link: `/campaigns/${encodeURIComponent(campaign.id)}`,
      state,
      notifies: previous => previous !== state,
      title: `Campaign ${campaign.id} ${when} with ${open.length} gate${
        open.length === 1 ? '' : 's'
      } not passed`,
      description: `Gates not passed: ${open.join(', ')}.`,
      severity: left <= 0 ? 'high' : 'normal',
    });
  }
  return conditions;
}
