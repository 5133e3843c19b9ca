import type { z } from 'zod';
import type {
  migrationOutcomeSchema,
  migrationPlanSchema,
  placementDecisionSchema,
  placementOutcomeSchema,
  placementPlacedSchema,
  placementRecordSchema,
  placementUnplaceableSchema,
  quotaRequestSchema,
  tenantProfileSchema,
  whatIfResultSchema,
} from '../schemas/placement';
import type { ReadinessLevel } from './readiness';

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
export type PlacementRejection = PlacementUnplaceable['rejections'][number];

/**
 * A cell the operator should create so an unplaceable tenant fits.
 *
 * @public
 */
export type CellToCreate = NonNullable<PlacementUnplaceable['cellToCreate']>;

/**
 * A successful placement.
 *
 * @public
 */
export type PlacementPlaced = z.output<typeof placementPlacedSchema>;

/**
 * A placement that found no cell.
 *
 * @public
 */
export type PlacementUnplaceable = z.output<typeof placementUnplaceableSchema>;

/**
 * Result of a placement decision.
 *
 * @public
 */
export type PlacementDecision = z.output<typeof placementDecisionSchema>;

/**
 * A stored placement event.
 *
 * @public
 */
export type PlacementRecord = z.output<typeof placementRecordSchema>;

/**
 * A group of hypothetical tenants for a what-if run.
 *
 * @public
 */
export type TenantProfile = z.output<typeof tenantProfileSchema>;

/**
 * Quota increase needed for a number of cells built from a spec.
 *
 * @public
 */
export type QuotaRequest = z.output<typeof quotaRequestSchema>;

/**
 * Result of a what-if run: nothing is written and the engine is unchanged.
 *
 * @public
 */
export type WhatIfResult = z.output<typeof whatIfResultSchema>;

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
export type MigrationViolation = Extract<
  MigrationPlan,
  { ok: false }
>['violations'][number];

/**
 * Result of planning a migration.
 *
 * @public
 */
export type MigrationPlan = z.output<typeof migrationPlanSchema>;

/**
 * Answer of `POST /placements`: the engine's decision and, when it placed
 * the tenant, the stored record.
 *
 * @public
 */
export type PlacementOutcome = z.output<typeof placementOutcomeSchema>;

/**
 * Answer of `POST /placements/migration-plan`: the engine's plan and, when
 * the move was committed, the stored record.
 *
 * @public
 */
export type MigrationOutcome = z.output<typeof migrationOutcomeSchema>;
