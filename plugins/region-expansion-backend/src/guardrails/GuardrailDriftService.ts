import { NotFoundError } from '@backstage/errors';
import type { LocationGuardrailDrift } from '@region-expansion/plugin-region-expansion-common';
import type {
  GuardrailDriftChecker,
  RegionExpansionScope,
} from '@region-expansion/plugin-region-expansion-node';
import { EstateService } from '../estate/EstateService';
import { foundInScope, locationResource } from '../service/scopedResources';

/**
 * The drift of a location's guardrails from AWS Organizations, for the
 * REST API: the location must exist and be in the caller's scope; the
 * checker (when `regionExpansion.guardrails.drift` is configured) compares
 * each of its plans.
 *
 * @public
 */
export class GuardrailDriftService {
  readonly #estate: EstateService;
  readonly #checker?: Pick<GuardrailDriftChecker, 'check'>;

  static create(options: {
    estate: EstateService;
    /** The drift checker; absent: nothing is configured. */
    checker?: Pick<GuardrailDriftChecker, 'check'>;
  }): GuardrailDriftService {
    return new GuardrailDriftService(options.estate, options.checker);
  }

  private constructor(
    estate: EstateService,
    checker?: Pick<GuardrailDriftChecker, 'check'>,
  ) {
    this.#estate = estate;
    this.#checker = checker;
  }

  /** The drift of every plan of `locationId`; 404 for an unknown location or one outside `scope`. */
  async drift(
    locationId: string,
    scope?: RegionExpansionScope,
  ): Promise<LocationGuardrailDrift> {
    const catalog = await this.#estate.catalog();
    const notFound = `Location '${locationId}' does not exist`;
    const location = catalog.get(locationId);
    if (!location) throw new NotFoundError(notFound);
    foundInScope(scope, location, locationResource(location), notFound);
    return {
      locationId,
      configured: !!this.#checker,
      plans: this.#checker ? await this.#checker.check(locationId) : [],
    };
  }
}
