import {
  BRIDGE_DATA_STORE_QUOTA,
  TIER_CELL_ISOLATION,
  type Cell,
  type PlacementOptions,
} from '@region-expansion/plugin-region-expansion-common';
import {
  matchesResidency,
  type LocationCatalog,
} from '../locations/LocationCatalog';
import { readinessAllows, type ReadinessLookup } from './readiness';
import { tenantPartition } from './rules';
import type { PlacementTenant } from './PlacementEngine';

/**
 * Reference implementation of a placement decision that scans every cell:
 * the baseline the indexed {@link PlacementEngine} is tested and
 * benchmarked against (both must pick the same cell). Too slow for a real
 * estate; use the engine. Mutates `cells[i].usage` when `options.commit` is
 * set.
 *
 * @public
 */
export function naivePlace(
  world: {
    cells: Cell[];
    catalog: LocationCatalog;
    readiness: ReadinessLookup;
  },
  tenant: PlacementTenant,
  options: PlacementOptions,
): { outcome: 'placed'; cellId: string } | { outcome: 'unplaceable' } {
  const partition = tenantPartition(tenant);
  const isolation = TIER_CELL_ISOLATION[tenant.tier];
  const quotas: Record<string, number> = { ...tenant.quotaUsage };
  if (tenant.tier === 'bridge') {
    quotas[BRIDGE_DATA_STORE_QUOTA] =
      (quotas[BRIDGE_DATA_STORE_QUOTA] ?? 0) + 1;
  }
  const lifecycles = options.allowProvisioning
    ? ['active', 'provisioning']
    : ['active'];
  const allowUnknown = options.allowUnknownReadiness ?? true;

  let best: Cell | undefined;
  let bestLoad = 0;
  let bestTenants = 0;
  for (const cell of world.cells) {
    const location = world.catalog.require(cell.locationId);
    if (location.partition !== partition) continue;
    if (!matchesResidency(location, tenant.residency).ok) continue;
    if (cell.isolation !== isolation) continue;
    if (!lifecycles.includes(cell.lifecycle)) continue;
    const level = world.readiness.levelOf(location.id);
    if (!readinessAllows(level, tenant.classification, allowUnknown)) continue;
    const remainingTenants = cell.capacity.tenants - cell.usage.tenants;
    const remainingLoad = cell.capacity.loadUnits - cell.usage.loadUnits;
    if (remainingTenants < 1) continue;
    if (isolation === 'dedicated' && cell.usage.tenants > 0) continue;
    if (remainingLoad < tenant.loadUnits) continue;
    const quotaFits = Object.entries(quotas).every(([quota, amount]) => {
      const limit = cell.capacity.quotas[quota];
      return (
        limit === undefined || limit - (cell.usage.quotas[quota] ?? 0) >= amount
      );
    });
    if (!quotaFits) continue;
    const order = best
      ? remainingLoad - bestLoad ||
        remainingTenants - bestTenants ||
        (cell.id < best.id ? -1 : 1)
      : 0;
    const better =
      !best || (options.strategy === 'pack' ? order < 0 : order > 0);
    if (better) {
      best = cell;
      bestLoad = remainingLoad;
      bestTenants = remainingTenants;
    }
  }
  if (!best) return { outcome: 'unplaceable' };
  if (options.commit) {
    const usage = best.usage;
    usage.tenants += 1;
    usage.loadUnits += tenant.loadUnits;
    const nextQuotas = { ...usage.quotas };
    for (const [quota, amount] of Object.entries(quotas)) {
      nextQuotas[quota] = (nextQuotas[quota] ?? 0) + amount;
    }
    usage.quotas = nextQuotas;
  }
  return { outcome: 'placed', cellId: best.id };
}
