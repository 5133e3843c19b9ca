import {
  Cell,
  CellLifecycle,
  ControlPlane,
  Location,
  LocationCellSummary,
} from '@region-expansion/plugin-region-expansion-common';

/**
 * Filter of {@link EstateStore.listCells}.
 *
 * @public
 */
export interface CellFilter {
  /** Only cells in this partition. */
  partition?: string;
  /** Only cells in this location. */
  locationId?: string;
  /** Only cells in this lifecycle state. */
  lifecycle?: CellLifecycle;
  /** Only cells managed by this control plane. */
  controlPlaneId?: string;
}

/**
 * Changes to a cell's operator-controlled fields.
 *
 * @public
 */
export type CellChanges = Partial<
  Pick<Cell, 'name' | 'lifecycle' | 'specVersion' | 'capacity'>
>;

/**
 * What the estate needs stored: extra locations (Local Zones, Outposts),
 * control planes and cells. Cells' usage counters are changed by the
 * tenant and placement writes, never here.
 *
 * @public
 */
export interface EstateStore {
  /** Extra locations (Local Zones and Outposts), optionally of one partition. */
  listLocations(filter?: { partition?: string }): Promise<Location[]>;
  /** Adds a Local Zone or Outpost; `ConflictError` when the id exists. */
  addLocation(location: Location): Promise<Location>;

  /** All control planes, optionally of one partition. */
  listControlPlanes(filter?: { partition?: string }): Promise<ControlPlane[]>;
  /** One control plane, or `undefined`. */
  getControlPlane(id: string): Promise<ControlPlane | undefined>;
  /** Adds a control plane; `ConflictError` when the id exists. */
  addControlPlane(controlPlane: ControlPlane): Promise<ControlPlane>;

  /** Cells matching the filter, ordered by id. */
  listCells(filter?: CellFilter): Promise<Cell[]>;
  /**
   * Cell totals per location (one aggregate query), ordered by location id;
   * locations without cells are absent.
   */
  summarizeCellsByLocation(): Promise<LocationCellSummary[]>;
  /** One cell, or `undefined`. */
  getCell(id: string): Promise<Cell | undefined>;
  /** Number of cells; a seeder uses it to stay idempotent. */
  countCells(): Promise<number>;
  /**
   * Adds cells in one transaction; `ConflictError` when an id exists.
   * New cells start with the usage given (normally zero).
   */
  addCells(cells: Cell[]): Promise<Cell[]>;
  /**
   * Changes a cell inside a transaction. `decide` sees the current cell
   * (locked on PostgreSQL) and returns the changes, or throws to abort;
   * capacity below the usage is a `ConflictError` naming the field.
   */
  updateCell(id: string, decide: (current: Cell) => CellChanges): Promise<Cell>;
}
