import { InputError, NotFoundError } from '@backstage/errors';
import type {
  BomOverrides,
  CellCostEstimate,
  CompareLocationsInput as CompareLocationsBody,
  EncryptionTier,
  Footprint,
  LocationComparison,
} from '@region-expansion/plugin-region-expansion-common';
import {
  AvailabilityIndex,
  checkComparisonInput,
  compareLocations,
  comparisonCostRequests,
  CostInputError,
  priceRegionOf,
  ServiceMapping,
  type ComparisonCellSpec,
  type ComparisonEstimate,
  type ComparisonReadiness,
  type RegionExpansionScope,
} from '@region-expansion/plugin-region-expansion-node';
import { withDomainErrors } from '../errors/domainErrors';
import { EstateService } from '../estate/EstateService';
import { DEFAULT_CELL_SPEC } from '../placement/defaultCellSpec';
import { ReadinessService } from '../readiness/ReadinessService';
import { inScope } from '../service/scopedResources';

/** A cost rule error as a 400 naming the request's field. */
function withCostErrors<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (!(error instanceof CostInputError)) throw error;
    const field = error.field.replace(/^overrides\b/, 'bomOverrides');
    throw new InputError(`${field}: ${error.reason}`);
  }
}

/**
 * Where a comparison prices cells: the cost service, which reads each
 * Region once (cache, snapshot file or live Price List API) and keeps the
 * cache warm across requests.
 *
 * @public
 */
export interface ComparisonPriceSource {
  estimate(
    locationId: string,
    request: {
      footprint: Pick<Footprint, 'services'>;
      cellSpec: ComparisonCellSpec;
      encryption: EncryptionTier;
      overrides: BomOverrides;
    },
  ): Promise<CellCostEstimate>;
}

/**
 * Ranks candidate locations for a workload and tenant classes
 * (`POST /comparisons`): reads the estate, the latest readiness levels,
 * availability, the footprint and prices, and asks the node library's
 * `compareLocations`. Stores nothing.
 *
 * @public
 */
export class ComparisonService {
  readonly #estate: EstateService;
  readonly #readiness: ReadinessService;
  readonly #availability: () => Promise<AvailabilityIndex>;
  readonly #prices: ComparisonPriceSource;
  readonly #cellSpec: ComparisonCellSpec;
  readonly #mapping: ServiceMapping;

  static create(options: {
    estate: EstateService;
    readiness: ReadinessService;
    prices: ComparisonPriceSource;
    /** Current availability; default the bundled snapshot. */
    availability?: () => Promise<AvailabilityIndex>;
    /** The standard cell; default the placement's default cell spec. */
    cellSpec?: ComparisonCellSpec;
  }): ComparisonService {
    return new ComparisonService(options);
  }

  private constructor(options: Parameters<typeof ComparisonService.create>[0]) {
    this.#estate = options.estate;
    this.#readiness = options.readiness;
    this.#prices = options.prices;
    this.#availability =
      options.availability ?? (async () => AvailabilityIndex.fromSnapshot());
    this.#cellSpec = options.cellSpec ?? DEFAULT_CELL_SPEC;
    this.#mapping = ServiceMapping.default();
  }

  /**
   * The ranked comparison. A scoped caller ranks only the locations it may
   * read; naming another is the same 400 as an unknown location.
   */
  async compare(
    body: CompareLocationsBody,
    scope?: RegionExpansionScope,
  ): Promise<LocationComparison> {
    const catalog = await this.#estate.catalog();
    const visible = inScope(scope, catalog.locations(), l => ({
      partition: l.partition,
      region: l.id,
    }));
    const candidates = withDomainErrors(() =>
      checkComparisonInput(catalog, body, visible),
    );
    const { footprint, source } = await this.#footprint(body.footprint);
    const latest = await this.#readiness.listLatest({});
    const readiness = new Map<string, ComparisonReadiness>(
      latest.map(e => [
        e.locationId,
        { level: e.level, evaluatedAt: e.evaluatedAt },
      ]),
    );
    const input = {
      footprint,
      footprintSource: source,
      tenantClasses: body.tenantClasses,
      candidates,
      catalog,
      availability: await this.#availability(),
      cellSpec: this.#cellSpec,
      bomOverrides: body.bomOverrides,
      mapping: this.#mapping,
    };
    const requests = withCostErrors(() => comparisonCostRequests(input));
    // A Local Zone or Outpost is priced in its parent Region, which is
    // what the cost service's catalog knows.
    const estimates = new Map<string, ComparisonEstimate>(
      await Promise.all(
        requests.map(async ({ key, locationId, ...request }) => {
          let regionCode: string;
          try {
            regionCode = priceRegionOf(catalog.require(locationId));
          } catch (error) {
            if (!(error instanceof CostInputError)) throw error;
            return [key, { unavailable: error.reason }] as const;
          }
          const estimate = await this.#prices.estimate(regionCode, {
            footprint,
            ...request,
          });
          return [key, estimate] as const;
        }),
      ),
    );
    return compareLocations({ ...input, readiness, estimates });
  }

  async #footprint(
    given: Footprint | undefined,
  ): Promise<{ footprint: Footprint; source: 'request' | 'stored' }> {
    if (given) {
      given.services.forEach((usage, i) => {
        if (!this.#mapping.byCode(usage.code)) {
          throw new InputError(
            `footprint.services.${i}.code: '${usage.code}' is not a known SSM service code`,
          );
        }
      });
      return { footprint: given, source: 'request' };
    }
    const stored = await this.#readiness.getFootprint().catch(error => {
      if (error instanceof NotFoundError) {
        throw new InputError(
          'footprint: is required: no application-plane footprint is stored (PUT /application-plane/footprint, or send one)',
        );
      }
      throw error;
    });
    if (stored.footprint.services.length === 0) {
      throw new InputError(
        'footprint: the stored application-plane footprint names no service; send one',
      );
    }
    return { footprint: stored.footprint, source: 'stored' };
  }
}
