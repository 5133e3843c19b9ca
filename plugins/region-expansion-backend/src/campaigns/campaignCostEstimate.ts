import { NotFoundError } from '@backstage/errors';
import type { Footprint } from '@region-expansion/plugin-region-expansion-common';
import {
  priceRegionOf,
  type LocationCatalog,
} from '@region-expansion/plugin-region-expansion-node';
import type { CostService } from '../cost';
import { DEFAULT_CELL_SPEC } from '../placement/defaultCellSpec';
import type { CampaignCostEstimate } from './CampaignService';

/**
 * The estimate a campaign's cost approval copies: the monthly cost per
 * tenant of a default cell priced for the stored application-plane
 * footprint in the location's Region, or why there is none.
 *
 * @public
 */
export function campaignCostEstimator(options: {
  catalog: () => Promise<LocationCatalog>;
  footprint: () => Promise<Footprint>;
  prices: Pick<CostService, 'estimate'>;
}): (locationId: string) => Promise<CampaignCostEstimate> {
  return async locationId => {
    const location = (await options.catalog()).get(locationId);
    let regionCode: string;
    try {
      regionCode = priceRegionOf(location!);
    } catch {
      return { unpricedReason: `${locationId} has no Region to price in.` };
    }
    let footprint: Footprint;
    try {
      footprint = await options.footprint();
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      return {
        unpricedReason:
          'No application-plane footprint is stored to price a cell from.',
      };
    }
    let estimate: Awaited<ReturnType<CostService['estimate']>>;
    try {
      estimate = await options.prices.estimate(regionCode, {
        footprint,
        cellSpec: DEFAULT_CELL_SPEC,
      });
    } catch {
      // The approval is still recorded, saying why it carries no figure;
      // the price source's own error text stays in the logs of its reader.
      return {
        unpricedReason: `Prices of ${regionCode} could not be read now.`,
      };
    }
    return estimate.monthlyPerTenant !== undefined
      ? {
          monthlyPerTenant: estimate.monthlyPerTenant,
          currency: estimate.currency,
        }
      : {
          unpricedReason: `No price in ${
            estimate.regionCode
          } for ${estimate.unpriced.join(', ')}.`,
        };
  };
}
