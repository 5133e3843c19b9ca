import { gatesFromHistory } from '@region-expansion/plugin-region-expansion-node';
import type { CampaignStore } from '../campaigns/CampaignStore';
import type { CampaignGateStates } from './notificationConditions';

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
