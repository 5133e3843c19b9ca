import {
  createPriceListClient,
  createPriceSnapshot,
  isSyntheticPriceEndpoint,
  LocationCatalog,
  PRICE_CATALOG,
  PRICE_CATALOG_KEYS,
  readRegionPrices,
  RegionPrices,
  writePriceSnapshotFile,
} from '@region-expansion/plugin-region-expansion-node';
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CliInputError } from '../errors';

/**
 * The Price List API could not be read (throttled past the retries, access
 * denied, unreachable): exit 3 with one line, and no snapshot is written.
 */
export class PriceListReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PriceListReadError';
  }
}

/** Exit code of a refresh the Price List API failed. */
export const PRICE_LIST_FAILED_EXIT = 3;

/** Options of `prices refresh`, as commander parses them. */
export interface RefreshPricesOptions {
  regions: string;
  out: string;
  endpoint?: string;
  apiRegion?: string;
}

/** What `prices refresh` did. */
export interface RefreshPricesResult {
  file: string;
  generatedAt: string;
  endpoint: string;
  synthetic: boolean;
  regions: number;
  prices: number;
  noPrice: number;
  /** GetProducts requests sent (one per page). */
  calls: number;
}

/** Regions read at the same time: enough to overlap latency, few enough not to be throttled. */
const CONCURRENCY = 4;

/**
 * The Region codes `--regions` names: `all` for every Region of the
 * location catalog, or a comma-separated list of Region codes.
 */
export function regionsOf(value: string, catalog: LocationCatalog): string[] {
  const regions = catalog.regions().map(r => r.id);
  if (value.trim() === 'all') return regions;
  const ids = value
    .split(',')
    .map(s => s.trim())
    .filter(Boolean);
  if (ids.length === 0) {
    throw new CliInputError(
      '--regions: must be `all` or a comma-separated list of Region codes',
    );
  }
  for (const id of ids) {
    const location = catalog.get(id);
    if (!location) {
      throw new CliInputError(`--regions: unknown Region ${id}`);
    }
    if (location.kind !== 'region') {
      throw new CliInputError(
        `--regions: ${id} is a ${location.kind}; prices are read per Region (its Region is ${location.parentRegion})`,
      );
    }
  }
  return [...new Set(ids)];
}

function endpointOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new CliInputError(
      '--endpoint: must be an http(s) URL such as http://127.0.0.1:4566',
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new CliInputError('--endpoint: must be an http or https URL');
  }
  return value;
}

/**
 * Reads the Price List API, paged, for every line of the price catalog in
 * each Region and writes a dated snapshot the CLI and backend load offline.
 */
export async function refreshPrices(
  options: RefreshPricesOptions,
  now: () => Date = () => new Date(),
): Promise<RefreshPricesResult> {
  const catalog = LocationCatalog.fromSnapshot();
  const regions = regionsOf(options.regions, catalog);
  const endpoint = endpointOf(options.endpoint);
  // Checked before reading, so a typo does not cost a whole refresh.
  const folder = dirname(resolve(options.out));
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new CliInputError(`--out: folder ${folder} does not exist`);
  }
  const client = createPriceListClient({
    endpoint,
    region: options.apiRegion,
  });
  const lines = PRICE_CATALOG_KEYS.map(key => ({ key, ...PRICE_CATALOG[key] }));
  let calls = 0;
  const countCall = () => {
    calls += 1;
  };
  const read: RegionPrices[] = new Array(regions.length);
  let next = 0;
  const worker = async () => {
    while (next < regions.length) {
      const i = next++;
      try {
        read[i] = await readRegionPrices(client, regions[i], lines, {
          onCall: countCall,
        });
      } catch (e) {
        // The error's name classifies it; its text may carry account details.
        throw new PriceListReadError(
          `the Price List API at ${endpoint ?? 'AWS'} failed for ${
            regions[i]
          } (${(e as Error).name})`,
        );
      }
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(CONCURRENCY, regions.length) }, worker),
  );
  const snapshot = createPriceSnapshot({
    generatedAt: now(),
    endpoint: endpoint ?? 'aws',
    synthetic: isSyntheticPriceEndpoint(endpoint),
    currency: 'USD',
    regions: read,
  });
  await writePriceSnapshotFile(options.out, snapshot);
  const count = (pick: (r: RegionPrices) => object) =>
    read.reduce((n, r) => n + Object.keys(pick(r)).length, 0);
  return {
    file: options.out,
    generatedAt: snapshot.generatedAt,
    endpoint: snapshot.endpoint,
    synthetic: snapshot.synthetic,
    regions: regions.length,
    prices: count(r => r.prices),
    noPrice: count(r => r.noPrice),
    calls,
  };
}

/** The summary of a refresh, one line, with the synthetic label first when it applies. */
export function formatRefresh(result: RefreshPricesResult): string {
  const label = result.synthetic
    ? `SYNTHETIC prices (read from ${result.endpoint}, not AWS): `
    : '';
  return `${label}wrote ${result.file} dated ${result.generatedAt}: ${result.regions} Regions, ${result.prices} prices, ${result.noPrice} lines without a price, ${result.calls} GetProducts calls`;
}
