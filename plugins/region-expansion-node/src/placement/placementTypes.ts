import type {
  Cell,
  CellIsolation,
  CellSpec,
  ControlPlane,
  Location,
  PlacementReadinessLevel,
  PlacementStrategy,
  Tenant,
} from '@region-expansion/plugin-region-expansion-common';
import type { LocationCatalog } from '../locations/LocationCatalog';
import type { CellIndex } from './CellIndex';
import type { CellState } from './cellState';
import type { ReadinessLookup } from './readiness';

/**
 * What a placement needs to know about a tenant (a stored tenant or a
 * what-if profile).
 *
 * @public
 */
export type PlacementTenant = Pick<
  Tenant,
  'id' | 'tier' | 'residency' | 'classification' | 'loadUnits' | 'quotaUsage'
> & { cellId?: string };

/**
 * Inputs of {@link PlacementEngine.create}.
 *
 * @public
 */
export interface PlacementEngineOptions {
  /** Every cell, any lifecycle, with its current usage. */
  cells: Cell[];
  /** Locations, including Local Zones and Outposts that cells use. */
  catalog: LocationCatalog;
  /** Every control plane the cells refer to. */
  controlPlanes: ControlPlane[];
  /** The spec new cells are built from (named in `cellToCreate`). */
  cellSpec: CellSpec;
  /** Readiness levels; defaults to {@link unknownReadiness}. */
  readiness?: ReadinessLookup;
  /**
   * What to do with a cell that breaks a domain rule (see
   * `assertCellAllowed`) or names an unknown location or control plane:
   * `throw` (the default, for cells given as input) or `skip` it, keeping
   * the reason in {@link PlacementEngine.skippedCells} and in the
   * explanation of the decisions it could have changed (for stored cells:
   * one bad row must not stop placement for everyone).
   */
  invalidCells?: 'throw' | 'skip';
}

/**
 * A cell the engine left out because it breaks a domain rule.
 *
 * @public
 */
export interface SkippedCell {
  /** The stored cell left out. */
  cellId: string;
  /** Its location. */
  locationId: string;
  /** The offending field, such as `capacity.tenants`. */
  field: string;
  /** Why the cell breaks the rule. */
  reason: string;
}

/**
 * Options of {@link PlacementEngine.planMigration}.
 *
 * @public
 */
export interface MigrationOptions {
  /** Strategy when the target is a location. Defaults to `pack`. */
  strategy?: PlacementStrategy;
  /** See {@link @region-expansion/plugin-region-expansion-common#PlacementOptions}. */
  allowUnknownReadiness?: boolean;
  /** See {@link @region-expansion/plugin-region-expansion-common#PlacementOptions}. */
  allowProvisioning?: boolean;
  /** Move the usage in the engine when the plan is ok. Defaults to `false`. */
  commit?: boolean;
}

/**
 * Options of {@link PlacementEngine.whatIf}.
 *
 * @public
 */
export interface WhatIfOptions {
  /** Defaults to `pack`. */
  strategy?: PlacementStrategy;
  /** Defaults to `true`. */
  allowUnknownReadiness?: boolean;
  /** Defaults to `false`. */
  allowProvisioning?: boolean;
}

/** A skipped cell with what explanations need to judge its relevance. */
export interface SkippedEntry extends SkippedCell {
  isolation: CellIsolation;
  /** Undefined when the cell names an unknown location. */
  location: Location | undefined;
}

/** How one search looks for a cell. */
export interface SearchOptions {
  strategy: PlacementStrategy;
  allowUnknownReadiness: boolean;
  allowProvisioning: boolean;
  onlyLocationId?: string;
  excludeCellId?: string;
}

/** The cell a search chose, with its location and readiness. */
export interface Found {
  state: CellState;
  location: Location;
  level: PlacementReadinessLevel;
}

/** What the engine's parts read: its cells and the rules around them. */
export interface PlacementContext {
  catalog: LocationCatalog;
  index: CellIndex;
  readiness: ReadinessLookup;
  /** The spec new cells are built from. */
  spec: CellSpec;
  /** Sorted by id, so the control plane named for a new cell is stable. */
  controlPlanes: ControlPlane[];
  skipped: SkippedEntry[];
}
