import type { LoggerService } from '@backstage/backend-plugin-api';
import { ConfigReader, type Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import type {
  BomOverrides,
  CellCostEstimate,
  CellSpec,
  EncryptionTier,
  Footprint,
  PriceSnapshot,
} from '@region-expansion/plugin-region-expansion-common';
import {
  billOfMaterials,
  CostInputError,
  createPriceListClient,
  GovernanceAwsContext,
  isSyntheticPriceEndpoint,
  LocationCatalog,
  PRICE_CATALOG,
  PRICE_CATALOG_KEYS,
  PriceBook,
  priceBillOfMaterials,
  PriceCache,
  priceRegionOf,
  pricesFromSnapshot,
  readPriceSnapshotFile,
  readRegionPrices,
} from '@region-expansion/plugin-region-expansion-node';
import { readPricingConfig, type PricingConfig } from './config';

/**
 * What one cell's cost is estimated for.
 *
 * @public
 */
export interface CellCostRequest {
  /** Services the application plane uses. */
  footprint: Pick<Footprint, 'services'>;
  /** The cell spec (version and capacity) quantities derive from. */
  cellSpec: Pick<CellSpec, 'version' | 'capacity'>;
  /** Advised encryption tier; default `aws-managed-key`. */
  encryption?: EncryptionTier;
  /** Quantities that replace derived ones, by line key. */
  overrides?: BomOverrides;
}

/**
 * Options of {@link CostService.create}.
 *
 * @public
 */
export interface CostServiceOptions {
  config: Config;
  logger: LoggerService;
  catalog?: LocationCatalog;
  /** Credentials of `aws.accounts`; default from config. */
  credentialsManager?: NonNullable<
    Parameters<typeof GovernanceAwsContext.fromConfig>[1]
  >['credentialsManager'];
  /** Clock of the price cache (milliseconds). */
  now?: () => number;
}

/**
 * Where prices come from, for an answer's footer and the bench.
 *
 * @public
 */
export interface CostSources {
  snapshot?: { file: string; generatedAt: string; synthetic: boolean };
  live: { enabled: boolean; synthetic: boolean };
  /** GetProducts requests sent since start (one per page). */
  priceListCalls: number;
}

type PricingClient = ReturnType<typeof createPriceListClient>;

/** The live Price List source: a client made on first use, and its label. */
interface LiveSource {
  client: () => Promise<PricingClient>;
  synthetic: boolean;
}

const EVERY_LINE = PRICE_CATALOG_KEYS.map(key => ({
  key,
  ...PRICE_CATALOG[key],
}));

/**
 * Prices a cell's bill of materials in a location from, in order, the
 * price cache, the snapshot file (`regionExpansion.pricing.snapshotFile`)
 * and, when `regionExpansion.pricing.live.enabled`, the Price List API with
 * the endpoint, Region and account of config (never of the request). A
 * Region is read once for every catalog line, so one read serves any bill
 * of materials; concurrent requests for a Region share the read.
 *
 * @public
 */
export class CostService {
  readonly #catalog: LocationCatalog;
  readonly #logger: LoggerService;
  readonly #snapshot?: { file: string; data: PriceSnapshot };
  readonly #live?: LiveSource;
  readonly #cache: PriceCache;
  readonly #inFlight = new Map<string, Promise<PriceBook>>();
  #calls = 0;

  private constructor(options: {
    catalog: LocationCatalog;
    logger: LoggerService;
    snapshot?: { file: string; data: PriceSnapshot };
    live?: LiveSource;
    cache: PriceCache;
  }) {
    this.#catalog = options.catalog;
    this.#logger = options.logger;
    this.#snapshot = options.snapshot;
    this.#live = options.live;
    this.#cache = options.cache;
  }

  /**
   * Reads `regionExpansion.pricing` and the snapshot file. A snapshot that
   * cannot be read stops the start with the key and the reason.
   */
  static async create(options: CostServiceOptions): Promise<CostService> {
    const settings = readPricingConfig(options.config);
    const catalog = options.catalog ?? LocationCatalog.fromSnapshot();
    let snapshot: { file: string; data: PriceSnapshot } | undefined;
    if (settings.snapshotFile) {
      try {
        snapshot = {
          file: settings.snapshotFile,
          data: await readPriceSnapshotFile(settings.snapshotFile),
        };
      } catch (error) {
        throw new Error(
          `Invalid config at regionExpansion.pricing.snapshotFile: ${
            (error as Error).message
          }`,
        );
      }
    }
    return new CostService({
      catalog,
      logger: options.logger,
      snapshot,
      live: settings.live.enabled
        ? {
            client: liveClient(options, settings),
            synthetic: isSyntheticPriceEndpoint(settings.live.endpoint),
          }
        : undefined,
      cache: new PriceCache({
        maxAgeMs: settings.cacheMaxAgeMs,
        now: options.now,
      }),
    });
  }

  /** Where prices come from and how many Price List calls were made. */
  sources(): CostSources {
    return {
      ...(this.#snapshot
        ? {
            snapshot: {
              file: this.#snapshot.file,
              generatedAt: this.#snapshot.data.generatedAt,
              synthetic: this.#snapshot.data.synthetic,
            },
          }
        : {}),
      live: {
        enabled: this.#live !== undefined,
        synthetic: this.#live?.synthetic ?? false,
      },
      priceListCalls: this.#calls,
    };
  }

  /**
   * The monthly cost of one cell in a location. Bad input (an unknown
   * location, an override of a line the bill does not have, a negative or
   * absurd quantity) is an `InputError` naming the field.
   */
  async estimate(
    locationId: string,
    request: CellCostRequest,
  ): Promise<CellCostEstimate> {
    const location = this.#catalog.get(locationId);
    if (!location) {
      throw new InputError(`locationId: unknown location ${locationId}`);
    }
    try {
      const bom = billOfMaterials(request.footprint, request.cellSpec, {
        encryption: request.encryption,
        overrides: request.overrides,
      });
      const book = await this.#pricesOf(priceRegionOf(location));
      return priceBillOfMaterials(bom, location, book, {
        tenantsPerCell: request.cellSpec.capacity.tenants,
      });
    } catch (error) {
      if (error instanceof CostInputError) throw new InputError(error.message);
      throw error;
    }
  }

  /**
   * The prices of a Region from the configured sources (cache, snapshot,
   * live); lines without a price carry the reason.
   */
  async priceBook(regionCode: string): Promise<PriceBook> {
    return this.#pricesOf(regionCode);
  }

  async #pricesOf(regionCode: string): Promise<PriceBook> {
    const keys = PRICE_CATALOG_KEYS;
    const cached = this.#cache.get(regionCode, keys);
    if (cached) return cached;
    const fromSnapshot = this.#snapshot
      ? pricesFromSnapshot(this.#snapshot.data, regionCode, keys)
      : undefined;
    const covered =
      this.#snapshot &&
      (this.#snapshot.data.prices[regionCode] ||
        this.#snapshot.data.noPrice[regionCode]);
    if (fromSnapshot && (covered || !this.#live)) return fromSnapshot;
    if (!this.#live) return noSource(regionCode);
    const running = this.#inFlight.get(regionCode);
    if (running) return running;
    const read = this.#readLive(regionCode, this.#live).finally(() =>
      this.#inFlight.delete(regionCode),
    );
    this.#inFlight.set(regionCode, read);
    return read;
  }

  async #readLive(regionCode: string, live: LiveSource): Promise<PriceBook> {
    const base = { source: 'live' as const, synthetic: live.synthetic };
    try {
      const prices = await readRegionPrices(
        await live.client(),
        regionCode,
        EVERY_LINE,
        {
          onCall: () => {
            this.#calls += 1;
          },
        },
      );
      const book: PriceBook = { ...prices, ...base, currency: 'USD' };
      this.#cache.set(book);
      return book;
    } catch (error) {
      // The log keeps AWS's text; answers name only the kind of failure.
      this.#logger.warn(
        `Price List read for ${regionCode} failed: ${(error as Error).message}`,
      );
      const reason = `the Price List API could not be read for ${regionCode} (${
        (error as Error).name
      }); try again later`;
      return {
        regionCode,
        prices: {},
        noPrice: Object.fromEntries(PRICE_CATALOG_KEYS.map(k => [k, reason])),
        ...base,
        currency: 'USD',
      };
    }
  }
}

function noSource(regionCode: string): PriceBook {
  const reason =
    'no price source: set regionExpansion.pricing.snapshotFile (yarn region-expansion prices refresh) or enable regionExpansion.pricing.live';
  return {
    regionCode,
    prices: {},
    noPrice: Object.fromEntries(PRICE_CATALOG_KEYS.map(k => [k, reason])),
    source: 'snapshot',
    synthetic: false,
    currency: 'USD',
  };
}

/** A Price List client with the configured account's credentials, made once. */
function liveClient(
  options: CostServiceOptions,
  settings: PricingConfig,
): () => Promise<PricingClient> {
  const { live } = settings;
  let client: Promise<PricingClient> | undefined;
  return () => {
    client ??= (async () => {
      if (!live.account) {
        return createPriceListClient({
          endpoint: live.endpoint,
          region: live.region,
          maxAttempts: live.maxAttempts,
          requestTimeoutMs: live.requestTimeoutMs,
        });
      }
      // The governance context resolves the account's credentials through
      // aws.accounts, as every other AWS read of the plugin does.
      const aws = options.config.getOptional('aws');
      const context = GovernanceAwsContext.fromConfig(
        new ConfigReader({
          ...(aws !== undefined ? { aws } : {}),
          regionExpansion: {
            governance: {
              targets: [{ partition: 'aws', accounts: [live.account] }],
            },
          },
        }),
        {
          catalog: options.catalog,
          credentialsManager: options.credentialsManager,
        },
      );
      const settingsOf = await context.clientSettings('config', {
        partition: 'aws',
        accountId: live.account,
        region: live.region,
      });
      return createPriceListClient({
        endpoint: live.endpoint,
        region: live.region,
        credentials: settingsOf.credentials,
        maxAttempts: live.maxAttempts,
        requestTimeoutMs: live.requestTimeoutMs,
      });
    })();
    return client;
  };
}
