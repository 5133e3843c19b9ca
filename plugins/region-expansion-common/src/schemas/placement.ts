import { z } from 'zod';
import { typeError } from './errors';
import { cellIsolationSchema, cellSpecSchema, loadUnitsSchema } from './cells';
import {
  residencySchema,
  quotaUsageSchema,
  tenantTierSchema,
  dataClassificationSchema,
} from './tenants';
import { idSchema } from './primitives';

/** A true-or-false body field, its default taken when it is absent. */
function flagSchema(defaultValue: boolean, description: string) {
  return z
    .boolean(typeError('true or false'))
    .default(defaultValue)
    .describe(description);
}

/**
 * A placement strategy.
 *
 * @public
 */
export const placementStrategySchema = z
  .enum(['pack', 'spread'])
  .meta({ id: 'PlacementStrategy' });

/**
 * Body of "place a tenant".
 *
 * @public
 */
export const placementRequestSchema = z
  .strictObject({
    tenantId: idSchema,
    strategy: placementStrategySchema.default('pack'),
    allowUnknownReadiness: flagSchema(
      true,
      'Whether locations without a readiness evaluation may take the tenant; restricted data never goes to a location that is not `ready`',
    ),
    allowProvisioning: flagSchema(
      false,
      'Whether `provisioning` cells may take the tenant',
    ),
  })
  .meta({ id: 'PlacementRequest' });

/**
 * Validated body of "place a tenant".
 *
 * @public
 */
export type PlacementRequestInput = z.infer<typeof placementRequestSchema>;

/**
 * Bounds of one what-if request. The portal's form sends one profile of a
 * typed number of tenants; a forecast for a new location needs thousands,
 * not millions. Every tenant may need a new cell, so the bound also bounds
 * the cells the engine builds for the answer.
 *
 * @public
 */
export const WHAT_IF_LIMITS = {
  /** Tenants across all profiles of one request. */
  tenants: 10_000,
  /** Profiles of one request. */
  profiles: 20,
} as const;

/**
 * One profile of a what-if request: how many tenants of one shape.
 *
 * @public
 */
export const tenantProfileSchema = z
  .strictObject({
    count: z
      .number(typeError('a number'))
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(WHAT_IF_LIMITS.tenants, `must be at most ${WHAT_IF_LIMITS.tenants}`),
    tier: tenantTierSchema,
    residency: residencySchema.default({}),
    classification: dataClassificationSchema,
    loadUnits: loadUnitsSchema,
    quotaUsage: quotaUsageSchema.optional(),
  })
  .meta({
    id: 'TenantProfile',
    description: 'A group of hypothetical tenants of one shape',
  });

/**
 * Body of "what if these tenants arrived": profiles and the cell spec new
 * cells would be built from. Nothing is written.
 *
 * @public
 */
export const whatIfRequestSchema = z
  .strictObject({
    profiles: z
      .array(tenantProfileSchema)
      .min(1, 'must contain at least one profile')
      .max(
        WHAT_IF_LIMITS.profiles,
        `must contain at most ${WHAT_IF_LIMITS.profiles} profiles`,
      )
      .refine(
        profiles =>
          profiles.reduce((sum, p) => sum + p.count, 0) <=
          WHAT_IF_LIMITS.tenants,
        `must not add up to more than ${WHAT_IF_LIMITS.tenants} tenants`,
      )
      .describe(`At most ${WHAT_IF_LIMITS.tenants} tenants in total`),
    spec: cellSpecSchema,
    strategy: placementStrategySchema.default('pack'),
  })
  .meta({ id: 'WhatIfRequest' });

/**
 * Validated body of a what-if request.
 *
 * @public
 */
export type WhatIfRequestInput = z.infer<typeof whatIfRequestSchema>;

/**
 * Body of "move a tenant": to a named cell, or to the best cell in a
 * location. `commit: false` only checks.
 *
 * @public
 */
export const migrationRequestSchema = z
  .strictObject({
    tenantId: idSchema,
    target: z.union(
      [
        z.strictObject({ cellId: idSchema }),
        z.strictObject({ locationId: idSchema }),
      ],
      { error: 'must be either { cellId } or { locationId }' },
    ),
    strategy: placementStrategySchema.default('pack'),
    commit: flagSchema(
      false,
      'Perform the move; without it the move is only checked',
    ),
  })
  .meta({ id: 'MigrationRequest' });

/**
 * Validated body of a migration request.
 *
 * @public
 */
export type MigrationRequestInput = z.infer<typeof migrationRequestSchema>;

/**
 * Body of "which quota increases do N cells of this spec need".
 *
 * @public
 */
export const quotaPlanRequestSchema = z
  .strictObject({
    spec: cellSpecSchema,
    cellCount: z
      .number(typeError('a number'))
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(100_000, 'must be at most 100000'),
  })
  .meta({ id: 'QuotaPlanRequest' });

/**
 * Validated body of a quota plan request.
 *
 * @public
 */
export type QuotaPlanRequestInput = z.infer<typeof quotaPlanRequestSchema>;

// -------------------------------------------------------------- responses

const placementConstraintSchema = z.enum([
  'partition',
  'residency',
  'tier',
  'lifecycle',
  'readiness',
  'headroom',
]);

