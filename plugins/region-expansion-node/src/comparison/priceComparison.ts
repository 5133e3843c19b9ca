import type { Footprint } from '@region-expansion/plugin-region-expansion-common';
import { billOfMaterials } from '../cost/billOfMaterials';
import { CostInputError } from '../cost/CostInputError';
import {
  priceBillOfMaterials,
  priceRegionOf,
  type PriceBook,
} from '../cost/priceBillOfMaterials';
import type { LocationCatalog } from '../locations/LocationCatalog';
import type { ComparisonCostRequest, ComparisonEstimate } from './classCost';

/**
 * Prices a comparison's cost requests with price books already read (a
 * snapshot file offline, or books a cost service holds), by request key.
 * A Region without a book, or a location without a Region to price it in,
 * gets the reason instead of an estimate.
 *
 * @public
 */
export function priceComparison(options: {
  requests: readonly ComparisonCostRequest[];
  footprint: Pick<Footprint, 'services'>;
  catalog: LocationCatalog;
  /** The prices of a Region code, or why there are none. */
  books: (regionCode: string) => PriceBook | { unavailable: string };
}): Map<string, ComparisonEstimate> {
  const estimates = new Map<string, ComparisonEstimate>();
  for (const request of options.requests) {
    const location = options.catalog.require(request.locationId);
    let regionCode: string;
    try {
      regionCode = priceRegionOf(location);
    } catch (error) {
      if (!(error instanceof CostInputError)) throw error;
      estimates.set(request.key, { unavailable: error.reason });
      continue;
    }
    const book = options.books(regionCode);
    if ('unavailable' in book) {
      estimates.set(request.key, book);
      continue;
    }
    const bom = billOfMaterials(options.footprint, request.cellSpec, {
      encryption: request.encryption,
      overrides: request.overrides,
    });
    estimates.set(
      request.key,
      priceBillOfMaterials(bom, location, book, {
        tenantsPerCell: request.cellSpec.capacity.tenants,
      }),
    );
  }
  return estimates;
}
