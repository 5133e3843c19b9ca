import { z } from 'zod';
import { typeError } from './errors';
import { cellSpecSchema, loadUnitsSchema } from './cells';
import {
  residencySchema,
  quotaUsageSchema,
  tenantTierSchema,
  dataClassificationSchema,
} from './tenants';
import { idSchema } from './primitives';

/**
 * A placement strategy.
 *
 * @public
 */
export const placementStrategySchema = z.enum(['pack', 'spread']);

/**
 * Body of "place a tenant".
 *
 * @public
 */
export const placementRequestSchema = z.strictObject({
  tenantId: idSchema,
  strategy: placementStrategySchema.default('pack'),
  allowUnknownReadiness: z.boolean(typeError('true or false')).default(true),
  allowProvisioning: z.boolean(typeError('true or false')).default(false),
});

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
 * Body of "what if these tenants arrived": profiles and the cell spec new
 * cells would be built from. Nothing is written.
 *
 * @public
 */
export const whatIfRequestSchema = z.strictObject({
  profiles: z
    .array(
      z.strictObject({
        count: z
          .number(typeError('a number'))
          .int('must be a whole number')
          .min(1, 'must be at least 1')
          .max(
            WHAT_IF_LIMITS.tenants,
            `must be at most ${WHAT_IF_LIMITS.tenants}`,
          ),
        tier: tenantTierSchema,
        residency: residencySchema.default({}),
        classification: dataClassificationSchema,
        loadUnits: loadUnitsSchema,
        quotaUsage: quotaUsageSchema.optional(),
      }),
    )
    .min(1, 'must contain at least one profile')
    .max(
      WHAT_IF_LIMITS.profiles,
      `must contain at most ${WHAT_IF_LIMITS.profiles} profiles`,
    )
    .refine(
      profiles =>
        profiles.reduce((sum, p) => sum + p.count, 0) <= WHAT_IF_LIMITS.tenants,
      `must not add up to more than ${WHAT_IF_LIMITS.tenants} tenants`,
    ),
  spec: cellSpecSchema,
  strategy: placementStrategySchema.default('pack'),
});

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
export const migrationRequestSchema = z.strictObject({
  tenantId: idSchema,
  target: z.union(
    [
      z.strictObject({ cellId: idSchema }),
      z.strictObject({ locationId: idSchema }),
    ],
    { error: 'must be either { cellId } or { locationId }' },
  ),
  strategy: placementStrategySchema.default('pack'),
  commit: z.boolean(typeError('true or false')).default(false),
});

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
export const quotaPlanRequestSchema = z.strictObject({
  spec: cellSpecSchema,
  cellCount: z
    .number(typeError('a number'))
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(100_000, 'must be at most 100000'),
});

/**
 * Validated body of a quota plan request.
 *
 * @public
 */
export type QuotaPlanRequestInput = z.infer<typeof quotaPlanRequestSchema>;
