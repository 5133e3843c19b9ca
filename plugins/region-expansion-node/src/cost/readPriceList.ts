import {
  paginateGetProducts,
  type PricingClient,
} from '@aws-sdk/client-pricing';
import type { SnapshotPrice } from '@region-expansion/plugin-region-expansion-common';
import type { PriceQuery } from './priceCatalog';

/**
 * Prices of one Region, per line key, and the reason for every line without
 * one.
 *
 * @public
 */
export interface RegionPrices {
  /** Region code the prices are for. */
  regionCode: string;
  /** Prices found, by line key. */
  prices: Record<string, SnapshotPrice>;
  /** Why a line has no price, by line key. */
  noPrice: Record<string, string>;
}

/**
 * Options of {@link readRegionPrices}.
 *
 * @public
 */
export interface ReadRegionPricesOptions {
  /** Products per GetProducts page (1-100); default 100. */
  pageSize?: number;
  /** Called once per GetProducts request, so callers can count the calls. */
  onCall?: (call: { serviceCode: string; regionCode: string }) => void;
  /** Stops paging when aborted. */
  abortSignal?: AbortSignal;
}

interface PriceDimension {
  unit?: string;
  beginRange?: string;
  pricePerUnit?: Record<string, string>;
}

interface PriceListProduct {
  product?: { sku?: string; attributes?: Record<string, string> };
  terms?: {
    OnDemand?: Record<
      string,
      {
        effectiveDate?: string;
        priceDimensions?: Record<string, PriceDimension>;
      }
    >;
  };
}

const CURRENCY = 'USD';

/** The on-demand price of `product` in `unit` (first tier), if it has one. */
function onDemandPrice(
  product: PriceListProduct,
  unit: string,
): SnapshotPrice | undefined {
  for (const term of Object.values(product.terms?.OnDemand ?? {})) {
    for (const d of Object.values(term.priceDimensions ?? {})) {
      const usd = d.pricePerUnit?.[CURRENCY];
      const firstTier =
        d.beginRange === undefined || Number(d.beginRange) === 0;
      if (d.unit !== unit || usd === undefined || !firstTier) continue;
      const unitPrice = Number(usd);
      if (!Number.isFinite(unitPrice) || unitPrice < 0) continue;
      return {
        serviceCode: '',
        sku: product.product?.sku ?? '',
        unit,
        unitPrice,
        effectiveDate: term.effectiveDate ?? '',
      };
    }
  }
  return undefined;
}

function parseEntry(entry: unknown): PriceListProduct | undefined {
  try {
    // The SDK hands PriceList entries over as JSON text (a string or a
    // LazyJsonString, whose toString is the text).
    return JSON.parse(String(entry)) as PriceListProduct;
  } catch {
    return undefined;
  }
}

/**
 * Reads the price of each line in one Region through the Price List Query
 * API: one paged `GetProducts` per line, filtered with TERM_MATCH on
 * `regionCode` and the line's attributes. A line the API publishes no
 * product for gets a reason, never a price of zero. Errors of the API are
 * thrown to the caller.
 *
 * @public
 */
export async function readRegionPrices(
  client: PricingClient,
  regionCode: string,
  lines: ReadonlyArray<{ key: string } & PriceQuery>,
  options: ReadRegionPricesOptions = {},
): Promise<RegionPrices> {
  const result: RegionPrices = { regionCode, prices: {}, noPrice: {} };
  for (const line of lines) {
    const filters = Object.entries({
      regionCode,
      ...line.attributes,
    }).map(([Field, Value]) => ({ Type: 'TERM_MATCH' as const, Field, Value }));
    const found: SnapshotPrice[] = [];
    let products = 0;
    const pages = paginateGetProducts(
      { client, pageSize: options.pageSize ?? 100 },
      {
        ServiceCode: line.serviceCode,
        Filters: filters,
        FormatVersion: 'aws_v1',
      },
    );
    for await (const page of pages) {
      options.onCall?.({ serviceCode: line.serviceCode, regionCode });
      for (const entry of page.PriceList ?? []) {
        products += 1;
        const product = parseEntry(entry);
        const price = product && onDemandPrice(product, line.unit);
        if (price) found.push({ ...price, serviceCode: line.serviceCode });
      }
      if (options.abortSignal?.aborted) break;
    }
    const what = `${line.serviceCode} ${Object.entries(line.attributes)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ')}`;
    if (found.length === 0) {
      result.noPrice[line.key] =
        products === 0
          ? `the Price List API publishes no ${what} product in ${regionCode}`
          : `the Price List API has ${products} ${what} product(s) in ${regionCode} but none with an on-demand ${CURRENCY} price per ${line.unit}`;
      continue;
    }
    // Several matching products: the lowest SKU, so every read picks the same.
    found.sort((a, b) => a.sku.localeCompare(b.sku));
    result.prices[line.key] = found[0];
  }
  return result;
}
