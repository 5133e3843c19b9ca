import type { Cell, LocationCellSummary } from '../types';

/**
 * Cell totals per location, sorted by location id: what
 * `GET /locations/summary` answers. The backend sums the same in SQL for
 * the whole estate and with this function over the cells a permission
 * scope leaves in.
 *
 * @public
 */
export function summarizeCells(
  cells: ReadonlyArray<
    Pick<Cell, 'locationId' | 'isolation' | 'capacity' | 'usage'>
  >,
): LocationCellSummary[] {
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
