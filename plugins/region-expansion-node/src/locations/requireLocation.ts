import type {
  Location,
  Partition,
} from '@region-expansion/plugin-region-expansion-common';
import { quoteValue } from '../validation/fields';
import { DomainRuleError } from './errors';
import type { LocationCatalog } from './LocationCatalog';

/**
 * A location of the catalog with its partition; throws a
 * {@link DomainRuleError} naming `field` for an unknown location (or one
 * whose partition the catalog does not hold).
 *
 * @public
 */
export function requireLocation(
  catalog: LocationCatalog,
  locationId: string,
  field: string,
): { location: Location; partition: Partition } {
  const location = catalog.get(locationId);
  if (!location) {
    throw new DomainRuleError(
      field,
      `unknown location ${quoteValue(
        locationId,
      )}; use a Region, Local Zone or Outpost id such as eu-central-1 or eusc-de-east-1`,
    );
  }
  const partition = catalog.partition(location.partition);
  if (!partition) {
    throw new DomainRuleError(
      field,
      `location ${quoteValue(locationId)} names unknown partition '${
        location.partition
      }'`,
    );
  }
  return { location, partition };
}
