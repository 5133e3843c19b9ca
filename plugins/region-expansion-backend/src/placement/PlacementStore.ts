import {
  Cell,
  PlacementRecord,
  Tenant,
} from '@region-expansion/plugin-region-expansion-common';

/**
 * What the placement service needs stored: moves of tenants into cells,
 * with both cells' usage and the history written together, and the
 * history itself.
 *
 * @public
 */
export interface PlacementStore {
  /**
   * Moves a tenant into a cell in one transaction: the previous cell's usage
   * shrinks, the new cell's usage grows (guarded: `ConflictError` if the cell
   * no longer has headroom, for example after a concurrent placement), the
   * tenant points at the cell and a history row is written.
   *
   * `expectedFromCellId` is the cell the decision was made against; if the
   * tenant moved meanwhile the call fails with `ConflictError`. `verify`
   * sees the tenant and the target cell as they are now, locked, and throws
   * to refuse the move (for example when the cell was set to draining after
   * the decision).
   */
  recordPlacement(
    record: Omit<PlacementRecord, 'at'>,
    options: {
      actor: string;
      expectedFromCellId: string | undefined;
      verify?: (tenant: Tenant, target: Cell) => void;
    },
  ): Promise<PlacementRecord>;
  /** Placement history of a tenant, oldest first. */
  listPlacementHistory(tenantId: string): Promise<PlacementRecord[]>;
  /** Number of history rows of every tenant. */
  countPlacementRecords(): Promise<number>;
}
