import {
  regionOf,
  type Location,
  type LocationCellSummary,
  type Partition,
  type PlacementReadinessLevel,
} from '@region-expansion/plugin-region-expansion-common';
import { readinessLevelOf, type ReadinessByLocation } from './readiness';

/**
 * One Region with the Local Zones and Outposts that hang off it, and the
 * figures the map and the grid show.
 */
export interface RegionOverview {
  region: Location;
  /** Local Zones and Outposts whose parent is this Region. */
  attached: Location[];
  /** Cells in the Region and in its attached locations. */
  cellCount: number;
  /** Tenants currently placed in those cells (from cell usage). */
  tenantCount: number;
  /** Level of the Region's latest evaluation; `unknown` without one. */
  readiness: PlacementReadinessLevel;
}

/**
 * Groups locations under their Region and adds up the per-location cell
 * totals (`GET /locations/summary`), so the overview never needs the cells
 * themselves. A Local Zone or Outpost whose parent Region is unknown is
 * shown as its own entry rather than dropped.
 */
export function buildRegionOverviews(
  locations: Location[],
  summaries: LocationCellSummary[],
  readiness: ReadinessByLocation = new Map(),
): RegionOverview[] {
  const byId = new Map(locations.map(location => [location.id, location]));
  const rootOf = (location: Location): Location =>
    location.kind === 'region'
      ? location
      : byId.get(regionOf(location)) ?? location;

  const overviews = new Map<string, RegionOverview>();
  for (const location of locations) {
    const root = rootOf(location);
    if (!overviews.has(root.id)) {
      overviews.set(root.id, {
        region: root,
        attached: [],
        cellCount: 0,
        tenantCount: 0,
        readiness: readinessLevelOf(readiness, root.id),
      });
    }
    if (root.id !== location.id)
      overviews.get(root.id)!.attached.push(location);
  }
  for (const summary of summaries) {
    const location = byId.get(summary.locationId);
    const overview = location && overviews.get(rootOf(location).id);
    if (!overview) continue;
    overview.cellCount += summary.cellCount;
    overview.tenantCount += summary.tenantCount;
  }
  return [...overviews.values()].sort((a, b) =>
    a.region.id.localeCompare(b.region.id),
  );
}

/** Filters of the Regions page, as stored in the URL. */
export interface RegionFilters {
  partition?: string;
  readiness?: PlacementReadinessLevel;
  /** `true`: only Regions with cells; `false`: only Regions without. */
  hasCells?: boolean;
}

/** Applies the Regions page filters. */
export function filterRegionOverviews(
  overviews: RegionOverview[],
  filters: RegionFilters,
): RegionOverview[] {
  return overviews.filter(
    overview =>
      (!filters.partition || overview.region.partition === filters.partition) &&
      (!filters.readiness || overview.readiness === filters.readiness) &&
      (filters.hasCells === undefined ||
        overview.cellCount > 0 === filters.hasCells),
  );
}

/** Human name of a partition id, falling back to the id. */
export function partitionName(partitions: Partition[], id: string): string {
  return partitions.find(partition => partition.id === id)?.name ?? id;
}
