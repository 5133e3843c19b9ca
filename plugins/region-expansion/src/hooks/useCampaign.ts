import { useCallback, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import type { CampaignView } from '@region-expansion/plugin-region-expansion-common';
import { useRegionExpansionApi } from './useRegionExpansionApi';

/**
 * One campaign (`GET /campaigns/:campaignId`); a 404 is the error, with the
 * server's message. `show(view)` puts in the view an action answered with
 * (re-evaluating gates, approving cost, recording a paying tenant), so the
 * page shows it without reading the campaign again.
 */
export function useCampaign(campaignId: string) {
  const api = useRegionExpansionApi();
  const loaded = useAsync(
    () => api.getCampaign({ path: { campaignId } }),
    [api, campaignId],
  );
  // The answer remembers which read it replaced: a newer read (another
  // campaign, or this one read again) wins over an older answer.
  const [latest, setLatest] = useState<{
    view: CampaignView;
    replaced?: CampaignView;
  }>();
  const show = useCallback(
    (view: CampaignView) => setLatest({ view, replaced: loaded.value }),
    [loaded.value],
  );
  const value =
    latest && latest.replaced === loaded.value ? latest.view : loaded.value;
  return { ...loaded, value, show };
}
