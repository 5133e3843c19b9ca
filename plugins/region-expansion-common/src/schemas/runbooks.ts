import { z } from 'zod';
import { typeError } from './errors';
import { idSchema } from './primitives';

/**
 * Bounds of one runbook request: a cell holds at most a few hundred tenants
 * in practice, and a reviewable runbook stays a few thousand steps long.
 *
 * @public
 */
export const RUNBOOK_LIMITS = {
  /** Tenants one request names, or an evacuated cell may hold. */
  tenants: 200,
} as const;

const tenantIdsSchema = z
  .array(idSchema, typeError('an array of tenant ids'))
  .min(1, 'must name at least one tenant')
  .max(
    RUNBOOK_LIMITS.tenants,
    `must name at most ${RUNBOOK_LIMITS.tenants} tenants`,
  )
  .superRefine((ids, ctx) => {
    const seen = new Set<string>();
    ids.forEach((id, index) => {
      if (seen.has(id)) {
        ctx.addIssue({
          code: 'custom',
          path: [index],
          message: `tenant ${id} is named twice`,
        });
      }
      seen.add(id);
    });
  })
  .describe(`Tenants to move, 1 to ${RUNBOOK_LIMITS.tenants}, each once`);

/**
 * Body of "plan a migration runbook": move named tenants to a cell or a
 * location, evacuate every tenant of a cell, or move tenants into a
 * partition. Nothing is written.
 *
 * @public
 */
export const runbookRequestSchema = z
  .discriminatedUnion(
    'kind',
    [
      z.strictObject({
        kind: z.literal('tenants'),
        tenantIds: tenantIdsSchema,
        target: z.union(
          [
            z.strictObject({ cellId: idSchema }),
            z.strictObject({ locationId: idSchema }),
          ],
          { error: 'must be either { cellId } or { locationId }' },
        ),
      }),
      z.strictObject({
        kind: z.literal('evacuate-cell'),
        cellId: idSchema.describe('Cell whose every tenant moves out'),
        target: z
          .strictObject({ locationId: idSchema })
          .optional()
          .describe("Where the tenants go; default the cell's own location"),
      }),
      z.strictObject({
        kind: z.literal('into-partition'),
        tenantIds: tenantIdsSchema,
        partition: idSchema.describe('Partition the tenants move into'),
      }),
    ],
    { error: 'must be one of tenants, evacuate-cell, into-partition' },
  )
  .meta({ id: 'RunbookRequest' });

/**
 * Validated body of a runbook request.
 *
 * @public
 */
export type RunbookRequestInput = z.output<typeof runbookRequestSchema>;

/**
 * The kinds of runbook step, in the order a tenant's steps run.
 *
 * @public
 */
export const RUNBOOK_STEP_KINDS = [
  'metadata',
  'data-copy',
  'key-rewrap',
  'cutover',
  'verify',
  'rollback',
] as const;

/**
 * An amount of money.
 *
 * @public
 */
export const runbookMoneySchema = z
  .object({
    amount: z.number().describe('Amount, rounded to the cent'),
    currency: z.string().describe('ISO 4217 currency, e.g. USD'),
  })
  .meta({ id: 'RunbookMoney' });

/**
 * One step of a runbook.
 *
 * @public
 */
export const runbookStepSchema = z
  .object({
    n: z.number().int().describe('Position in the runbook, from 1'),
    kind: z.enum(RUNBOOK_STEP_KINDS).meta({ id: 'RunbookStepKind' }),
    tenantId: z.string(),
    store: z
      .string()
      .optional()
      .describe('Data store the step moves, e.g. dynamodb or s3'),
    from: z.string().describe('Location the step moves from'),
    to: z.string().describe('Location the step moves to'),
    residency: z
      .object({
        allowed: z.literal(true),
        rule: z.string().describe('The residency rule that decides the step'),
        detail: z.string(),
      })
      .describe(
        'Residency check of the step; a step that breaks residency refuses the whole request',
      ),
    estimatedMinutes: z.number().describe('Estimated duration'),
    estimatedCost: runbookMoneySchema
      .optional()
      .describe('Data-transfer cost of the step, when priced'),
    rollback: z.string().describe('How to undo the step'),
    detail: z.string().describe('What the step does'),
  })
  .meta({ id: 'RunbookStep' });

