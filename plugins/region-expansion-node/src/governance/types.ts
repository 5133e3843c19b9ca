import type {
  AuditControl,
  ConformanceScore,
  GovernanceFinding,
  GovernanceSourceId,
  ResilienceApp,
  ResilienceDisruption,
} from '@region-expansion/plugin-region-expansion-common';

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
  partition: string;
  accountId: string;
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
  get(
    source: GovernanceSource,
    target: GovernanceTarget,
  ): Promise<string | undefined>;
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
  info(message: string): void;
  warn(message: string): void;
}

/**
 * Everything a provider gets for one run.
 *
 * @public
 */
export interface GovernanceSyncContext {
  targets: GovernanceTarget[];
  cursors: GovernanceCursorStore;
  sink: GovernanceSink;
  signal: AbortSignal;
  logger: GovernanceLogger;
  /** Clock of the run; the window of incremental reads ends here. */
  now(): Date;
  /** Called after each page so progress can be shown. */
  onProgress?(
    target: GovernanceTarget,
    progress: { pages: number; rows: number },
  ): void;
}

/**
 * Outcome of one target in a run.
 *
 * @public
 */
export interface GovernanceTargetOutcome {
  target: GovernanceTarget;
  /** `ok`: data read; `unavailable`: the service is not set up there (a stated reason, not an error); `failed`: the previous data stays and is stale. */
  status: 'ok' | 'unavailable' | 'failed';
  reason?: string;
  pages: number;
  rows: number;
}

/**
 * Outcome of a provider run.
 *
 * @public
 */
export interface GovernanceSyncReport {
  source: GovernanceSource;
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
  readonly source: GovernanceSource;
  /** Targets this provider reads, decided from configuration. */
  targets(): GovernanceTarget[];
  /** Reads every target, writing rows to the sink; per-target failures are reported, not thrown. */
  sync(ctx: GovernanceSyncContext): Promise<GovernanceSyncReport>;
}
