import {
  BRIDGE_DATA_STORE_QUOTA,
  TIER_CELL_ISOLATION,
  type CellLifecycle,
} from '@region-expansion/plugin-region-expansion-common';
import type { Demand } from './cellState';
import type { PlacementTenant, SearchOptions } from './placementTypes';

/** An amount as the explanations print it: whole, or with two decimals. */
export function formatAmount(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

/** What one tenant adds to a cell. */
export function demandOf(tenant: PlacementTenant): Demand {
  const quotas = Object.entries(tenant.quotaUsage ?? {});
  // A bridge tenant's own data store lives inside the pooled cell.
  if (tenant.tier === 'bridge') {
    const index = quotas.findIndex(
      ([name]) => name === BRIDGE_DATA_STORE_QUOTA,
    );
    if (index === -1) quotas.push([BRIDGE_DATA_STORE_QUOTA, 1]);
    else quotas[index] = [BRIDGE_DATA_STORE_QUOTA, quotas[index][1] + 1];
  }
  return {
    tier: tenant.tier,
    isolation: TIER_CELL_ISOLATION[tenant.tier],
    loadUnits: tenant.loadUnits,
    quotas,
  };
}

/** The demand in words, for reasons and violations. */
export function describeDemand(demand: Demand): string {
  const parts = [
    `1 tenant slot${
      demand.isolation === 'dedicated' ? ' in an empty dedicated cell' : ''
    }`,
    `${formatAmount(demand.loadUnits)} load units`,
    ...demand.quotas.map(([q, a]) => `${formatAmount(a)} ${q}`),
  ];
  return parts.join(', ');
}

// Shared, so a decision does not allocate its lifecycle list.
const ACTIVE: readonly CellLifecycle[] = ['active'];
const ACTIVE_OR_PROVISIONING: readonly CellLifecycle[] = [
  'active',
  'provisioning',
];

/** The lifecycles whose cells a search may choose. */
export function searchLifecycles(
  search: SearchOptions,
): readonly CellLifecycle[] {
  return search.allowProvisioning ? ACTIVE_OR_PROVISIONING : ACTIVE;
}