/**
 * A runbook: the moves, the ordered steps and the totals. The same request
 * against the same estate gives the same id.
 *
 * @public
 */
export const runbookSchema = z
  .object({
    id: z
      .string()
      .describe(
        'Content hash of the request and the estate version it was planned against',
      ),
    estateVersion: z
      .string()
      .describe(
        'Hash of the tenants and cells the runbook was planned against',
      ),
    moves: z.array(
      z.object({
        tenantId: z.string(),
        fromCellId: z.string(),
        toCellId: z.string(),
        fromLocationId: z.string(),
        toLocationId: z.string(),
      }),
    ),
    steps: z.array(runbookStepSchema),
    totals: z.object({
      estimatedMinutes: z.number(),
      estimatedCost: runbookMoneySchema
        .optional()
        .describe('Sum of the priced steps; absent when any is unpriced'),
      noPrice: z
        .string()
        .optional()
        .describe('Why there is no cost; present exactly when cost is absent'),
    }),
    assumptions: z
      .array(z.string())
      .describe('The assumptions behind the estimates'),
  })
  .meta({ id: 'Runbook' });

/**
 * A runbook as the API answers it.
 *
 * @public
 */
export type Runbook = z.output<typeof runbookSchema>;

/**
 * One step of a runbook.
 *
 * @public
 */
export type RunbookStep = z.output<typeof runbookStepSchema>;

/**
 * What a runbook step's execution ended in; `skipped-dry-run` records a
 * step a dry run only described.
 *
 * @public
 */
export const RUNBOOK_STEP_STATUSES = [
  'done',
  'failed',
  'skipped-dry-run',
] as const;

/**
 * Body of "record a runbook step's progress on the tenant's history".
 *
 * @public
 */
export const runbookProgressInputSchema = z
  .strictObject({
    runbookId: z
      .string(typeError('a string'))
      .regex(
        /^rb-[0-9a-f]{24}$/,
        'must be a runbook id such as rb-0123456789abcdef01234567',
      ),
    step: z
      .number(typeError('a number'))
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(
        RUNBOOK_LIMITS.tenants * RUNBOOK_STEP_KINDS.length * 16,
        'must be a step of a runbook',
      )
      .describe('The step number `n` of the runbook'),
    kind: z.enum(RUNBOOK_STEP_KINDS, {
      error: `must be one of ${RUNBOOK_STEP_KINDS.join(', ')}`,
    }),
    status: z.enum(RUNBOOK_STEP_STATUSES, {
      error: `must be one of ${RUNBOOK_STEP_STATUSES.join(', ')}`,
    }),
    detail: z
      .string(typeError('a string'))
      .max(1000, 'must be at most 1000 characters')
      .optional()
      .describe('What happened, in words'),
  })
  .meta({ id: 'RunbookProgressInput' });

/**
 * Validated body of a runbook progress record.
 *
 * @public
 */
export type RunbookProgressInput = z.output<typeof runbookProgressInputSchema>;

/**
 * A recorded runbook step on a tenant's history.
 *
 * @public
 */
export const runbookProgressRecordSchema = z
  .object({
    tenantId: z.string(),
    runbookId: z.string(),
    step: z.number().int(),
    kind: z.enum(RUNBOOK_STEP_KINDS),
    status: z.enum(RUNBOOK_STEP_STATUSES),
    detail: z.string().optional(),
    actor: z.string().describe('Who recorded it'),
    at: z.iso.datetime().describe('When'),
  })
  .meta({ id: 'RunbookProgressRecord' });

/**
 * A recorded runbook step on a tenant's history.
 *
 * @public
 */
export type RunbookProgressRecord = z.output<
  typeof runbookProgressRecordSchema
>;
