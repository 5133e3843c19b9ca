import type {
  ReadinessBlocker,
  ReadinessCheck,
  ReadinessEvaluation,
  ReadinessLevel,
  ReadinessWaiver,
} from '../types/readiness';
import type { Footprint } from '../types/assessment';
import type { DataClassification, Residency } from '../types/tenants';

// ------------------------------------------------------------------ readiness

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
 * A stored readiness evaluation, as `GET /readiness/:locationId` returns it:
 * the domain's evaluation plus its row id, the location's partition and what
 * triggered it.
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
 * One row of a location's readiness history.
 *
 * @public
 */
export interface ReadinessHistoryItem extends StoredReadinessEvaluation {
  /** Level of the previous evaluation of the same location (absent for the first one). */
  previousLevel?: ReadinessLevel;
}

/**
 * The latest evaluation of a location without its signals, as
 * `GET /readiness` lists it.
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
  /** Level of the latest evaluation; absent when never evaluated. */
  currentLevel?: ReadinessLevel;
  offset: number;
  limit: number;
}

/**
 * Query of `GET /readiness/:locationId/history`.
 *
 * @public
 */
export interface ReadinessHistoryQuery {
  /** ISO 8601 date-time; only evaluations at or after it. */
  since?: string;
  /** Only evaluations whose level differs from the one before. */
  changesOnly?: boolean;
  offset?: number;
  /** Page size, at most 500. */
  limit?: number;
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
 * Filter of `GET /waivers`.
 *
 * @public
 */
export interface ReadinessWaiverQuery {
  locationId?: string;
  check?: ReadinessCheck;
  status?: ReadinessWaiverStatus;
}

/**
 * Body of `POST /waivers`. `expiresAt` is an ISO 8601 date-time.
 *
 * @public
 */
export type CreateReadinessWaiverInput = ReadinessWaiver;

/**
 * Answer of `POST /waivers` and `DELETE /waivers/:id`: the waiver and the
 * re-evaluation it caused.
 *
 * @public
 */
export interface ReadinessWaiverChange {
  waiver: StoredReadinessWaiver;
  evaluation: StoredReadinessEvaluation;
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

/**
 * Body of `POST /readiness/:locationId/assess`: one infrastructure-code or
 * CloudTrail file, and optionally who the data belongs to.
 *
 * @public
 */
export interface AssessFootprintInput {
  /**
   * The file's name without a folder, e.g. `stack.template.json`; its
   * extension helps tell the kind, and messages name it.
   */
  fileName: string;
  /** The file's content: text (`utf8`) or its bytes as base64. */
  content: string;
  /** How `content` is encoded; default `utf8`. A `.json.gz` needs `base64`. */
  encoding?: 'utf8' | 'base64';
  /** Residency requirement of the data (countries, jurisdictions, partition). */
  residency?: Residency;
  /** Highest classification of the data; default `internal`. */
  classification?: DataClassification;
  /** ISO 3166-1 country of the data subjects; default the location's. */
  homeCountry?: string;
}

/**
 * Kind of an assessed file: a CloudFormation template (CDK stack templates
 * from `cdk.out` included), a Terraform plan JSON, or a CloudTrail log file.
 *
 * @public
 */
export type AssessedFileKind =
  | 'cloudformation'
  | 'terraform-plan'
  | 'cloudtrail';

/**
 * Answer of `POST /readiness/:locationId/assess`: the file's footprint and
 * the readiness the location would have with it as the application plane
 * (computed like a stored evaluation, with the location's governance
 * signals and active waivers; nothing is stored).
 *
 * @public
 */
export interface FootprintAssessment {
  locationId: string;
  partition: string;
  fileName: string;
  kind: AssessedFileKind;
  /** Services, cross-Region dependencies and unknown items of the file. */
  footprint: Footprint;
  /** Level, blockers, open checks and signals; not stored. */
  evaluation: ReadinessEvaluation;
  /**
   * Every footprint service the location does not offer, with remediation,
   * also when a waiver covers the availability check.
   */
  availabilityGaps: ReadinessBlocker[];
  /**
   * Every residency, partition and control-plane finding, with remediation,
   * also when a waiver covers the sovereignty check.
   */
  sovereigntyBlockers: ReadinessBlocker[];
}

// ----------------------------------------------------------------- governance

/**
 * A governance data source.
 *
 * @public
 */
export type GovernanceSourceId =
  | 'securityhub'
  | 'securityhub-ocsf'
  | 'resiliencehub'
  | 'auditmanager'
  | 'config';

/**
 * Scope of the Resilience Hub, Audit Manager and AWS Config reads.
 *
 * @public
 */
export interface GovernanceScope {
  partition?: string;
  region?: string;
  /** 12-digit AWS account id. */
  accountId?: string;
}

/**
 * Filter of the findings reads and the evidence bundle.
 *
 * @public
 */
export interface GovernanceFindingFilter extends GovernanceScope {
  /** Upper case: INFORMATIONAL, LOW, MEDIUM, HIGH, CRITICAL. */
  severity?: string;
  /** Upper case: PASSED, FAILED, WARNING, NOT_AVAILABLE. */
  complianceStatus?: string;
  /** Security control id, e.g. `S3.1`. */
  controlId?: string;
  workflowStatus?: string;
  /** ACTIVE or ARCHIVED. */
  recordState?: string;
  source?: GovernanceSourceId;
}

/**
 * Dimensions `GET /governance/summary` groups by.
 *
 * @public
 */
export type GovernanceGroupBy =
  | 'partition'
  | 'region'
  | 'account'
  | 'severity'
  | 'control'
  | 'status';

/**
 * One group of the summary: findings and failed findings.
 *
 * @public
 */
export interface GovernanceSummaryGroup {
  key: string;
  total: number;
  failed: number;
}

/**
 * Answer of `GET /governance/summary`.
 *
 * @public
 */
export interface GovernanceSummary {
  groupBy: GovernanceGroupBy;
  filter: GovernanceFindingFilter;
  groups: GovernanceSummaryGroup[];
}

/**
 * A Security Hub finding reduced to the fields the dashboard uses.
 *
 * @public
 */
export interface GovernanceFinding {
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
 * A page of findings.
 *
 * @public
 */
export interface GovernanceFindingPage {
  items: GovernanceFinding[];
  /** Findings matching the filter across all pages. */
  total: number;
  limit: number;
  offset: number;
}

/**
 * Sync state of one source and target (partition, account, Region).
 * `stale` keeps the last good data and says why in `staleReason`.
 *
 * @public
 */
export interface GovernanceFreshness {
  source: string;
  partition: string;
  accountId: string;
  region: string;
  status: 'never' | 'running' | 'ok' | 'unavailable' | 'stale';
  lastAttemptAt?: string;
  lastSuccessAt?: string;
  staleReason?: string;
  /** API pages read by the current or last run. */
  pages: number;
  /** Rows written by the current or last run. */
  rows: number;
}

/**
 * One day of a source's trend in a partition.
 *
 * @public
 */
export interface GovernanceHistoryPoint {
  /** ISO date (YYYY-MM-DD). */
  day: string;
  source: string;
  partition: string;
  total: number;
  failed: number;
  criticalOrHighFailed: number;
  staleTargets: number;
}

/**
 * Current versus target RTO/RPO of an application for one disruption type.
 *
 * @public
 */
export interface ResilienceDisruption {
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
export interface ResilienceApp {
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
  disruptions: ResilienceDisruption[];
}

/**
 * One control of an active Audit Manager assessment, with evidence counts by folder.
 *
 * @public
 */
export interface AuditControl {
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
export interface ConformanceScore {
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
 * A downloaded evidence bundle (a ZIP with `manifest.json`).
 *
 * @public
 */
export interface EvidenceBundleDownload {
  blob: Blob;
  /** File name the server suggested in `content-disposition`. */
  fileName: string;
}

// ------------------------------------------------------------------ locations

/**
 * Cell totals of one location, as `GET /locations/summary` lists them: what
 * an overview needs without downloading every cell. Locations without cells
 * are not listed.
 *
 * @public
 */
export interface LocationCellSummary {
  /** The location (Region, Local Zone or Outpost). */
  locationId: string;
  /** Cells in the location, any lifecycle. */
  cellCount: number;
  /** Of those, cells with `isolation: pooled`. */
  pooledCellCount: number;
  /** Tenants placed in the location's cells (sum of cell usage). */
  tenantCount: number;
  /** Sum of the cells' capacity. */
  capacity: { tenants: number; loadUnits: number };
  /** Sum of the cells' usage. */
  usage: { tenants: number; loadUnits: number };
}
