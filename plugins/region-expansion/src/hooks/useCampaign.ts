import { useCallback, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import type { CampaignView } from '@region-expansion/plugin-region-expansion-common';
import { useRegionExpansionApi } from './useRegionExpansionApi';

/**
 * One campaign (`GET /campaigns/:campaignId`); a 404 is the error, with the
 * server's message. `show(view)` puts in the view an action answered with
 * (re-evaluating gates, approving cost), so the page shows it without
 * reading the campaign again.
 */
export function useCampaign(campaignId: string) {
  const api = useRegionExpansionApi();
  const loaded = useAsync(
    () => api.getCampaign({ path: { campaignId } }),
    [api, campaignId],
  );
  const [latest, setLatest] = useState<CampaignView>();
  const show = useCallback((view: CampaignView) => setLatest(view), []);
  // An answer about another campaign (the route changed) is not shown.
  const value = latest?.id === campaignId ? latest : loaded.value;
  return { ...loaded, value, show };
}
