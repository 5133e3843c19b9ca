import { z } from 'zod';
import { typeError } from './errors';
import {
  accountIdSchema,
  amountSchema,
  countSchema,
  idSchema,
  nameSchema,
} from './primitives';

/**
 * A cell lifecycle state.
 *
 * @public
 */
export const cellLifecycleSchema = z
  .enum(['planned', 'provisioning', 'active', 'draining', 'retired'])
  .meta({ id: 'CellLifecycle' });

/**
 * A cell isolation model.
 *
 * @public
 */
export const cellIsolationSchema = z
  .enum(['pooled', 'dedicated'])
  .meta({ id: 'CellIsolation' });

/**
 * Bounds of the numbers a cell, a tenant or a what-if may state. Far above
 * any real cell (a cell is a bounded copy of the application plane), and
 * low enough that sums stay exact and fit the store's columns.
 *
 * @public
 */
export const CAPACITY_LIMITS = {
  /** Tenant slots of one cell. */
  tenants: 1_000_000,
  /** Load units of one cell or one tenant. */
  loadUnits: 1_000_000_000,
  /** Amount of one named quota. */
  quotaAmount: 1_000_000_000,
  /** Named quotas of one cell or one tenant. */
  quotaNames: 32,
  /** Characters of a quota name. */
  quotaNameLength: 64,
} as const;

/**
 * A load-unit amount: non-negative, finite, at most
 * {@link CAPACITY_LIMITS}.loadUnits.
 *
 * @public
 */
export const loadUnitsSchema = amountSchema
  .max(
    CAPACITY_LIMITS.loadUnits,
    `must be at most ${CAPACITY_LIMITS.loadUnits}`,
  )
  .meta({ id: 'LoadUnits' });

/**
 * Named quotas with their amounts (a cell's limits or usage, a tenant's
 * use): at most {@link CAPACITY_LIMITS}.quotaNames names of at most
 * {@link CAPACITY_LIMITS}.quotaNameLength characters.
 *
 * @public
 */
export const quotaAmountsSchema = z
  .record(
    z
      .string()
      .min(1, 'quota name must not be empty')
      .max(
        CAPACITY_LIMITS.quotaNameLength,
        `quota name must be at most ${CAPACITY_LIMITS.quotaNameLength} characters`,
      ),
    amountSchema.max(
      CAPACITY_LIMITS.quotaAmount,
      `must be at most ${CAPACITY_LIMITS.quotaAmount}`,
    ),
  )
  .refine(
    quotas => Object.keys(quotas).length <= CAPACITY_LIMITS.quotaNames,
    `must name at most ${CAPACITY_LIMITS.quotaNames} quotas`,
  )
  .meta({
    id: 'Quotas',
    description: `At most ${CAPACITY_LIMITS.quotaNames} quota names of at most ${CAPACITY_LIMITS.quotaNameLength} characters`,
    maxProperties: CAPACITY_LIMITS.quotaNames,
  });

/**
 * A capacity vector (limits or usage).
 *
 * @public
 */
export const capacitySchema = z
  .strictObject({
    tenants: countSchema
      .max(
        CAPACITY_LIMITS.tenants,
        `must be at most ${CAPACITY_LIMITS.tenants}`,
      )
      .describe('Number of tenants'),
    loadUnits: loadUnitsSchema.describe(
      'Abstract load units (requests, storage, compute: whatever the spec sizes)',
    ),
    quotas: quotaAmountsSchema
      .default({})
      .describe(
        'Named, bounded resources, keyed by quota name (for example `dedicatedDataStores`). A quota the cell does not list is not bounded by the cell spec.',
      ),
  })
  .meta({
    id: 'Capacity',
    description:
      "A capacity vector: used both for a cell's limits and for its current usage",
  });

/**
 * A cell spec version: letters, digits, dots and hyphens.
 *
 * @public
 */
