import { RegionExpansionEstateSeedContext } from '@region-expansion/plugin-region-expansion-node';
import type { CampaignService } from '../campaigns/CampaignService';
import type { CampaignStore } from '../campaigns/CampaignStore';
import { EstateService } from '../estate/EstateService';
import { EstateStore } from '../estate/EstateStore';
import { PlacementService } from '../placement/PlacementService';
import { ReadinessService } from '../readiness/ReadinessService';
import { TenantStore } from '../tenants/TenantStore';

/**
 * What seeders may do, over the backend's services: control planes and
 * cells through the estate's rules, tenants placed by the placement engine
 * and imported in one transaction, the footprint stored unless one is, a
 * campaign created through the campaign service unless its id is taken.
 */
export function estateSeedContext(options: {
  estateStore: Pick<EstateStore, 'countCells'>;
  tenantStore: Pick<TenantStore, 'importTenants'>;
  estate: Pick<EstateService, 'addControlPlane' | 'addCell'>;
  placement: Pick<PlacementService, 'placeBatch'>;
  readiness: Pick<ReadinessService, 'seedFootprint'>;
  campaignStore: Pick<CampaignStore, 'getCampaign'>;
  campaigns: Pick<CampaignService, 'create'>;
  /**
   * Receives each seeded campaign's id, to evaluate once the first
   * readiness evaluation is stored.
   */
  seededCampaigns: string[];
}): RegionExpansionEstateSeedContext {
  const { estateStore, tenantStore, estate, placement, readiness } = options;
  const { campaignStore, campaigns } = options;
  return {
    countCells: () => estateStore.countCells(),
    addControlPlane: controlPlane => estate.addControlPlane(controlPlane),
    addCell: cell => estate.addCell(cell),
    placeTenants: (tenants, cells) => placement.placeBatch(tenants, cells),
    importTenants: (tenants, importOptions) =>
      tenantStore.importTenants(tenants, importOptions),
    seedFootprint: (footprint, source) =>
      readiness.seedFootprint(footprint, source),
    seedCampaign: async (campaign, actor) => {
      // A restart finds the seeded campaign and leaves it (and its gate
      // history) as it is.
      if (await campaignStore.getCampaign(campaign.id)) return false;
      await campaigns.create(campaign, actor);
      options.seededCampaigns.push(campaign.id);
      return true;
    },
  };
}
