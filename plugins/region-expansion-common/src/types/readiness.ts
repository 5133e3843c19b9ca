import type { z } from 'zod';
import type {
  createWaiverSchema,
  evaluatedReadinessSignalSchema,
  readinessBlockerSchema,
  readinessEvaluationSchema,
  readinessHistoryPageSchema,
  readinessHistoryQuerySchema,
  readinessSignalSchema,
  readinessSummarySchema,
  readinessTriggerSchema,
  readinessWaiverChangeSchema,
  readinessWaiverSchema,
  storedReadinessEvaluationSchema,
  storedReadinessWaiverSchema,
  waiverListQuerySchema,
  waiverStatusSchema,
} from '../schemas/readiness';

/**
 * The readiness checks a location is evaluated against.
 *
 * @public
 */
export type ReadinessCheck =
  | 'availability'
  | 'sovereignty'
  | 'security'
  | 'resilience'
  | 'audit'
  | 'capacity'
  | GovernanceCoverageCheck
  | 'guardrail-drift';

/**
 * The readiness checks that prove a governance source watches a location's
 * Region: Security Hub enabled, with standards, and linked to the
 * partition's finding aggregator; AWS Config recording, delivering and
 * aggregated; Resilience Hub applications assessed there; Audit Manager or
 * conformance-pack scope including the Region's accounts.
 *
 * @public
 */
export type GovernanceCoverageCheck =
  | 'governance-coverage:security-hub'
  | 'governance-coverage:config'
  | 'governance-coverage:resilience-hub'
  | 'governance-coverage:audit';

/**
 * Every governance coverage check, in evaluation order.
 *
 * @public
 */
export const GOVERNANCE_COVERAGE_CHECKS: readonly GovernanceCoverageCheck[] = [
  'governance-coverage:security-hub',
  'governance-coverage:config',
  'governance-coverage:resilience-hub',
  'governance-coverage:audit',
];

/**
 * Every readiness check, in evaluation order.
 *
 * @public
 */
export const READINESS_CHECKS: readonly ReadinessCheck[] = [
  'availability',
  'sovereignty',
  'security',
  'resilience',
  'audit',
  'capacity',
  ...GOVERNANCE_COVERAGE_CHECKS,
  'guardrail-drift',
];

/**
 * Outcome of one readiness check. `unknown` means no evidence, and never counts
 * as `pass`.
 *
 * @public
 */
export type ReadinessSignalStatus = 'pass' | 'warn' | 'fail' | 'unknown';

/**
 * One typed readiness signal as a source reports it.
 *
 * @public
 */

export type ReadinessSignal = z.output<typeof readinessSignalSchema>;

/**
 * Signals by check; a check without a signal is evaluated as `unknown`.
 *
 * @public
 */
export type ReadinessSignals = Partial<Record<ReadinessCheck, ReadinessSignal>>;

/**
 * Readiness level of a location: `blocked` (a failing check), `pilot` (no
 * failing check, but some check warns or is unknown), `ready` (every check
 * passes or is waived).
 *
 * @public
 */
export type ReadinessLevel = 'blocked' | 'pilot' | 'ready';

/**
 * A scoped, expiring, approved exception to one readiness check at one
 * location.
 *
 * @public
 */

export type ReadinessWaiver = z.output<typeof readinessWaiverSchema>;

/**
 * A signal after evaluation: missing signals filled in as `unknown`, and the
 * waiver that neutralises it, if one applies.
 *
 * @public
 */

export type EvaluatedReadinessSignal = z.output<
  typeof evaluatedReadinessSignalSchema
>;

/**
 * A named reason a location cannot be used, with what to do about it.
 *
 * @public
 */

export type ReadinessBlocker = z.output<typeof readinessBlockerSchema>;

/**
 * Result of evaluating readiness for one location.
 *
 * @public
 */

export type ReadinessEvaluation = z.output<typeof readinessEvaluationSchema>;

// ------------------------------------------------------------- on the wire

/**
 * What started a readiness evaluation: the scheduled task, the first start of
 * a backend with locations never evaluated, a user's request, a waiver that
 * was granted or revoked, or a new application-plane footprint.
 *
 * @public
 */
export type ReadinessTrigger = z.output<typeof readinessTriggerSchema>;

/**
 * A stored readiness evaluation, as `GET /readiness/{locationId}` returns it:
 * the domain's evaluation plus its row id, the location's partition and what
 * triggered it.
 *
 * @public
 */
export type StoredReadinessEvaluation = z.output<
  typeof storedReadinessEvaluationSchema
>;

/**
 * A page of a location's readiness history, newest first.
 *
 * @public
 */
export type ReadinessHistoryPage = z.output<typeof readinessHistoryPageSchema>;

/**
 * One row of a location's readiness history.
 *
 * @public
 */
export type ReadinessHistoryItem = ReadinessHistoryPage['items'][number];

/**
 * The latest evaluation of a location without its signals, as
 * `GET /readiness` lists it.
 *
 * @public
 */
export type ReadinessSummary = z.output<typeof readinessSummarySchema>;

/**
 * Query of `GET /readiness/{locationId}/history`.
 *
 * @public
 */
export type ReadinessHistoryQuery = z.input<typeof readinessHistoryQuerySchema>;

/**
 * Whether a stored waiver applies now: `active` (unrevoked and unexpired),
 * `expired`, or `revoked`.
 *
 * @public
 */
export type ReadinessWaiverStatus = z.output<typeof waiverStatusSchema>;

/**
 * A stored waiver with its bookkeeping.
 *
 * @public
 */
export type StoredReadinessWaiver = z.output<
  typeof storedReadinessWaiverSchema
>;

/**
 * Filter and page of `GET /waivers`.
 *
 * @public
 */
export type ReadinessWaiverQuery = z.input<typeof waiverListQuerySchema>;

/**
 * Body of `POST /waivers`. `expiresAt` is an ISO 8601 date-time.
 *
 * @public
 */
export type CreateReadinessWaiverInput = z.input<typeof createWaiverSchema>;

/**
 * Answer of `POST /waivers` and `DELETE /waivers/{id}`: the waiver and the
 * re-evaluation it caused.
 *
 * @public
 */
export type ReadinessWaiverChange = z.output<
  typeof readinessWaiverChangeSchema
>;
