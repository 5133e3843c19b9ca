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
  | 'capacity';

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
export interface ReadinessSignal {
  /** Outcome of the check; `unknown` when there is no evidence. */
  status: ReadinessSignalStatus;
  /** Human-readable summary of the evidence. */
  detail: string;
  /** ISO 8601 time the evidence was observed; absent for derived signals. */
  observedAt?: string;
  /** Named reasons that make the signal fail or warn. */
  blockers: string[];
}

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
export interface ReadinessWaiver {
  /** The location the waiver applies to. */
  locationId: string;
  /** The one check the waiver neutralises. */
  check: ReadinessCheck;
  /** Why the exception is granted, as free text. */
  reason: string;
  /** Who approved the exception, as free text. */
  approver: string;
  /** ISO 8601 time after which the waiver no longer applies. */
  expiresAt: string;
}

/**
 * A signal after evaluation: missing signals filled in as `unknown`, and the
 * waiver that neutralises it, if one applies.
 *
 * @public
 */
export interface EvaluatedReadinessSignal extends ReadinessSignal {
  /** The check the signal is for. */
  check: ReadinessCheck;
  /** True when an unexpired waiver covers this check. */
  waived: boolean;
  /**
   * The waiver that neutralises the check; absent when none applies (a
   * passing check is never waived).
   */
  waiver?: ReadinessWaiver;
}

/**
 * A named reason a location cannot be used, with what to do about it.
 *
 * @public
 */
export interface ReadinessBlocker {
  /** The check the blocker belongs to. */
  check: ReadinessCheck;
  /** SSM service code the blocker concerns, when it concerns one. */
  service?: string;
  /** Human-readable reason the check fails or stays open. */
  detail: string;
  /** What to do to clear the blocker. */
  remediation: string;
}

/**
 * Result of evaluating readiness for one location.
 *
 * @public
 */
export interface ReadinessEvaluation {
  /** The location evaluated. */
  locationId: string;
  /** Level the signals and waivers give. */
  level: ReadinessLevel;
  /** Failing, unwaived checks: any makes the level `blocked`. */
  blockers: ReadinessBlocker[];
  /** Warning or unknown, unwaived checks: any keeps the level at `pilot`. */
  openChecks: ReadinessBlocker[];
  /**
   * Every check's signal after evaluation; a check without a reported signal is
   * `unknown`.
   */
  signals: Record<ReadinessCheck, EvaluatedReadinessSignal>;
  /** ISO 8601 time of the evaluation (waiver expiry is judged against it). */
  evaluatedAt: string;
}
