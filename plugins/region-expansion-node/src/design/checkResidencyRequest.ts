import type {
  DataClassification,
  Residency,
} from '@region-expansion/plugin-region-expansion-common';
import { DomainRuleError } from '../locations/errors';
import type { LocationCatalog } from '../locations/LocationCatalog';
import { regimesFor } from '../residency/residencyRules';

/**
 * A residency request: the stated requirement, and whose data it is.
 *
 * @public
 */
export interface ResidencyRequest {
  /** The stated requirement. */
  residency?: Residency;
  /** Highest data classification handled; default `internal`. */
  classification?: DataClassification;
  /** Country of the data subjects, when stated. */
  homeCountry?: string;
}

/**
 * Where the caller's input holds each part of the request, for errors.
 *
 * @public
 */
export interface ResidencyRequestFields {
  /** Field of the countries, e.g. `residency.countries`. */
  countries: string;
  /** Field of the partition, e.g. `residency.partition`. */
  partition: string;
}

const DEFAULT_FIELDS: ResidencyRequestFields = {
  countries: 'residency.countries',
  partition: 'residency.partition',
};

/**
 * Refuses a residency request that no location of the catalog can meet,
 * whatever the target: an unknown partition, countries where the required
 * partition has no location, or a requirement that leaves out the home
 * country while a regime of the home country keeps the data in it. Throws
 * a {@link DomainRuleError} naming the field; a satisfiable request passes.
 * Whether one particular location meets it is `evaluateResidency`'s
 * question, not this one.
 *
 * @public
 */
export function checkResidencyRequest(
  catalog: LocationCatalog,
  request: ResidencyRequest,
  fields: ResidencyRequestFields = DEFAULT_FIELDS,
): void {
  const { residency = {}, homeCountry } = request;
  const classification = request.classification ?? 'internal';
  let locations = catalog.locations();
  if (residency.partition) {
    if (!catalog.partition(residency.partition)) {
      throw new DomainRuleError(
        fields.partition,
        `unknown partition '${residency.partition}'; use one of ${catalog
          .partitions()
          .map(p => p.id)
          .join(', ')}`,
      );
    }
    locations = locations.filter(l => l.partition === residency.partition);
  }
  const countries = residency.countries;
  if (countries?.length) {
    const served = locations.filter(l => countries.includes(l.country));
    if (served.length === 0) {
      const where = residency.partition
        ? `partition ${residency.partition} has locations only in ${[
            ...new Set(locations.map(l => l.country)),
          ]
            .sort()
            .join(', ')}`
        : 'no location is in any of them';
      throw new DomainRuleError(
        fields.countries,
        `no location can hold data that must stay in ${countries.join(
          ', ',
        )}: ${where}`,
      );
    }
  }
  if (!homeCountry) return;
  const inCountry = regimesFor(homeCountry, classification).filter(
    r => r.regime !== 'privacy',
  );
  if (inCountry.length === 0) return;
  const basis = inCountry.map(r => r.basis).join(', ');
  if (countries?.length && !countries.includes(homeCountry)) {
    throw new DomainRuleError(
      fields.countries,
      `${basis} keeps ${classification} data of ${homeCountry} in ${homeCountry}, which ${countries.join(
        ', ',
      )} leaves out`,
    );
  }
  if (residency.partition && !locations.some(l => l.country === homeCountry)) {
    throw new DomainRuleError(
      fields.partition,
      `${basis} keeps ${classification} data of ${homeCountry} in ${homeCountry}, where partition ${residency.partition} has no location`,
    );
  }
}
