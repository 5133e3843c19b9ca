import {
  COMPARISON_LIMITS,
  type BomOverrides,
  type Location,
  type TenantClass,
} from '@region-expansion/plugin-region-expansion-common';
import { PRICE_CATALOG_KEYS } from '../cost/priceCatalog';
import { checkResidencyRequest } from '../design/checkResidencyRequest';
import { DomainRuleError } from '../locations/errors';
import {
  matchesResidency,
  type LocationCatalog,
} from '../locations/LocationCatalog';

/**
 * What a comparison is asked, before it runs.
 *
 * @public
 */
export interface ComparisonRequest {
  /** The tenant classes to rank locations for, each with its residency. */
  tenantClasses: readonly TenantClass[];
  /** Location ids to rank; absent: every location of `visible`. */
  candidates?: readonly string[];
  /** Monthly quantities replacing derived ones, by bill-of-materials line. */
  bomOverrides?: BomOverrides;
}

/**
 * Checks a comparison request against the catalog and resolves its
 * candidates, before any work: an unknown (or, for a scoped caller,
 * invisible) candidate, a residency no location can meet, an override of a
 * line no bill of materials has, or more candidates than
 * {@link @region-expansion/plugin-region-expansion-common#COMPARISON_LIMITS}
 * are {@link DomainRuleError}s naming the field.
 *
 * @param visible - the locations the caller may read (default: all)
 * @public
 */
export function checkComparisonInput(
  catalog: LocationCatalog,
  request: ComparisonRequest,
  visible: readonly Location[] = catalog.locations(),
): Location[] {
  request.tenantClasses.forEach((tenantClass, i) => {
    const field = `tenantClasses.${i}.residency`;
    checkResidencyRequest(
      catalog,
      {
        residency: tenantClass.residency,
        classification: tenantClass.classification,
        homeCountry: tenantClass.countries[0],
      },
      { countries: `${field}.countries`, partition: `${field}.partition` },
    );
    // Jurisdictions together with countries or a partition can still leave
    // nothing: say so rather than rank every location as ruled out.
    if (
      !catalog
        .locations()
        .some(l => matchesResidency(l, tenantClass.residency).ok)
    ) {
      throw new DomainRuleError(
        field,
        'no location satisfies every stated dimension (countries, jurisdictions, partition) together',
      );
    }
  });
  for (const key of Object.keys(request.bomOverrides ?? {})) {
    if (!(PRICE_CATALOG_KEYS as readonly string[]).includes(key)) {
      throw new DomainRuleError(
        `bomOverrides.${key}`,
        `is not a bill-of-materials line key (lines: ${PRICE_CATALOG_KEYS.join(
          ', ',
        )})`,
      );
    }
  }
  const byId = new Map(visible.map(l => [l.id, l]));
  if (!request.candidates) {
    if (visible.length > COMPARISON_LIMITS.candidates) {
      throw new DomainRuleError(
        'candidates',
        `every location is ${visible.length}, more than ${COMPARISON_LIMITS.candidates}: name the candidates`,
      );
    }
    return [...visible].sort((a, b) => a.id.localeCompare(b.id));
  }
  const seen = new Set<string>();
  return request.candidates.flatMap((id, i) => {
    const location = byId.get(id);
    if (!location) {
      throw new DomainRuleError(
        `candidates.${i}`,
        `'${id}' is not a known location`,
      );
    }
    if (seen.has(id)) return [];
    seen.add(id);
    return [location];
  });
}
