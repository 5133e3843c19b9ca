import type {
  Location,
  Partition,
} from '@region-expansion/plugin-region-expansion-common';
import { LocationCatalog } from '@region-expansion/plugin-region-expansion-node';
import { fieldError, quote } from './errors';

/**
 * A location of the catalog with its partition; throws an input error naming
 * `field` for an unknown location.
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
    throw fieldError(
      field,
      `unknown location ${quote(
        locationId,
      )}; use a Region, Local Zone or Outpost id such as eu-central-1 or eusc-de-east-1`,
    );
  }
  const partition = catalog.partition(location.partition);
  if (!partition) {
    throw fieldError(
      field,
      `location ${quote(locationId)} names unknown partition '${
        location.partition
      }'`,
    );
  }
  return { location, partition };
}

/**
 * The Region a location runs in: itself, or the parent Region of a Local Zone
 * or Outpost.
 *
 * @public
 */
export function regionOf(location: Location): string {
  return location.parentRegion ?? location.id;
}
