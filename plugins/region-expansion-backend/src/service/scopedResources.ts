import { NotFoundError } from '@backstage/errors';
import type {
  Cell,
  ControlPlane,
  Location,
  LocationCellSummary,
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
 * Cell totals per location over the given cells, as
 * `EstateStore.summarizeLocations` sums them in SQL; used when a scope
 * leaves out some cells (their account, say) of a location.
 */
export function summarizeCells(cells: Cell[]): LocationCellSummary[] {
  const rows = new Map<string, LocationCellSummary>();
  for (const cell of cells) {
    const row = rows.get(cell.locationId) ?? {
      locationId: cell.locationId,
      cellCount: 0,
      pooledCellCount: 0,
      tenantCount: 0,
      capacity: { tenants: 0, loadUnits: 0 },
      usage: { tenants: 0, loadUnits: 0 },
    };
    row.cellCount += 1;
    if (cell.isolation === 'pooled') row.pooledCellCount += 1;
    row.tenantCount += cell.usage.tenants;
    row.capacity.tenants += cell.capacity.tenants;
    row.capacity.loadUnits += cell.capacity.loadUnits;
    row.usage.tenants += cell.usage.tenants;
    row.usage.loadUnits += cell.usage.loadUnits;
    rows.set(cell.locationId, row);
  }
  return [...rows.values()].sort((a, b) =>
    a.locationId.localeCompare(b.locationId),
  );
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
