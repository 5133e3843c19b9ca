import type {
  CellToCreate,
  Location,
  PlacementReadinessLevel,
} from '@region-expansion/plugin-region-expansion-common';
import type { ResidencyScreen } from './CellIndex';
import type { Demand } from './cellState';
import { describeDemand } from './demand';
import type {
  PlacementContext,
  PlacementTenant,
  SearchOptions,
} from './placementTypes';
import { READINESS_PREFERENCE } from './readiness';
import { controlPlaneManages } from './rules';

/** Whether one empty cell of the engine's spec could take the demand. */
function specFits(context: PlacementContext, demand: Demand): boolean {
  const capacity = context.spec.capacity;
  if (capacity.tenants < 1 || capacity.loadUnits < demand.loadUnits)
    return false;
  return demand.quotas.every(([quota, amount]) => {
    const limit = capacity.quotas[quota];
    return limit === undefined || limit >= amount;
  });
}

/** Why no new cell would help an unplaceable tenant. */
export function noNewCellReason(
  context: PlacementContext,
  demand: Demand,
  screen: ResidencyScreen,
): string {
  if (screen.matching.length === 0) {
    return 'No location in the partition satisfies the residency requirement, so no new cell would help.';
  }
  if (!specFits(context, demand)) {
    return `The tenant needs ${describeDemand(
      demand,
    )}, more than one cell of spec ${
      context.spec.version
    } offers, so no new cell would help.`;
  }
  return 'Every location that satisfies the residency requirement is refused by readiness, so no new cell would help.';
}

/**
 * The cell to create for an unplaceable tenant: in the readiest location
 * its residency and readiness allow, or undefined when none would help.
 */
export function cellToCreate(
  context: PlacementContext,
  tenant: PlacementTenant,
  demand: Demand,
  search: SearchOptions,
): CellToCreate | undefined {
  if (!specFits(context, demand)) return undefined;
  let best:
    | { location: Location; level: PlacementReadinessLevel; existing: number }
    | undefined;
  for (const { location, level } of context.index.allowedLocations(
    tenant,
    search,
    context.readiness,
  )) {
    const existing = context.index.activeCells(location.id, demand.isolation);
    // Prefer the readiest location, then one that already runs such cells
    // (accounts, quotas and operations exist there), then the id.
    const better =
      !best ||
      READINESS_PREFERENCE[level] - READINESS_PREFERENCE[best.level] ||
      best.existing - existing ||
      location.id.localeCompare(best.location.id);
    if (better === true || (typeof better === 'number' && better < 0)) {
      best = { location, level, existing };
    }
  }
  if (!best) return undefined;
  const { location, level, existing } = best;
  const controlPlane = context.controlPlanes.find(
    cp =>
      cp.partition === location.partition && controlPlaneManages(cp, location),
  );
  const where = `${location.name} (${location.id})`;
  const alreadyRuns =
    existing > 0
      ? `, and it already runs ${existing} active ${demand.isolation} cells`
      : '';
  const management = controlPlane
    ? `control plane ${controlPlane.id} manages it.`
    : `no control plane in partition ${location.partition} manages it yet, so create or extend one first.`;
  const why = `Create a ${demand.isolation} cell of spec ${context.spec.version} in ${where}: it satisfies the tenant's partition and residency, its readiness is ${level}${alreadyRuns}; ${management}`;
  return {
    locationId: location.id,
    isolation: demand.isolation,
    specVersion: context.spec.version,
    ...(controlPlane ? { controlPlaneId: controlPlane.id } : {}),
    reason: why,
  };
}
