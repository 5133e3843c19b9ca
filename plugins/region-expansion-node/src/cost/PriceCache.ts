import type { SnapshotPrice } from '@region-expansion/plugin-region-expansion-common';
import type { PriceBook } from './priceBillOfMaterials';

interface CachedRegion {
  book: PriceBook;
  storedAt: number;
}

/**
 * Prices read before, per Region, each with its price date (in the price)
 * and the time it was stored. A Region's prices are served from the cache
 * while younger than `maxAgeMs` and only when every asked line is known
 * (priced or with a no-price reason).
 *
 * @public
 */
export class PriceCache {
  readonly #regions = new Map<string, CachedRegion>();
  readonly #maxAgeMs: number;
  readonly #now: () => number;

  constructor(options: { maxAgeMs?: number; now?: () => number } = {}) {
    this.#maxAgeMs = options.maxAgeMs ?? 24 * 60 * 60 * 1000;
    this.#now = options.now ?? Date.now;
  }

  /** Stores (merges) prices of a Region read from `book.source`. */
  set(book: PriceBook): void {
    const old = this.#fresh(book.regionCode);
    const merge = old && old.book.synthetic === book.synthetic;
    this.#regions.set(book.regionCode, {
      book: {
        ...book,
        prices: { ...(merge ? old.book.prices : {}), ...book.prices },
        noPrice: { ...(merge ? old.book.noPrice : {}), ...book.noPrice },
      },
      storedAt: this.#now(),
    });
  }

  /**
   * The cached prices of a Region for `keys`, labelled `cache`, or
   * undefined when any key is unknown or the entry is too old.
   */
  get(regionCode: string, keys: readonly string[]): PriceBook | undefined {
    const cached = this.#fresh(regionCode);
    if (!cached) return undefined;
    const { book } = cached;
    if (!keys.every(k => k in book.prices || k in book.noPrice)) {
      return undefined;
    }
    const prices: Record<string, SnapshotPrice> = {};
    const noPrice: Record<string, string> = {};
    for (const k of keys) {
      if (book.prices[k]) prices[k] = book.prices[k];
      else noPrice[k] = book.noPrice[k];
    }
    return { ...book, source: 'cache', prices, noPrice };
  }

  /** Number of Regions cached. */
  get size(): number {
    return this.#regions.size;
  }

  #fresh(regionCode: string): CachedRegion | undefined {
    const cached = this.#regions.get(regionCode);
    if (!cached) return undefined;
    if (this.#now() - cached.storedAt > this.#maxAgeMs) {
      this.#regions.delete(regionCode);
      return undefined;
    }
    return cached;
  }
}
