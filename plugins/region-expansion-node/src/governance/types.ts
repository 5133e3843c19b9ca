/**
 * Governance data sources a provider can read.
 *
 * @public
 */
export type GovernanceSource =
  | 'securityhub'
  | 'securityhub-ocsf'
  | 'resiliencehub'
  | 'auditmanager'
  | 'config';

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
 * A Security Hub finding reduced to the fields the dashboard uses.
 *
 * @public
 */
export interface GovernanceFindingRow {
  /** Finding id (ASFF `Id` or OCSF `finding_info.uid`); with `source` the natural key. */
  findingId: string;
  partition: string;
  accountId: string;
  region: string;
  /** Severity label, upper case: INFORMATIONAL, LOW, MEDIUM, HIGH, CRITICAL (open set). */
  severity: string;
  /** Compliance status, upper case: PASSED, FAILED, WARNING, NOT_AVAILABLE (open set). */
  complianceStatus?: string;
  /** Security control id, e.g. `S3.1`. */
  controlId?: string;
  /** Workflow status: NEW, NOTIFIED, SUPPRESSED, RESOLVED (open set). */
  workflowStatus?: string;
  /** ACTIVE or ARCHIVED. */
  recordState: string;
  resourceType?: string;
  resourceId?: string;
  productName?: string;
  generatorId?: string;
  title?: string;
  /** ISO 8601. */
  createdAt: string;
  /** ISO 8601. */
  updatedAt: string;
}

/**
 * Current versus target RTO/RPO of an application for one disruption type.
 *
 * @public
 */
export interface ResilienceDisruptionRow {
  /** Software, Hardware, AZ, Region (open set). */
  disruptionType: string;
  currentRtoInSecs?: number;
  currentRpoInSecs?: number;
  targetRtoInSecs?: number;
  targetRpoInSecs?: number;
  complianceStatus?: string;
}

/**
 * A Resilience Hub application with its latest successful assessment.
 *
 * @public
 */
export interface ResilienceAppRow {
  appArn: string;
  appName: string;
  partition: string;
  accountId: string;
  region: string;
  /** `undefined` when the app has no successful assessment yet. */
  assessmentArn?: string;
  /** PolicyMet, PolicyBreached, ... (open set); `NotAssessed` without an assessment. */
  complianceStatus: string;
  /** NotChecked, NotDetected, Detected (open set). */
  driftStatus?: string;
  resiliencyScore?: number;
  /** ISO 8601 end of the assessment. */
  assessedAt?: string;
  disruptions: ResilienceDisruptionRow[];
}

/**
 * One control of an active Audit Manager assessment, with evidence counts by folder.
 *
 * @public
 */
export interface AuditControlRow {
  partition: string;
  accountId: string;
  region: string;
  assessmentId: string;
  assessmentName: string;
  framework: string;
  controlSetId: string;
  controlId: string;
  controlName: string;
  /** UNDER_REVIEW, REVIEWED, INACTIVE (open set). */
  controlStatus: string;
  evidenceCount: number;
  folders: Array<{
    folderId: string;
    /** ISO date of the folder. */
    date: string;
    dataSource?: string;
    totalEvidence: number;
    complianceCheckCount: number;
    complianceCheckIssuesCount: number;
  }>;
}

/**
 * Compliance of one AWS Config conformance pack in an account and Region.
 *
 * @public
 */
export interface ConformanceScoreRow {
  partition: string;
  accountId: string;
  region: string;
  packName: string;
  /** COMPLIANT, NON_COMPLIANT, INSUFFICIENT_DATA (open set). */
  complianceType: string;
  compliantRules: number;
  nonCompliantRules: number;
  totalRules: number;
  /** Percent of compliant rules, 0..100. */
  score: number;
}

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
