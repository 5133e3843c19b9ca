import type {
  CellIsolation,
  PlacementConstraint,
  PlacementDecision,
  PlacementReadinessLevel,
  PlacementRejection,
  PlacementStrategy,
} from '@region-expansion/plugin-region-expansion-common';
import { matchesResidency } from '../locations/LocationCatalog';
import type { Demand } from './cellState';
import { describeDemand, formatAmount, searchLifecycles } from './demand';
import { cellToCreate, noNewCellReason } from './newCell';
import type {
  Found,
  PlacementContext,
  PlacementTenant,
  SearchOptions,
} from './placementTypes';
import { readinessAllows } from './readiness';
import { tenantPartition } from './rules';

const STRATEGY_WORDS: Record<PlacementStrategy, string> = {
  pack: 'pack (fullest cell that fits)',
  spread: 'spread (emptiest cell)',
};

/**
 * A sentence naming the skipped cells that could have taken the tenant
 * (its partition, residency and isolation), or undefined when none.
 */
function skippedNote(
  context: PlacementContext,
  tenant: PlacementTenant,
  demand: Demand,
  onlyLocationId?: string,
): string | undefined {
  const partition = tenantPartition(tenant);
  const relevant = context.skipped.filter(
    s =>
      s.location !== undefined &&
      s.location.partition === partition &&
      s.isolation === demand.isolation &&
      (onlyLocationId === undefined || s.locationId === onlyLocationId) &&
      matchesResidency(s.location, tenant.residency).ok,
  );
  if (relevant.length === 0) return undefined;
  const named = relevant
    .slice(0, 3)
    .map(s => `cell ${s.cellId} (${s.field}: ${s.reason})`)
    .join('; ');
  const more = relevant.length > 3 ? ` and ${relevant.length - 3} more` : '';
  return `Left out of placement because their stored data breaks a rule: ${named}${more}.`;
}

/** Why a location's readiness refuses the tenant. */
export function readinessRefusal(
  locationId: string,
  level: PlacementReadinessLevel,
  tenant: PlacementTenant,
): string {
  if (level === 'blocked') return `${locationId} is blocked`;
  if (tenant.classification === 'restricted') {
    return `${locationId} is ${level}; restricted data goes only to ready locations`;
  }
  return `${locationId} readiness is unknown and unknown readiness was not allowed`;
}

/** The decision for a found cell, with its reason and warnings. */
export function placedDecision(
  context: PlacementContext,
  tenant: PlacementTenant,
  demand: Demand,
  found: Found,
  strategy: PlacementStrategy,
): PlacementDecision {
  const { state, location, level } = found;
  const warnings: string[] = [];
  if (level === 'unknown') {
    warnings.push(
      `Readiness of ${location.id} is unknown: no readiness evaluation exists, so it was not treated as ready.`,
    );
  } else if (level === 'pilot') {
    warnings.push(
      `${location.id} is at pilot readiness: not every check passes.`,
    );
  }
  if (state.lifecycle !== 'active') {
    warnings.push(`Cell ${state.id} is still ${state.lifecycle}.`);
  }
  const skipped = skippedNote(context, tenant, demand);
  if (skipped) warnings.push(skipped);
  const tenantsLeft = state.remainingTenants - 1;
  const loadLeft = state.remainingLoad - demand.loadUnits;
  return {
    outcome: 'placed',
    cellId: state.id,
    locationId: location.id,
    readiness: level,
    reason:
      `Placed ${tenant.tier} tenant ${tenant.id} in ${state.isolation} cell ${state.cell.name} (${state.id}) ` +
      `in ${location.name} (${location.id}, readiness ${level}) by ${STRATEGY_WORDS[strategy]}; ` +
      `headroom after placement: ${tenantsLeft} tenant slots, ${formatAmount(
        loadLeft,
      )} load units.`,
    warnings,
  };
}

/**
 * Counts the cells each constraint ruled out (the first that applies to a
 * cell, in constraint order), with the reasons to name.
 */
