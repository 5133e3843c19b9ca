import { PlacementRecord } from '@region-expansion/plugin-region-expansion-common';

/** A row of the `placement_history` table (its `id` is assigned on insert). */
export type PlacementHistoryRow = {
  id?: number | string;
  tenant_id: string;
  kind: string;
  from_cell_id: string | null;
  cell_id: string;
  strategy: string;
  reason: string;
  actor: string;
  at: string | Date;
};

export function rowToRecord(row: PlacementHistoryRow): PlacementRecord {
  const record: PlacementRecord = {
    tenantId: row.tenant_id,
    cellId: row.cell_id,
    reason: row.reason,
    strategy: row.strategy as PlacementRecord['strategy'],
    at: new Date(row.at).toISOString(),
    kind: row.kind as PlacementRecord['kind'],
  };
  if (row.from_cell_id) {
    record.fromCellId = row.from_cell_id;
  }
  return record;
}

/**
 * The history row of a tenant pinned to a cell when it was created or
 * imported: a manual placement with no previous cell.
 */
export function pinnedHistoryRow(
  tenantId: string,
  cellId: string,
  reason: string,
  actor: string,
  at: string,
): PlacementHistoryRow {
  return {
    tenant_id: tenantId,
    kind: 'placed',
    from_cell_id: null,
    cell_id: cellId,
    strategy: 'manual',
    reason,
    actor,
    at,
  };
}
