import type { CellIsolation } from './cells';
import type { ReadinessLevel } from './readiness';
import type { DataClassification, Residency, TenantTier } from './tenants';

/**
 * How the placement engine picks among cells that fit:
 * `pack` fills the fullest cell that still fits (best fit, fewer cells),
 * `spread` picks the emptiest (more headroom per tenant).
 *
 * @public
 */
export type PlacementStrategy = 'pack' | 'spread';

/**
 * The constraints a placement checks, in the order they are applied.
 *
 * @public
 */
export type PlacementConstraint =
  | 'partition'
  | 'residency'
  | 'tier'
  | 'lifecycle'
  | 'readiness'
  | 'headroom';

/**
 * Readiness level of a location as placement sees it. `unknown` means no
 * evaluation exists: it is never treated as `ready`.
 *
 * @public
 */
export type PlacementReadinessLevel = ReadinessLevel | 'unknown';

/**
 * Options of one placement decision.
 *
 * @public
 */
export interface PlacementOptions {
  /** Selection strategy among cells that fit. */
  strategy: PlacementStrategy;
  /**
   * Whether locations without a readiness evaluation may take the tenant
   * (the decision then says readiness is unknown). Defaults to `true`.
   * Restricted data never goes to a location that is not `ready`.
   */
  allowUnknownReadiness?: boolean;
  /** Whether `provisioning` cells may take tenants. Defaults to `false`. */
  allowProvisioning?: boolean;
  /** Whether to record the usage in the engine. Defaults to `false`. */
  commit?: boolean;
}

/**
 * Why a set of cells could not take the tenant.
 *
 * @public
 */
export interface PlacementRejection {
  /** The constraint that ruled the cells out. */
  constraint: PlacementConstraint;
  /** How many cells this constraint ruled out (after earlier constraints). */
  cellsRuledOut: number;
  /** Human explanation. */
  detail: string;
}

/**
 * A cell the operator should create so an unplaceable tenant fits.
 *
 * @public
 */
export interface CellToCreate {
  /** Location for the new cell. */
  locationId: string;
  /** Isolation of the new cell. */
  isolation: CellIsolation;
  /** Cell spec version to build it from. */
  specVersion: string;
  /** Control plane that would manage it, when one manages the location. */
  controlPlaneId?: string;
  /** Why this location. */
  reason: string;
}

/**
 * A successful placement.
 *
 * @public
 */
export interface PlacementPlaced {
  /** Discriminator. */
  outcome: 'placed';
  /** Chosen cell. */
  cellId: string;
  /** Location of the chosen cell. */
  locationId: string;
  /** Readiness of the location when the decision was made. */
  readiness: PlacementReadinessLevel;
  /** Human sentence naming location, cell, strategy and headroom. */
  reason: string;
  /** Things the reader should know (for example unknown readiness). */
  warnings: string[];
}

/**
 * A placement that found no cell.
 *
 * @public
 */
export interface PlacementUnplaceable {
  /** Discriminator. */
  outcome: 'unplaceable';
  /** Human summary. */
  reason: string;
  /** Per constraint, how many cells it ruled out. */
  rejections: PlacementRejection[];
  /**
   * The cell to create so the tenant fits; absent when no location satisfies
   * partition, residency and readiness.
   */
  cellToCreate?: CellToCreate;
}

/**
 * Result of a placement decision.
 *
 * @public
 */
export type PlacementDecision = PlacementPlaced | PlacementUnplaceable;

/**
 * A stored placement event.
 *
 * @public
 */
export interface PlacementRecord {
  /** Tenant placed or migrated. */
  tenantId: string;
  /** Previous cell, for migrations. */
  fromCellId?: string;
  /** Cell the tenant went to. */
  cellId: string;
  /** Human reason, as decided. */
  reason: string;
  /** Strategy used (`manual` for an operator-chosen migration target). */
  strategy: PlacementStrategy | 'manual';
  /** When, as an ISO 8601 timestamp. */
  at: string;
  /** First placement or a move. */
  kind: 'placed' | 'migrated';
}

/**
 * A group of hypothetical tenants for a what-if run.
 *
 * @public
 */
export interface TenantProfile {
  /** How many tenants of this shape. */
  count: number;
  /** Isolation tier. */
  tier: TenantTier;
  /** Residency requirement. */
  residency: Residency;
  /** Data classification. */
  classification: DataClassification;
  /** Load units per tenant. */
  loadUnits: number;
  /** Named quotas per tenant. */
  quotaUsage?: Record<string, number>;
}

/**
 * Quota increase needed for a number of cells built from a spec.
 *
 * @public
 */
export interface QuotaRequest {
  /** Service Quotas service code. */
  serviceCode: string;
  /** Service Quotas quota code. */
  quotaCode: string;
  /** Human name of the quota. */
  quotaName: string;
  /** Amount one cell needs. */
  perCell: number;
  /** Number of cells. */
  cellCount: number;
  /** `perCell × cellCount`. */
  total: number;
}

/**
 * Result of a what-if run: nothing is written and the engine is unchanged.
 *
 * @public
 */
export interface WhatIfResult {
  /** Tenants requested in total. */
  requested: number;
  /** Tenants placed into existing cells. */
  placedInExistingCells: number;
  /** Tenants placed into cells the run had to create. */
  placedInNewCells: number;
  /** Tenants that fit nowhere, even in new cells, with the reasons. */
  unplaceable: { count: number; reasons: string[] };
  /** New cells per location and isolation. */
  cellsToCreate: {
    locationId: string;
    isolation: CellIsolation;
    count: number;
  }[];
  /** Quota requests for all new cells. */
  quotaRequests: QuotaRequest[];
}

/**
 * Where a tenant should move: a specific cell, or the best cell in a location.
 *
 * @public
 */
export type MigrationTarget = { cellId: string } | { locationId: string };

/**
 * One constraint a migration target violates.
 *
 * @public
 */
export interface MigrationViolation {
  /** The violated constraint; `target` when the target does not exist. */
  constraint: PlacementConstraint | 'target';
  /** Human explanation. */
  detail: string;
}

/**
 * Result of planning a migration.
 *
 * @public
 */
export type MigrationPlan =
  | { ok: true; cellId: string; reason: string }
  | { ok: false; violations: MigrationViolation[] };
