import type { Location } from '@region-expansion/plugin-region-expansion-common';
import type { AvailabilityIndex } from '../availability/AvailabilityIndex';
import { availabilityLocationOf } from '../availability/availabilityLocationOf';

/**
 * Whether CloudHSM is offered where `location`'s keys would live (a Local
 * Zone or Outpost: its parent Region), per the availability data; undefined
 * when the data does not know the place, so advice does not steer away from
 * CloudHSM on a guess. The `cloudHsmAvailable` option of
 * `adviseArchitecture`.
 *
 * @public
 */
export function cloudHsmOffered(
  location: Pick<Location, 'id' | 'parentRegion'>,
  availability: Pick<AvailabilityIndex, 'knows' | 'has'>,
): boolean | undefined {
  const where = availabilityLocationOf(location, availability);
  return availability.knows(where)
    ? availability.has('cloudhsm', where)
    : undefined;
}