/**
 * A successful placement decision.
 *
 * @public
 */
export const placementPlacedSchema = z.object({
  outcome: z.literal('placed'),
  cellId: z.string().describe('Chosen cell'),
  locationId: z.string().describe('Location of the chosen cell'),
  readiness: z
    .enum(['ready', 'pilot', 'blocked', 'unknown'])
    .describe(
      'Readiness of the location when the decision was made; `unknown` when none was evaluated, never treated as `ready`',
    ),
  reason: z
    .string()
    .describe('Sentence naming location, cell, strategy and headroom'),
  warnings: z
    .array(z.string())
    .describe('Things the reader should know (for example unknown readiness)'),
});

/**
 * A placement decision that found no cell.
 *
 * @public
 */
export const placementUnplaceableSchema = z.object({
  outcome: z.literal('unplaceable'),
  reason: z.string().describe('Summary'),
  rejections: z
    .array(
      z.object({
        constraint: placementConstraintSchema.describe(
          'The constraint that ruled the cells out',
        ),
        cellsRuledOut: z
          .number()
          .int()
          .describe('Cells this constraint ruled out (after earlier ones)'),
        detail: z.string(),
      }),
    )
    .describe('Per constraint, how many cells it ruled out'),
  cellToCreate: z
    .object({
      locationId: z.string().describe('Location for the new cell'),
      isolation: cellIsolationSchema,
      specVersion: z.string().describe('Cell spec version to build it from'),
      controlPlaneId: z
        .string()
        .optional()
        .describe(
          'Control plane that would manage it, when one manages the location',
        ),
      reason: z.string().describe('Why this location'),
    })
    .optional()
    .describe(
      'The cell to create so the tenant fits; absent when no location satisfies partition, residency and readiness',
    ),
});

/**
 * Result of a placement decision.
 *
 * @public
 */
export const placementDecisionSchema = z
  .discriminatedUnion('outcome', [
    placementPlacedSchema,
    placementUnplaceableSchema,
  ])
  .meta({ id: 'PlacementDecision' });

/**
 * A stored placement event.
 *
 * @public
 */
export const placementRecordSchema = z
  .object({
    tenantId: z.string().describe('Tenant placed or migrated'),
    fromCellId: z.string().optional().describe('Previous cell, for migrations'),
    cellId: z.string().describe('Cell the tenant went to'),
    reason: z.string().describe('Reason, as decided'),
    strategy: z
      .enum(['pack', 'spread', 'manual'])
      .describe('Strategy used (`manual` for an operator-chosen target)'),
    at: z.iso.datetime().describe('When'),
    kind: z.enum(['placed', 'migrated']).describe('First placement or a move'),
  })
  .meta({ id: 'PlacementRecord' });

/**
 * Answer of `POST /placements`: the decision, and the record when placed.
 *
 * @public
 */
export const placementOutcomeSchema = z
  .object({
    decision: placementDecisionSchema,
    record: placementRecordSchema.optional(),
  })
  .meta({ id: 'PlacementOutcome' });

/**
 * A quota increase needed for a number of cells built from a spec.
 *
 * @public
 */
export const quotaRequestSchema = z
  .object({
    serviceCode: z.string().describe('Service Quotas service code'),
    quotaCode: z.string().describe('Service Quotas quota code'),
    quotaName: z.string(),
    perCell: z.number().describe('Amount one cell needs'),
    cellCount: z.number().int(),
    total: z.number().describe('`perCell × cellCount`'),
  })
  .meta({ id: 'QuotaRequest' });

/**
 * Result of a what-if run: nothing is written and the engine is unchanged.
 *
 * @public
 */
export const whatIfResultSchema = z
  .object({
    requested: z.number().int().describe('Tenants requested in total'),
    placedInExistingCells: z.number().int(),
    placedInNewCells: z
      .number()
      .int()
      .describe('Tenants placed into cells the run had to create'),
    unplaceable: z
      .object({ count: z.number().int(), reasons: z.array(z.string()) })
      .describe(
        'Tenants that fit nowhere, even in new cells, with the reasons',
      ),
    cellsToCreate: z
      .array(
        z.object({
          locationId: z.string(),
          isolation: cellIsolationSchema,
          count: z.number().int(),
        }),
      )
      .describe('New cells per location and isolation'),
    quotaRequests: z
      .array(quotaRequestSchema)
      .describe('Quota requests for all new cells'),
  })
  .meta({ id: 'WhatIfResult' });

/**
 * Result of planning a migration: the target cell, or every violated
 * constraint (`target` when the target does not exist).
 *
 * @public
 */
export const migrationPlanSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), cellId: z.string(), reason: z.string() }),
  z.object({
    ok: z.literal(false),
    violations: z.array(
      z.object({
        constraint: z.enum([...placementConstraintSchema.options, 'target']),
        detail: z.string(),
      }),
    ),
  }),
]);

/**
 * Answer of `POST /placements/migration-plan`: the plan, and the record
 * when a move was committed.
 *
 * @public
 */
export const migrationOutcomeSchema = z
  .object({
    plan: migrationPlanSchema,
    record: placementRecordSchema.optional(),
  })
  .meta({ id: 'MigrationOutcome' });
