import { campaignRoutes } from '@region-expansion/plugin-region-expansion-common';
import { RouteHandlers } from '../routing/RouteHandler';
import { CampaignService } from './CampaignService';

/**
 * Handlers of the campaign routes (`campaignRoutes` of the common
 * package). Each route's permission is checked by `mountRoutes` before
 * the body is read; the caller's entity ref is who created, approved or
 * recorded.
 *
 * @public
 */
export function campaignHandlers(options: {
  campaigns: CampaignService;
}): RouteHandlers<typeof campaignRoutes> {
  const { campaigns } = options;
  return {
    listCampaigns: async ({ query }) => ({
      items: await campaigns.list(query),
    }),
    createCampaign: ({ body, actor }) => campaigns.create(body, actor),
    getCampaign: ({ path }) => campaigns.view(path.campaignId),
    evaluateCampaign: ({ path }) => campaigns.evaluate(path.campaignId),
    approveCampaignCost: ({ path, body, actor }) =>
      campaigns.approveCost(path.campaignId, body?.note, actor),
    recordPayingTenant: ({ path, body, actor }) =>
      campaigns.recordPayingTenant(
        path.campaignId,
        path.tenantId,
        body.payingSince,
        actor,
      ),
  };
}
