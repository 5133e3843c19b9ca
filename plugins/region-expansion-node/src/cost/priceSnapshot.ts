import { readFile, writeFile } from 'node:fs/promises';
import {
  formatZodError,
  priceSnapshotSchema,
  type PriceSnapshot,
} from '@region-expansion/plugin-region-expansion-common';
import { CostInputError } from './CostInputError';
import type { PriceBook } from './priceBillOfMaterials';
import type { RegionPrices } from './readPriceList';

/** Largest snapshot file read (every Region x every line is far below). */
const MAX_SNAPSHOT_BYTES = 20 * 1024 * 1024;

/**
 * A dated snapshot of the prices read for some Regions.
 *
 * @public
 */
export function createPriceSnapshot(options: {
  generatedAt: Date;
  /** The endpoint read, or `aws` for AWS's own. */
  endpoint: string;
  synthetic: boolean;
  currency: string;
  regions: readonly RegionPrices[];
}): PriceSnapshot {
  const prices: PriceSnapshot['prices'] = {};
  const noPrice: PriceSnapshot['noPrice'] = {};
  for (const r of options.regions) {
    prices[r.regionCode] = { ...r.prices };
    noPrice[r.regionCode] = { ...r.noPrice };
  }
  return {
    formatVersion: 1,
    generatedAt: options.generatedAt.toISOString(),
    endpoint: options.endpoint,
    synthetic: options.synthetic,
    currency: options.currency,
    prices,
    noPrice,
  };
}

/**
 * Validates snapshot text. Problems are `CostInputError`s whose field is
 * `<name>` or `<name>.<path in the file>`.
 *
 * @public
 */
export function parsePriceSnapshot(text: string, name: string): PriceSnapshot {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new CostInputError(name, `is not JSON (${(e as Error).message})`);
  }
  const parsed = priceSnapshotSchema.safeParse(data);
  if (!parsed.success) {
    const [first] = formatZodError(parsed.error);
    throw new CostInputError(`${name}.${first.field}`, first.reason);
  }
  return parsed.data;
}

/**
 * Reads and validates a snapshot file.
 *
 * @public
 */
export async function readPriceSnapshotFile(
  path: string,
): Promise<PriceSnapshot> {
  let text: string;
  try {
    const bytes = await readFile(path);
    if (bytes.length > MAX_SNAPSHOT_BYTES) {
      throw new CostInputError(
        path,
        `is larger than ${MAX_SNAPSHOT_BYTES} bytes`,
      );
    }
    text = bytes.toString('utf8');
  } catch (e) {
    if (e instanceof CostInputError) throw e;
    throw new CostInputError(
      path,
      `cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  return parsePriceSnapshot(text, path);
}

/**
 * Writes a snapshot as indented JSON.
 *
 * @public
 */
export async function writePriceSnapshotFile(
  path: string,
  snapshot: PriceSnapshot,
): Promise<void> {
  await writeFile(path, `${JSON.stringify(snapshot, null, 2)}\n`, 'utf8');
}

/**
 * The prices of one Region for `keys` from a snapshot. A Region the
 * snapshot does not have gets a reason per line that says how to refresh.
 *
 * @public
 */
export function pricesFromSnapshot(
  snapshot: PriceSnapshot,
  regionCode: string,
  keys: readonly string[],
): PriceBook {
  const book: PriceBook = {
    regionCode,
    prices: {},
    noPrice: {},
    source: 'snapshot',
    synthetic: snapshot.synthetic,
    currency: snapshot.currency,
  };
  const prices = snapshot.prices[regionCode];
  const reasons = snapshot.noPrice[regionCode];
  for (const key of keys) {
    if (prices?.[key]) {
      book.prices[key] = prices[key];
    } else if (reasons?.[key]) {
      book.noPrice[key] = reasons[key];
    } else {
      book.noPrice[
        key
      ] = `the price snapshot of ${snapshot.generatedAt} has no price for ${key} in ${regionCode}: refresh it with \`yarn region-expansion prices refresh --regions ${regionCode}\``;
    }
  }
  return book;
}
