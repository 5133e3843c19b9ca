import type {
  AuditControl,
  ConformanceScore,
  GovernanceFinding,
  GovernanceReasonKind,
  GovernanceSourceId,
  ResilienceApp,
  ResilienceDisruption,
} from '@region-expansion/plugin-region-expansion-common';
import type { GovernanceRateLimitSlots } from './limits';

/**
 * Governance data sources a provider can read (the common package's
 * {@link @region-expansion/plugin-region-expansion-common#GovernanceSourceId}).
 *
 * @public
 */
export type GovernanceSource = GovernanceSourceId;

/**
 * One place a provider reads from: an account in a Region of a partition.
 * Decided by the backend from configuration, never by a request.
 *
 * @public
 */
export interface GovernanceTarget {
  /** Partition id, e.g. `aws` or `aws-eusc`; the account and Region belong to it. */
  partition: string;
  /** 12-digit AWS account id whose data is read. */
  accountId: string;
  /**
   * The partition's home Region for sources read there (`homeRegionTargets`),
   * or a configured Region (`regionalTargets`).
   */
  region: string;
}

/**
 * A Security Hub finding as a provider writes it.
 *
 * @public
 */
export type GovernanceFindingRow = GovernanceFinding;

/**
 * Current versus target RTO/RPO of an application for one disruption type.
 *
 * @public
 */
export type ResilienceDisruptionRow = ResilienceDisruption;

/**
 * A Resilience Hub application as a provider writes it.
 *
 * @public
 */
export type ResilienceAppRow = ResilienceApp;

/**
 * An Audit Manager control as a provider writes it.
 *
 * @public
 */
export type AuditControlRow = AuditControl;

/**
 * An AWS Config conformance pack score as a provider writes it.
 *
 * @public
 */
export type ConformanceScoreRow = ConformanceScore;

/**
 * Rows a provider hands to the sink for one target.
 *
 * @public
 */
export interface GovernanceRows {
  /** Upserted by finding id + source. */
  findings?: GovernanceFindingRow[];
  /** Replace the target's applications. */
  resilienceApps?: ResilienceAppRow[];
  /** Replace the target's audit controls. */
  auditControls?: AuditControlRow[];
  /** Replace the target's conformance pack scores. */
  conformanceScores?: ConformanceScoreRow[];
}

/**
 * Where providers write rows. Finding rows are upserted as they arrive; the
 * other kinds replace the target's previous rows.
 *
 * @public
 */
export interface GovernanceSink {
  /** Stores rows read from `source` for `target`; kinds absent from `rows` are left as they are. */
  write(
    source: GovernanceSource,
    target: GovernanceTarget,
    rows: GovernanceRows,
  ): Promise<void>;
}

/**
 * Persisted position of an incremental read per source and target.
 *
 * @public
 */
export interface GovernanceCursorStore {
  /** The cursor last stored for the source and target; `undefined` until one is set. */
  get(
    source: GovernanceSource,
    target: GovernanceTarget,
  ): Promise<string | undefined>;
  /**
   * Stores the position to resume from, a string opaque to the store (the
   * Security Hub provider stores JSON). Set it after writing the rows it
   * covers: the backend stores it together with the findings written before
   * it.
   */
  set(
    source: GovernanceSource,
    target: GovernanceTarget,
    cursor: string,
  ): Promise<void>;
}

/**
 * The logging a provider needs (a Backstage `LoggerService` fits).
 *
 * @public
 */
export interface GovernanceLogger {
  /** Logs a routine event of the run. */
  info(message: string): void;
  /** Logs a problem the run recorded or recovered from, e.g. a target left stale. */
  warn(message: string): void;
}

/**
 * Everything a provider gets for one run.
 *
 * @public
 */
export interface GovernanceSyncContext {
  /** Targets to read in this run; the backend passes the provider's own `targets()`. */
  targets: GovernanceTarget[];
  /** Positions of incremental reads, per source and target. */
  cursors: GovernanceCursorStore;
  /** Where the rows read are written. */
  sink: GovernanceSink;
  /**
   * Aborted when the run must stop (e.g. the scheduled task times out); pass it
   * to AWS calls and waits so they stop too.
   */
  signal: AbortSignal;
  /** Where the provider logs (the backend's `LoggerService`). */
  logger: GovernanceLogger;
  /** Clock of the run; the window of incremental reads ends here. */
  now(): Date;
  /** Called after each page so progress can be shown. */
  onProgress?(
    target: GovernanceTarget,
    progress: { pages: number; rows: number },
  ): void;
  /**
   * Where the run's AWS calls reserve their rate-limit slots, shared by every
   * backend replica on the same database; absent: paced in this process only.
   */
  rateLimitSlots?: GovernanceRateLimitSlots;
}

