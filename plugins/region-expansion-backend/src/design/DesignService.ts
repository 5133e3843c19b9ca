import { NotFoundError } from '@backstage/errors';
import {
  type Location,
  type LocationAdvice,
  type DesignChoice,
  type DataClassification,
  type Residency,
  type TenantTier,
} from '@region-expansion/plugin-region-expansion-common';
import {
  adviseArchitecture,
  checkDesignChoice,
  checkResidencyRequest,
  cloudHsmOffered,
  evaluateResidency,
  type AvailabilityIndex,
  type RegionExpansionScope,
} from '@region-expansion/plugin-region-expansion-node';
import { withDomainErrors } from '../errors/domainErrors';
import { EstateService } from '../estate/EstateService';
import { foundInScope, locationResource } from '../service/scopedResources';

/**
 * What advice is asked for: whose data, which requirement, and optionally
 * what a design chose.
 *
 * @public
 */
export interface AdviceRequest {
  classification: DataClassification;
  tier?: TenantTier;
  residencyCountries?: string[];
  residencyPartition?: string;
  homeCountry?: string;
  chosen?: DesignChoice;
}

/**
 * Architecture advice for a location (`GET /locations/{id}/advice`): the
 * location from the estate, whether it offers CloudHSM from the current
 * availability, and the -node rules; nothing is stored.
 *
 * @public
 */
export class DesignService {
  readonly #estate: EstateService;
  readonly #availability?: () => Promise<AvailabilityIndex>;

  static create(options: {
    estate: EstateService;
    /** The current availability; without it CloudHSM counts as offered. */
    availabilitySource?: () => Promise<AvailabilityIndex>;
  }): DesignService {
    return new DesignService(options.estate, options.availabilitySource);
  }

  private constructor(
    estate: EstateService,
    availability?: () => Promise<AvailabilityIndex>,
  ) {
    this.#estate = estate;
    this.#availability = availability;
  }

  /**
   * The advice for `locationId`; 404 for an unknown location or one outside
   * `scope`, 400 naming the field for a residency no location can meet.
   */
  async advise(
    locationId: string,
    request: AdviceRequest,
    scope?: RegionExpansionScope,
  ): Promise<LocationAdvice> {
    const catalog = await this.#estate.catalog();
    const notFound = `Location '${locationId}' does not exist`;
    const location = catalog.get(locationId);
    const partition = location && catalog.partition(location.partition);
    if (!location || !partition) throw new NotFoundError(notFound);
    foundInScope(scope, location, locationResource(location), notFound);

    const residency: Residency = {
      ...(request.residencyCountries
        ? { countries: request.residencyCountries }
        : {}),
      ...(request.residencyPartition
        ? { partition: request.residencyPartition }
        : {}),
    };
    const profile = {
      residency,
      classification: request.classification,
      homeCountry: request.homeCountry,
      tier: request.tier,
    };
    withDomainErrors(() =>
      checkResidencyRequest(catalog, profile, {
        countries: 'residencyCountries',
        partition: 'residencyPartition',
      }),
    );
    const advice = adviseArchitecture(location, partition, profile, {
      cloudHsmAvailable: await this.#offersCloudHsm(location),
    });
    // The location itself, with no footprint: its own residency findings.
    const residencyViolations = evaluateResidency(
      { services: [], crossRegion: [], unknown: [] },
      location,
      profile,
      catalog,
    );
    return {
      advice,
      classification: request.classification,
      homeCountry: request.homeCountry ?? location.country,
      residencyViolations,
      designViolations: checkDesignChoice(advice, request.chosen ?? {}),
    };
  }

  /** Undefined without availability data (CloudHSM then counts as offered). */
  async #offersCloudHsm(location: Location): Promise<boolean | undefined> {
    return this.#availability
      ? cloudHsmOffered(location, await this.#availability())
      : undefined;
  }
}
