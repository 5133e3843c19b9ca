import type {
  Location,
  MigrationPlan,
  MigrationViolation,
} from '@region-expansion/plugin-region-expansion-common';
import { matchesResidency } from '../locations/LocationCatalog';
import type { Demand } from './cellState';
import { describeDemand, formatAmount, searchLifecycles } from './demand';
import {
  placedDecision,
  readinessRefusal,
  unplaceableDecision,
} from './explanations';
import type {
  PlacementContext,
  PlacementTenant,
  SearchOptions,
} from './placementTypes';
import { readinessAllows } from './readiness';
import { tenantPartition } from './rules';

function targetViolation(detail: string): MigrationPlan {
  return { ok: false, violations: [{ constraint: 'target', detail }] };
}

/** The partition and residency rules a target (`subject`) must meet. */
function whereViolations(
  subject: string,
  location: Location,
  tenant: PlacementTenant,
): MigrationViolation[] {
  const partition = tenantPartition(tenant);
  const violations: MigrationViolation[] = [];
  if (location.partition !== partition) {
    violations.push({
      constraint: 'partition',
      detail: `${subject} is in partition ${location.partition}, the tenant must live in ${partition}`,
    });
  }
  const residency = matchesResidency(location, tenant.residency);
  if (!residency.ok) {
    violations.push({ constraint: 'residency', detail: residency.reason });
  }
  return violations;
}

/** Every placement constraint a named target cell breaks, or its approval. */
export function checkCellTarget(
  context: PlacementContext,
  tenant: PlacementTenant,
  demand: Demand,
  cellId: string,
  search: SearchOptions,
): MigrationPlan {
  const state = context.index.state(cellId);
  if (!state) {
    const skipped = context.skipped.find(s => s.cellId === cellId);
    return targetViolation(
      skipped
        ? `cell ${cellId} is left out of placement because its stored data breaks a rule (${skipped.field}: ${skipped.reason})`
        : `cell ${cellId} does not exist`,
    );
  }
  if (tenant.cellId === cellId) {
    return targetViolation(
      `tenant ${tenant.id} already lives in cell ${cellId}`,
    );
  }
  const location = context.catalog.require(state.cell.locationId);
  const violations = whereViolations(`cell ${cellId}`, location, tenant);
  if (state.isolation !== demand.isolation) {
    violations.push({
      constraint: 'tier',
      detail: `cell ${cellId} is ${state.isolation}; a ${demand.tier} tenant needs a ${demand.isolation} cell`,
    });
  }
  const lifecycles = searchLifecycles(search);
  if (!lifecycles.includes(state.lifecycle)) {
    violations.push({
      constraint: 'lifecycle',
      detail: `cell ${cellId} is ${state.lifecycle}; only ${lifecycles.join(
        ' or ',
      )} cells take tenants`,
    });
  }
  const level = context.readiness.levelOf(location.id);
  if (
    !readinessAllows(level, tenant.classification, search.allowUnknownReadiness)
  ) {
    violations.push({
      constraint: 'readiness',
      detail: readinessRefusal(location.id, level, tenant),
    });
  }
  if (!state.fits(demand)) {
    violations.push({
      constraint: 'headroom',
      detail: `cell ${cellId} has ${
        state.remainingTenants
      } tenant slots and ${formatAmount(
        state.remainingLoad,
      )} load units left; the tenant needs ${describeDemand(demand)}`,
    });
  }
  if (violations.length > 0) return { ok: false, violations };
  return {
    ok: true,
    cellId,
    reason: `Cell ${state.cell.name} (${cellId}) in ${location.name} (${
      location.id
    }) satisfies partition, residency, tier, lifecycle and readiness (${level}) and has headroom for ${describeDemand(
      demand,
    )}.`,
  };
}

/** The best cell of a target location, or every reason none fits. */
export function checkLocationTarget(
  context: PlacementContext,
  tenant: PlacementTenant,
  demand: Demand,
  locationId: string,
  search: SearchOptions,
): MigrationPlan {
  const location = context.catalog.get(locationId);
  if (!location)
    return targetViolation(`location ${locationId} does not exist`);
  const violations = whereViolations(locationId, location, tenant);
  if (violations.length > 0) return { ok: false, violations };
  const scoped = { ...search, onlyLocationId: locationId };
  const found = context.index.search(tenant, demand, scoped, context.readiness);
  if (found) {
    return {
      ok: true,
      cellId: found.state.id,
      reason: placedDecision(context, tenant, demand, found, search.strategy)
        .reason,
    };
  }
  const unplaceable = unplaceableDecision(context, tenant, demand, scoped);
  if (unplaceable.outcome === 'unplaceable' && unplaceable.rejections.length) {
    return {
      ok: false,
      violations: unplaceable.rejections.map(r => ({
        constraint: r.constraint,
        detail: r.detail,
      })),
    };
  }
  return targetViolation(`location ${locationId} has no cells`);
}