function ruledOut(
  context: PlacementContext,
  tenant: PlacementTenant,
  demand: Demand,
  search: SearchOptions,
) {
  const partition = tenantPartition(tenant);
  const screen = context.index.residencyScreen(tenant);
  const lifecycles = searchLifecycles(search);
  const counts: Record<PlacementConstraint, number> = {
    partition: 0,
    residency: 0,
    tier: 0,
    lifecycle: 0,
    readiness: 0,
    headroom: 0,
  };
  const residencyReasons: string[] = [];
  const readinessReasons: string[] = [];
  for (const index of context.index.locations()) {
    const location = index.location;
    if (
      search.onlyLocationId !== undefined &&
      location.id !== search.onlyLocationId
    ) {
      continue;
    }
    if (location.partition !== partition) {
      counts.partition += index.cellCount;
      continue;
    }
    const failing = screen.failing.get(location.id);
    if (failing !== undefined) {
      counts.residency += index.cellCount;
      residencyReasons.push(failing);
      continue;
    }
    const level = context.readiness.levelOf(location.id);
    const ready = readinessAllows(
      level,
      tenant.classification,
      search.allowUnknownReadiness,
    );
    let refusedForReadiness = false;
    for (const group of index.groups.values()) {
      const size = group.cells.length;
      if (group.isolation !== demand.isolation) counts.tier += size;
      else if (!lifecycles.includes(group.lifecycle)) counts.lifecycle += size;
      else if (!ready) {
        counts.readiness += size;
        refusedForReadiness = true;
      } else counts.headroom += size;
    }
    if (refusedForReadiness) {
      readinessReasons.push(readinessRefusal(location.id, level, tenant));
    }
  }
  return { counts, residencyReasons, readinessReasons, lifecycles };
}

/**
 * The decision when no cell takes the tenant: every constraint that ruled
 * cells out, with counts, and the cell that would have to be created.
 */
export function unplaceableDecision(
  context: PlacementContext,
  tenant: PlacementTenant,
  demand: Demand,
  search: SearchOptions,
): PlacementDecision {
  const partition = tenantPartition(tenant);
  const screen = context.index.residencyScreen(tenant);
  const { counts, residencyReasons, readinessReasons, lifecycles } = ruledOut(
    context,
    tenant,
    demand,
    search,
  );
  const otherIsolation: CellIsolation =
    demand.isolation === 'pooled' ? 'dedicated' : 'pooled';
  const details: Record<PlacementConstraint, string> = {
    partition: `cells outside partition ${partition}${
      tenant.residency.partition === undefined
        ? ' (a tenant without a stated partition lives in aws)'
        : ''
    }`,
    residency: `cells in locations that fail the residency requirement: ${residencyReasons
      .slice(0, 3)
      .join('; ')}`,
    tier: `${otherIsolation} cells; a ${demand.tier} tenant needs ${demand.isolation} cells`,
    lifecycle: `cells that are not ${lifecycles.join(' or ')}`,
    readiness: `cells in locations whose readiness refuses the tenant: ${readinessReasons
      .slice(0, 3)
      .join('; ')}`,
    headroom: `eligible cells without headroom for ${describeDemand(demand)}`,
  };
  const rejections: PlacementRejection[] = (
    Object.keys(counts) as PlacementConstraint[]
  )
    .filter(constraint => counts[constraint] > 0)
    .map(constraint => ({
      constraint,
      cellsRuledOut: counts[constraint],
      detail: `${counts[constraint]} ${details[constraint]}`,
    }));
  const toCreate = cellToCreate(context, tenant, demand, search);
  const considered = rejections.reduce((sum, r) => sum + r.cellsRuledOut, 0);
  const summary =
    considered === 0
      ? `No cell exists for tenant ${tenant.id} in partition ${partition}`
      : `No cell can take tenant ${tenant.id}: ${rejections
          .map(r => `${r.constraint} ruled out ${r.cellsRuledOut}`)
          .join(', ')}`;
  const skipped = skippedNote(context, tenant, demand, search.onlyLocationId);
  return {
    outcome: 'unplaceable',
    reason: `${summary}. ${
      toCreate ? toCreate.reason : noNewCellReason(context, demand, screen)
    }${skipped ? ` ${skipped}` : ''}`,
    rejections,
    ...(toCreate ? { cellToCreate: toCreate } : {}),
  };
}
