import { z } from 'zod';
import { typeError } from './errors';
import { cellSpecSchema } from './cells';
import {
  residencySchema,
  quotaUsageSchema,
  tenantTierSchema,
  dataClassificationSchema,
} from './tenants';
import { amountSchema, idSchema } from './primitives';

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

/** Upper bound of tenants in one what-if, to keep a request bounded in time. */
const MAX_WHAT_IF_TENANTS = 1_000_000;

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
          .max(MAX_WHAT_IF_TENANTS, `must be at most ${MAX_WHAT_IF_TENANTS}`),
        tier: tenantTierSchema,
        residency: residencySchema.default({}),
        classification: dataClassificationSchema,
        loadUnits: amountSchema,
        quotaUsage: quotaUsageSchema.optional(),
      }),
    )
    .min(1, 'must contain at least one profile')
    .refine(
      profiles =>
        profiles.reduce((sum, p) => sum + p.count, 0) <= MAX_WHAT_IF_TENANTS,
      `must not add up to more than ${MAX_WHAT_IF_TENANTS} tenants`,
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
