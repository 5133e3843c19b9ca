import type { Location } from '@region-expansion/plugin-region-expansion-common';
import type { AvailabilityIndex } from './AvailabilityIndex';

/**
 * The location whose availability data stands for `location`: itself when
 * the data lists it, else the parent Region of a Local Zone or Outpost (the
 * SSM parameters list Regions only), else itself.
 *
 * @public
 */
export function availabilityLocationOf(
  location: Pick<Location, 'id' | 'parentRegion'>,
  availability: Pick<AvailabilityIndex, 'knows'>,
): string {
  return availability.knows(location.id) || !location.parentRegion
    ? location.id
    : location.parentRegion;
}
