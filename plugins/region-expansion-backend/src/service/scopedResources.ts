import { NotFoundError } from '@backstage/errors';
import type {
  Cell,
  ControlPlane,
  Location,
} from '@region-expansion/plugin-region-expansion-common';
import { parseRegionExpansionResourceRef } from '@region-expansion/plugin-region-expansion-common';
import {
  isInScope,
  RegionExpansionScope,
  RegionExpansionScopedResource,
} from '@region-expansion/plugin-region-expansion-node';
import { EstateService } from '../estate/EstateService';

/** Where a location sits; it has no account of its own. */
export const locationResource = (
  location: Pick<Location, 'id' | 'partition'>,
): RegionExpansionScopedResource => ({
  partition: location.partition,
  region: location.id,
});

/** Where a cell sits: its location and its account. */
export const cellResource = (
  cell: Pick<Cell, 'partition' | 'locationId' | 'accountId'>,
): RegionExpansionScopedResource => ({
  partition: cell.partition,
  region: cell.locationId,
  accountId: cell.accountId,
});

/** Where a control plane sits: its partition and home location. */
export const controlPlaneResource = (
  plane: Pick<ControlPlane, 'partition' | 'homeLocation'>,
): RegionExpansionScopedResource => ({
  partition: plane.partition,
  region: plane.homeLocation,
});

/** The items inside `scope` (all of them without one). */
export function inScope<T>(
  scope: RegionExpansionScope | undefined,
  items: T[],
  resourceOf: (item: T) => RegionExpansionScopedResource,
): T[] {
  return scope
    ? items.filter(item => isInScope(scope, resourceOf(item)))
    : items;
}

/**
 * `found` when it is inside `scope`; else the same 404 as a missing one,
 * so a caller cannot learn what exists outside its scope.
 */
export function foundInScope<T>(
  scope: RegionExpansionScope | undefined,
  found: T,
  resource: RegionExpansionScopedResource,
  notFound: string,
): T {
  if (!isInScope(scope, resource)) throw new NotFoundError(notFound);
  return found;
}

/**
 * The permission framework's loader of resources by reference, for checks
 * of one resource (search results, other plugins): `location:<id>` or
 * `cell:<id>` (`toRegionExpansionResourceRef`); anything else is unknown.
 */
export function scopedResourceLoader(estate: EstateService) {
  return async (
    refs: string[],
  ): Promise<Array<RegionExpansionScopedResource | undefined>> => {
    const locations = new Map(
      (await estate.listLocations({})).map(l => [l.id, l]),
    );
    return Promise.all(
      refs.map(async ref => {
        const parsed = parseRegionExpansionResourceRef(ref);
        if (parsed?.kind === 'cell') {
          const cell = await estate.getCell(parsed.id).catch(() => undefined);
          return cell && cellResource(cell);
        }
        const location = parsed && locations.get(parsed.id);
        return location ? locationResource(location) : undefined;
      }),
    );
  };
}
