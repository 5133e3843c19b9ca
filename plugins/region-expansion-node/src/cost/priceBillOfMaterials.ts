import type {
  BillOfMaterialsLine,
  CellCostEstimate,
  Location,
  PricedLine,
  PriceSource,
} from '@region-expansion/plugin-region-expansion-common';
import { CostInputError } from './CostInputError';
import type { RegionPrices } from './readPriceList';

/**
 * Prices of one Region with where they came from.
 *
 * @public
 */
export interface PriceBook extends RegionPrices {
  /** Live API, snapshot file or cache. */
  source: PriceSource;
  /** True when read from a non-AWS endpoint: not real prices. */
  synthetic: boolean;
  /** ISO 4217 currency of every price, e.g. USD. */
  currency: string;
}

/**
 * The Region whose prices apply to a location: the Region itself, or the
 * parent Region of a Local Zone or Outpost.
 *
 * @public
 */
export function priceRegionOf(
  location: Pick<Location, 'id' | 'kind' | 'parentRegion'>,
): string {
  if (location.kind === 'region') return location.id;
  if (!location.parentRegion) {
    throw new CostInputError(
      'locationId',
      `${location.id} (${location.kind}) has no parent Region to price it in`,
    );
  }
  return location.parentRegion;
}

/**
 * Rounds an amount to the cent.
 *
 * @public
 */
export function toCents(amount: number): number {
  return Math.round((amount + Number.EPSILON) * 100) / 100;
}

/**
 * Prices a bill of materials with the prices of the location's Region. A
 * line without a price keeps its reason and is listed in `unpriced`; the
 * cell and tenant totals are then absent, never a sum that silently counts
 * it as zero.
 *
 * @public
 */
export function priceBillOfMaterials(
  bom: readonly BillOfMaterialsLine[],
  location: Pick<Location, 'id' | 'kind' | 'parentRegion' | 'partition'>,
  prices: PriceBook,
  options: { tenantsPerCell: number },
): CellCostEstimate {
  const regionCode = priceRegionOf(location);
  if (prices.regionCode !== regionCode) {
    throw new Error(
      `prices of ${prices.regionCode} cannot price ${location.id} (priced in ${regionCode})`,
    );
  }
  let total = 0;
  const dates: string[] = [];
  const lines: PricedLine[] = bom.map(line => {
    const price = prices.prices[line.key];
    if (!price) {
      const reason =
        prices.noPrice[line.key] ??
        `no price was read for ${line.key} in ${regionCode}`;
      return {
        ...line,
        noPrice: {
          reason: `${reason} (location ${location.id}, partition ${location.partition})`,
        },
      };
    }
    if (price.unit !== line.unit) {
      return {
        ...line,
        noPrice: {
          reason: `the price of ${line.key} in ${regionCode} is per ${price.unit}, the line counts ${line.unit}`,
        },
      };
    }
    const amount = line.quantity * price.unitPrice;
    total += amount;
    dates.push(price.effectiveDate);
    return {
      ...line,
      sku: price.sku,
      unitPrice: price.unitPrice,
      monthly: toCents(amount),
      effectiveDate: price.effectiveDate,
    };
  });
  const unpriced = lines.filter(l => l.noPrice).map(l => l.key);
  const complete = unpriced.length === 0 && lines.length > 0;
  const tenants = options.tenantsPerCell;
  dates.sort();
  return {
    locationId: location.id,
    regionCode,
    currency: prices.currency,
    ...(dates.length ? { priceDate: dates[0] } : {}),
    synthetic: prices.synthetic,
    source: prices.source,
    lines,
    tenantsPerCell: tenants,
    ...(complete ? { monthlyPerCell: toCents(total) } : {}),
    ...(complete && tenants > 0
      ? { monthlyPerTenant: toCents(total / tenants) }
      : {}),
    unpriced,
  };
}