export const specVersionSchema = z
  .string(typeError('a string'))
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9.-]{0,31}$/,
    'must be 1-32 letters, digits, dots or hyphens such as 2024.1',
  )
  .meta({ id: 'SpecVersion' });

/**
 * Body of "create a cell". Partition comes from the location; lifecycle
 * starts at `planned` unless stated.
 *
 * @public
 */
export const createCellSchema = z
  .strictObject({
    id: idSchema,
    name: nameSchema,
    locationId: idSchema,
    controlPlaneId: idSchema,
    lifecycle: cellLifecycleSchema.default('planned'),
    isolation: cellIsolationSchema,
    accountId: accountIdSchema,
    specVersion: specVersionSchema,
    capacity: capacitySchema,
  })
  .meta({ id: 'CreateCell' });

/**
 * Validated body of "create a cell".
 *
 * @public
 */
export type CreateCellInput = z.infer<typeof createCellSchema>;

/**
 * Body of "change a cell": name, lifecycle (checked against the legal
 * transitions by the service), spec version or capacity.
 *
 * @public
 */
export const updateCellSchema = z
  .strictObject({
    name: nameSchema.optional(),
    lifecycle: cellLifecycleSchema.optional(),
    specVersion: specVersionSchema.optional(),
    capacity: capacitySchema.optional(),
  })
  .refine(v => Object.keys(v).length > 0, 'must change at least one field')
  .meta({ id: 'UpdateCell', minProperties: 1 });

/**
 * Validated body of "change a cell".
 *
 * @public
 */
export type UpdateCellInput = z.infer<typeof updateCellSchema>;

/** Service quotas one cell spec may list. */
const MAX_SPEC_SERVICE_QUOTAS = 50;

/**
 * A standard cell specification with the service quotas one cell needs.
 *
 * @public
 */
export const cellSpecSchema = z
  .strictObject({
    version: specVersionSchema,
    isolation: cellIsolationSchema,
    capacity: capacitySchema,
    serviceQuotas: z
      .array(
        z.strictObject({
          serviceCode: z
            .string(typeError('a string'))
            .regex(
              /^[a-z0-9-]+$/,
              'must be a Service Quotas service code such as lambda',
            ),
          quotaCode: z
            .string(typeError('a string'))
            .regex(
              /^L-[0-9A-F]{8}$/,
              'must be a Service Quotas quota code such as L-B99A9384',
            ),
          quotaName: nameSchema,
          perCell: amountSchema.max(
            CAPACITY_LIMITS.quotaAmount,
            `must be at most ${CAPACITY_LIMITS.quotaAmount}`,
          ),
        }),
      )
      .max(
        MAX_SPEC_SERVICE_QUOTAS,
        `must list at most ${MAX_SPEC_SERVICE_QUOTAS} service quotas`,
      ),
  })
  .meta({
    id: 'CellSpec',
    description:
      'The standard resource specification of a cell, with the service quotas one cell needs',
  });

/**
 * Validated cell specification.
 *
 * @public
 */
export type CellSpecInput = z.infer<typeof cellSpecSchema>;

/**
 * A cell as the API answers it.
 *
 * @public
 */
export const cellSchema = z
  .object({
    id: z.string().describe('Unique id'),
    name: z.string().describe('Human name'),
    locationId: z.string().describe('Location the cell runs in'),
    partition: z
      .string()
      .describe('Partition of the location (denormalised for filtering)'),
    controlPlaneId: z.string().describe('Control plane that manages the cell'),
    lifecycle: cellLifecycleSchema,
    isolation: cellIsolationSchema,
    accountId: z
      .string()
      .describe('AWS account id (12 digits) the cell lives in'),
    specVersion: z
      .string()
      .describe('Version of the cell spec the cell was built from'),
    capacity: capacitySchema.describe('Limits'),
    usage: capacitySchema.describe('Current usage; never above `capacity`'),
  })
  .meta({
    id: 'Cell',
    description:
      'One standard, capacity-bounded copy of the application plane in a location',
  });