/**
 * How a provider proved that its source watches a Region:
 *
 * - `aggregation-region`: the Region the provider read in directly (Security
 *   Hub's aggregation Region).
 * - `finding-aggregator`: linked to the Security Hub finding aggregator the
 *   provider read in (its linking mode and Regions).
 * - `assessed-applications`: Resilience Hub applications in the Region with
 *   a successful assessment.
 * - `active-assessments`: active Audit Manager assessments in the Region
 *   whose scope includes the account (Audit Manager collects evidence in the
 *   Region of the assessment).
 * - `config-aggregator`: the AWS Config aggregator aggregates the account in
 *   the Region and reports conformance packs from it.
 *
 * @public
 */
export type GovernanceCoverageMethod =
  | 'aggregation-region'
  | 'finding-aggregator'
  | 'assessed-applications'
  | 'active-assessments'
  | 'config-aggregator';

/**
 * Proof that a source watches one Region for the target's account.
 *
 * @public
 */
export interface GovernanceCoverageProof {
  /** The Region watched. */
  region: string;
  /** How it was proved. */
  method: GovernanceCoverageMethod;
  /** One sentence for readers, e.g. `linked to the finding aggregator in us-east-1 (ALL_REGIONS)`; never AWS error text. */
  detail: string;
}

/**
 * What one target's read proved about the Regions its source watches.
 * Without a proof for a Region, the readiness signals of that Region are
 * `unknown`: an absence of findings there is not evidence.
 *
 * @public
 */
export interface GovernanceCoverage {
  /** Regions proved in this run, each once. */
  regions: GovernanceCoverageProof[];
  /**
   * One sentence for readers: what the source watches from this target and
   * why other Regions are not covered, for example "the finding aggregator
   * in us-east-1 links ALL_REGIONS_EXCEPT_SPECIFIED, excluding us-west-2".
   */
  scope: string;
}

/**
 * Outcome of one target in a run.
 *
 * @public
 */
export interface GovernanceTargetOutcome {
  /** The target this outcome is for. */
  target: GovernanceTarget;
  /** `ok`: data read; `unavailable`: the service is not set up there (a stated reason, not an error); `failed`: the previous data stays and is stale. */
  status: 'ok' | 'unavailable' | 'failed';
  /**
   * Why the target is `unavailable` or `failed`, for the backend log only:
   * it may hold the AWS error text (role ARNs, account ids). Absent when `ok`.
   */
  reason?: string;
  /**
   * Class of the reason; readers get its fixed sentence
   * ({@link governanceReasonSentence}), never `reason`. Absent when `ok`;
   * the backend reads an absent class as `unknown-error` for `failed` and
   * `not-enabled` for `unavailable`.
   */
  reasonKind?: GovernanceReasonKind;
  /** Pages read from the service in this run. */
  pages: number;
  /** Rows read and handed to the sink in this run. */
  rows: number;
  /**
   * Regions the run proved the source watches, when `ok`; stored with the
   * outcome (replacing the previous run's). A `failed` target keeps the
   * coverage of its last good run (stale), an `unavailable` one has none.
   */
  coverage?: GovernanceCoverage;
}

/**
 * Outcome of a provider run.
 *
 * @public
 */
export interface GovernanceSyncReport {
  /** The source the run read. */
  source: GovernanceSource;
  /** One outcome per target of the run's context. */
  outcomes: GovernanceTargetOutcome[];
}

/**
 * A governance data source, registered by a backend module.
 *
 * @public
 */
export interface GovernanceProvider {
  /** Stable id, e.g. `securityhub`. */
  readonly id: string;
  /** Source the provider's rows, cursors and outcomes are stored under. */
  readonly source: GovernanceSource;
  /** Targets this provider reads, decided from configuration. */
  targets(): GovernanceTarget[];
  /** Reads every target, writing rows to the sink; per-target failures are reported, not thrown. */
  sync(ctx: GovernanceSyncContext): Promise<GovernanceSyncReport>;
}
