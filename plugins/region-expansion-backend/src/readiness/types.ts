import {
  Footprint,
  ReadinessBlocker,
  ReadinessCheck,
  ReadinessEvaluation,
  ReadinessLevel,
  ReadinessWaiver,
} from '@region-expansion/plugin-region-expansion-common';

/**
 * What started a readiness evaluation: the scheduled task, the first start of
 * a backend with locations never evaluated, a user's request, a waiver that
 * was granted or revoked, or a new application-plane footprint.
 *
 * @public
 */
export type ReadinessTrigger =
  | 'scheduled'
  | 'startup'
  | 'manual'
  | 'waiver'
  | 'footprint';

/**
 * A stored readiness evaluation: the domain's evaluation plus its row id,
 * the location's partition and what triggered it.
 *
 * @public
 */
export interface StoredReadinessEvaluation extends ReadinessEvaluation {
  /** Row id; increases with every evaluation. */
  id: string;
  /** Partition of the location. */
  partition: string;
  /** What started the evaluation. */
  trigger: ReadinessTrigger;
}

/**
 * One row of a location's readiness history, with the level of the
 * evaluation before it (absent for the first evaluation).
 *
 * @public
 */
export interface ReadinessHistoryItem extends StoredReadinessEvaluation {
  /** Level of the previous evaluation of the same location. */
  previousLevel?: ReadinessLevel;
}

/**
 * The latest evaluation of a location without its signals, as listed by
 * `GET /readiness`.
 *
 * @public
 */
export interface ReadinessSummary {
  id: string;
  locationId: string;
  partition: string;
  level: ReadinessLevel;
  trigger: ReadinessTrigger;
  evaluatedAt: string;
  blockers: ReadinessBlocker[];
  openChecks: ReadinessBlocker[];
  /** Checks an unexpired waiver neutralised in this evaluation. */
  waivedChecks: ReadinessCheck[];
}

/**
 * A page of a location's readiness history, newest first.
 *
 * @public
 */
export interface ReadinessHistoryPage {
  items: ReadinessHistoryItem[];
  /** Rows matching the query across all pages. */
  totalCount: number;
  /**
   * When the location last became `ready`: the first evaluation of its most
   * recent unbroken run of `ready` evaluations. Absent when it never was.
   * Independent of the page and the `since` filter.
   */
  becameReadyAt?: string;
  /** Level of the latest evaluation, absent when never evaluated. */
  currentLevel?: ReadinessLevel;
}

/**
 * Whether a stored waiver applies now: `active` (unrevoked and unexpired),
 * `expired`, or `revoked`.
 *
 * @public
 */
export type ReadinessWaiverStatus = 'active' | 'expired' | 'revoked';

/**
 * A stored waiver with its bookkeeping.
 *
 * @public
 */
export interface StoredReadinessWaiver extends ReadinessWaiver {
  id: string;
  /** Who recorded the waiver (the caller's entity ref). */
  createdBy: string;
  createdAt: string;
  revokedAt?: string;
  revokedBy?: string;
  /** Status at the time of the read. */
  status: ReadinessWaiverStatus;
}

/**
 * The application-plane footprint readiness is judged against.
 *
 * @public
 */
export interface StoredFootprint {
  /** Application plane id; `default` for the one application plane. */
  id: string;
  footprint: Footprint;
  /** Where the footprint came from, e.g. the CLI invocation. */
  source: string;
  updatedBy: string;
  updatedAt: string;
}
