import { z } from 'zod';
import { READINESS_CHECKS } from '../types/readiness';
import type { ReadinessCheck } from '../types/readiness';
import { typeError } from './errors';
import {
  cursorWithoutOffset,
  keysetPageQueryShape,
  PAGE_LIMITS,
  pageOffsetSchema,
} from './paging';
import { idSchema } from './primitives';

const isoTime = z.iso.datetime({ offset: true });

const text = (max: number) =>
  z
    .string(typeError('a string'))
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`);

/**
 * A readiness check (see `READINESS_CHECKS`).
 *
 * @public
 */
export const readinessCheckSchema = z
  .enum(READINESS_CHECKS as [ReadinessCheck, ...ReadinessCheck[]], {
    error: `must be one of ${READINESS_CHECKS.join(', ')}`,
  })
  .meta({ id: 'ReadinessCheck' });

/**
 * A readiness level: `blocked` (a failing check), `pilot` (no failing
 * check, but some check warns or is unknown), `ready` (every check passes
 * or is waived).
 *
 * @public
 */
export const readinessLevelSchema = z
  .enum(['blocked', 'pilot', 'ready'], {
    error: 'must be one of blocked, pilot, ready',
  })
  .meta({ id: 'ReadinessLevel' });

/**
 * What started a readiness evaluation.
 *
 * @public
 */
export const readinessTriggerSchema = z
  .enum(['scheduled', 'startup', 'manual', 'waiver', 'footprint'])
  .meta({
    id: 'ReadinessTrigger',
    description:
      'The scheduled task, the first start of a backend with locations never evaluated, a user request, a waiver granted or revoked, or a new application-plane footprint',
  });

/**
 * Whether a stored waiver applies now.
 *
 * @public
 */
export const waiverStatusSchema = z
  .enum(['active', 'expired', 'revoked'], {
    error: 'must be one of active, expired, revoked',
  })
  .meta({
    id: 'WaiverStatus',
    description: '`active` (unrevoked and unexpired), `expired` or `revoked`',
  });

/**
 * A named reason a location cannot be used, with what to do about it.
 *
 * @public
 */
export const readinessBlockerSchema = z
  .object({
    check: readinessCheckSchema,
    service: z
      .string()
      .optional()
      .describe('SSM service code the blocker concerns, when it concerns one'),
    detail: z.string().describe('Why the check fails or stays open'),
    remediation: z.string().describe('What to do to clear the blocker'),
  })
  .meta({ id: 'ReadinessBlocker' });

/**
 * A scoped, expiring, approved exception to one readiness check at one
 * location.
 *
 * @public
 */
export const readinessWaiverSchema = z
  .object({
    locationId: z.string().describe('The location the waiver applies to'),
    check: readinessCheckSchema,
    reason: z.string().describe('Why the exception is granted'),
    approver: z.string().describe('Who approved the exception'),
    expiresAt: isoTime.describe(
      'Time after which the waiver no longer applies',
    ),
  })
  .meta({ id: 'ReadinessWaiver' });

/**
 * One typed readiness signal as a source reports it.
 *
 * @public
 */
export const readinessSignalSchema = z.object({
  status: z
    .enum(['pass', 'warn', 'fail', 'unknown'])
    .describe(
      'Outcome of the check; `unknown` (no evidence) never counts as `pass`',
    ),
  detail: z.string().describe('Summary of the evidence'),
  observedAt: z
    .string()
    .optional()
    .describe(
      'ISO 8601 time the evidence was observed; absent for derived signals',
    ),
  blockers: z
    .array(z.string())
    .describe('Named reasons that make the signal fail or warn'),
});

/**
 * A signal after evaluation: a missing signal filled in as `unknown`, and
 * the waiver that neutralises it, if one applies.
 *
 * @public
 */
export const evaluatedReadinessSignalSchema = readinessSignalSchema
  .extend({
    check: readinessCheckSchema,
    waived: z
      .boolean()
      .describe('True when an unexpired waiver neutralises this check'),
    waiver: readinessWaiverSchema
      .optional()
      .describe(
        'The waiver that neutralises the check; absent when none applies',
      ),
  })
  .meta({ id: 'EvaluatedReadinessSignal' });

const blockersShape = {
  blockers: z
    .array(readinessBlockerSchema)
    .describe('Failing, unwaived checks: any makes the level `blocked`'),
  openChecks: z
    .array(readinessBlockerSchema)
    .describe(
      'Warning or unknown, unwaived checks: any keeps the level at `pilot`',
    ),
};

/**
 * The result of evaluating readiness for one location.
 *
 * @public
 */
export const readinessEvaluationSchema = z
  .object({
    locationId: z.string().describe('The location evaluated'),
    level: readinessLevelSchema,
    ...blockersShape,
    signals: z
      .record(readinessCheckSchema, evaluatedReadinessSignalSchema)
      .describe(
        "Every check's signal; a check without a reported signal is `unknown`",
      ),
    evaluatedAt: isoTime.describe(
      'Time of the evaluation (waiver expiry is judged against it)',
    ),
  })
  .meta({ id: 'ReadinessEvaluation' });

const storedShape = {
  id: z.string().describe('Row id; increases with every evaluation'),
  partition: z.string().describe('Partition of the location'),
  trigger: readinessTriggerSchema,
};

/**
 * A stored readiness evaluation, as `GET /readiness/{locationId}` answers it.
 *
 * @public
 */
export const storedReadinessEvaluationSchema = readinessEvaluationSchema
  .extend(storedShape)
  .meta({ id: 'StoredReadinessEvaluation' });

/**
 * The latest evaluation of a location without its signals, as
 * `GET /readiness` lists it.
 *
 * @public
 */
export const readinessSummarySchema = z
  .object({
    ...storedShape,
    locationId: z.string().describe('The location evaluated'),
    level: readinessLevelSchema,
    evaluatedAt: isoTime,
    ...blockersShape,
    waivedChecks: z
      .array(readinessCheckSchema)
      .describe('Checks an unexpired waiver neutralised in this evaluation'),
  })
  .meta({ id: 'ReadinessSummary' });

/**
 * A page of a location's readiness history, newest first.
 *
 * @public
 */
export const readinessHistoryPageSchema = z.object({
  items: z
    .array(
      storedReadinessEvaluationSchema.extend({
        previousLevel: readinessLevelSchema
          .optional()
          .describe('Level of the evaluation before (absent for the first)'),
      }),
    )
    .describe('Evaluations of this page, newest first'),
  totalCount: z
    .number()
    .int()
    .describe('Rows matching the query across all pages'),
  offset: z.number().int().describe('Offset of this page (0 with `cursor`)'),
  limit: z.number().int().describe('Page size'),
  nextCursor: z
    .string()
    .optional()
    .describe('Cursor of the next (older) page; absent on the last page'),
  becameReadyAt: isoTime
    .optional()
    .describe(
      'First evaluation of the latest unbroken run of ready evaluations; absent when never ready. Independent of the page and `since`.',
    ),
  currentLevel: readinessLevelSchema
    .optional()
    .describe('Level of the latest evaluation; absent when never evaluated'),
});

/**
 * A stored waiver with its bookkeeping.
 *
 * @public
 */
export const storedReadinessWaiverSchema = readinessWaiverSchema
  .extend({
    id: z.uuid().describe('Waiver id, as `DELETE /waivers/{id}` takes it'),
    createdBy: z
      .string()
      .describe("Who recorded the waiver (the caller's entity ref)"),
    createdAt: isoTime,
    revokedAt: isoTime.optional().describe('Absent unless revoked'),
    revokedBy: z
      .string()
      .optional()
      .describe('Who revoked it; absent unless revoked'),
    status: waiverStatusSchema,
  })
  .meta({ id: 'StoredReadinessWaiver' });

/**
 * Answer of `POST /waivers` and `DELETE /waivers/{id}`: the waiver and the
 * re-evaluation it caused.
 *
 * @public
 */
export const readinessWaiverChangeSchema = z
  .object({
    waiver: storedReadinessWaiverSchema,
    evaluation: storedReadinessEvaluationSchema.describe(
      "The re-evaluation of the waiver's location (trigger `waiver`)",
    ),
  })
  .meta({ id: 'WaiverChange' });

// ---------------------------------------------------------------- requests

/**
 * Path parameters of the routes under `/readiness/{locationId}`.
 *
 * @public
 */
export const locationParamSchema = z.strictObject({ locationId: idSchema });

/**
 * Path parameter of `DELETE /waivers/{id}`.
 *
 * @public
 */
export const waiverParamSchema = z.strictObject({
  id: z.uuid({ error: 'must be a waiver id (a UUID)' }),
});

/**
 * Query of `GET /readiness`.
 *
 * @public
 */
export const readinessListQuerySchema = z.strictObject({
  partition: idSchema
    .optional()
    .describe('Only this partition (an unknown partition is a 400)'),
  level: readinessLevelSchema.optional(),
});

/**
 * Query of `GET /readiness/{locationId}/history`: newest first, a page by
 * `cursor` (keyset, any depth) or by `offset` (at most `MAX_PAGE_OFFSET`).
 *
 * @public
 */
export const readinessHistoryQuerySchema = z
  .strictObject({
    since: z.iso
      .datetime({
        offset: true,
        error: 'must be an ISO 8601 date-time such as 2027-01-31T00:00:00Z',
      })
      .optional()
      .describe('Only evaluations at or after this time'),
    changesOnly: z
      .enum(['true', 'false'], { error: 'must be true or false' })
      .optional()
      .describe('`true`: only evaluations that changed the level'),
    offset: pageOffsetSchema.default(0),
    ...keysetPageQueryShape(
      PAGE_LIMITS.readinessHistory,
      'readiness-history',
      1,
      {
        after: 'older evaluations than its page',
        example: 'WyJyZWFkaW5lc3MtaGlzdG9yeSIsIjEyMzQiXQ',
      },
    ),
  })
  .superRefine(cursorWithoutOffset);

/**
 * Query of `GET /waivers`: the filter and a page, newest first.
 *
 * @public
 */
export const waiverListQuerySchema = z.strictObject({
  locationId: idSchema.optional().describe('Only waivers of this location'),
  check: readinessCheckSchema.optional(),
  status: waiverStatusSchema
    .optional()
    .describe('Only waivers with this status at the time of the read'),
  ...keysetPageQueryShape(PAGE_LIMITS.waivers, 'waivers', 2, {
    after: 'the waivers after its page',
    example:
      'WyJ3YWl2ZXJzIiwiMjAyNi0xMS0yNlQwMDowMDowMC4wMDBaIiwiM2YxYzlhNjQtMDAwMC00MDAwLTgwMDAtMDAwMDAwMDAwMDAwIl0',
  }),
});

/**
 * Body of `POST /waivers`.
 *
 * @public
 */
export const createWaiverSchema = z
  .strictObject({
    locationId: idSchema,
    check: readinessCheckSchema,
    reason: text(2000),
    approver: text(255),
    expiresAt: z.iso
      .datetime({
        offset: true,
        error: 'must be an ISO 8601 date-time such as 2027-01-31T00:00:00Z',
      })
      .describe(
        'In the future and at most regionExpansion.readiness.waivers.maxDays (default 180) days ahead',
      ),
  })
  .meta({ id: 'CreateWaiver' });
