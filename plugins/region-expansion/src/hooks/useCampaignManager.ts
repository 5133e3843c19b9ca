import { useCallback } from 'react';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  campaignManagePermission,
  type CampaignView,
} from '@region-expansion/plugin-region-expansion-common';
import { useRegionExpansionApi } from './useRegionExpansionApi';

/**
 * What a campaign's manage actions share: whether the caller may manage
 * campaigns, the client, and `apply(call)`, which hands the campaign a call
 * answered with to `onChange` (so the page shows it) and answers it too.
 */
export function useCampaignManager(onChange: (view: CampaignView) => void) {
  const api = useRegionExpansionApi();
  const { allowed } = usePermission({ permission: campaignManagePermission });
  const apply = useCallback(
    async (call: Promise<CampaignView>) => {
      const view = await call;
      onChange(view);
      return view;
    },
    [onChange],
  );
  return { allowed, api, apply };
}
