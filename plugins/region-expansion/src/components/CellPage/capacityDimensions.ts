import type { Cell } from '@region-expansion/plugin-region-expansion-common';

/** One capacity dimension of a cell: used, limit and the used fraction. */
export interface CapacityDimension {
  name: string;
  used: number;
  limit: number;
}

/**
 * Every dimension a cell is bounded by: tenants, load units and each quota
 * the cell spec lists (quotas the cell does not list are unbounded).
 */
export function capacityDimensions(cell: Cell): CapacityDimension[] {
  return [
    { name: 'Tenants', used: cell.usage.tenants, limit: cell.capacity.tenants },
    {
      name: 'Load units',
      used: cell.usage.loadUnits,
      limit: cell.capacity.loadUnits,
    },
    ...Object.entries(cell.capacity.quotas).map(([name, limit]) => ({
      name,
      used: cell.usage.quotas[name] ?? 0,
      limit,
    })),
  ];
}
