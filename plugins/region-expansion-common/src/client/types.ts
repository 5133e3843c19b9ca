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
  /** Row id of the evaluation; increases with every evaluation. */
  id: string;
  /** The location evaluated (Region, Local Zone or Outpost). */
  locationId: string;
  /** Partition of the location. */
  partition: string;
  /** Readiness level the evaluation gave. */
  level: ReadinessLevel;
  /** What started the evaluation. */
  trigger: ReadinessTrigger;
  /** ISO 8601 time of the evaluation. */
  evaluatedAt: string;
  /** Failing, unwaived checks: any makes the level `blocked`. */
  blockers: ReadinessBlocker[];
  /** Warning or unknown, unwaived checks: any keeps the level at `pilot`. */
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
  /** Evaluations of this page, newest first, each with the level before it. */
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
  /** Offset of this page (0 when read with `cursor`). */
  offset: number;
  /** Page size. */
  limit: number;
  /** Pass as `cursor` for the next (older) page; absent on the last page. */
  nextCursor?: string;
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
  /** Evaluations to skip; default 0, at most 10000 (deeper: `cursor`). */
  offset?: number;
  /** Page size; default 50, at most 500. */
  limit?: number;
  /** `nextCursor` of the previous page; not with `offset`. */
  cursor?: string;
}

/**
 * A page of a list read with a keyset cursor: pass `nextCursor` back as
 * `cursor` for the next page, until it is absent.
 *
 * @public
 */
export interface CursorPage<T> {
  /** Rows of this page, in the list's order. */
  items: T[];
  /** Page size the server used. */
  limit: number;
  /** Opaque token of the next page; absent on the last page. */
  nextCursor?: string;
}

/**
 * How much of a cursor-paged list to read.
 *
 * @public
 */
export interface CursorPageQuery {
  /** Page size; each list documents its default and maximum. */
  limit?: number;
  /** `nextCursor` of the previous page, unchanged. */
  cursor?: string;
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
  /** Waiver id (a UUID), as `DELETE /waivers/:id` takes it. */
  id: string;
  /** Who recorded the waiver (the caller's entity ref). */
  createdBy: string;
  /** ISO 8601 time the waiver was recorded. */
  createdAt: string;
  /** ISO 8601 time the waiver was revoked; absent unless revoked. */
  revokedAt?: string;
  /**
   * Who revoked the waiver (the caller's entity ref); absent unless revoked.
   */
  revokedBy?: string;
  /** Status at the time of the read. */
  status: ReadinessWaiverStatus;
}

/**
 * Filter of `GET /waivers`.
 *
 * @public
 */
export interface ReadinessWaiverQuery extends CursorPageQuery {
  /** Only waivers of this location. */
  locationId?: string;
  /** Only waivers of this check. */
  check?: ReadinessCheck;
  /** Only waivers with this status at the time of the read. */
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
  /** The waiver as stored after the change. */
  waiver: StoredReadinessWaiver;
  /** The re-evaluation of the waiver's location (trigger `waiver`). */
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
  /**
   * Services, cross-Region dependencies and unknown items every location is
   * judged against.
   */
  footprint: Footprint;
  /** Where the footprint came from, e.g. the CLI invocation. */
  source: string;
  /**
   * Who stored the footprint (the caller's entity ref);
   * `region-expansion:demo-data` for the demo seed.
   */
  updatedBy: string;
  /** ISO 8601 time the footprint was stored. */
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
  /** The location the file was assessed against. */
  locationId: string;
  /** Partition of the location. */
  partition: string;
  /** Name of the uploaded file, as sent. */
  fileName: string;
  /** What the file was read as. */
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
  /** Only this partition, e.g. `aws` or `aws-eusc`. */
  partition?: string;
  /** Only this Region, e.g. `eu-central-1`. */
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
  /** Upper case: NEW, NOTIFIED, SUPPRESSED, RESOLVED. */
  workflowStatus?: string;
  /** ACTIVE or ARCHIVED. */
  recordState?: string;
  /**
   * Only findings read through this source: `securityhub` (ASFF) or
   * `securityhub-ocsf` (OCSF).
   */
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
  /**
   * Value of the grouped dimension (e.g. `HIGH`, or an account id); `NONE` for
   * findings without one.
   */
  key: string;
  /** Findings in the group, whatever their compliance status. */
  total: number;
  /** Of those, findings with compliance status FAILED. */
  failed: number;
}

/**
 * Answer of `GET /governance/summary`.
 *
 * @public
 */
export interface GovernanceSummary {
  /** Dimension the findings were grouped by; default `severity`. */
  groupBy: GovernanceGroupBy;
  /** The filter the counts were taken under, as the server read it. */
  filter: GovernanceFindingFilter;
  /** One entry per value with at least one finding, ordered by key. */
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
  /** Partition of the target the finding was read from. */
  partition: string;
  /** 12-digit AWS account id the finding belongs to. */
  accountId: string;
  /** Region of the finding, e.g. `eu-central-1`. */
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
  /**
   * Type of the first affected resource, e.g. `AwsS3Bucket`; absent when not
   * reported.
   */
  resourceType?: string;
  /**
   * Id (usually the ARN) of the first affected resource; absent when not
   * reported.
   */
  resourceId?: string;
  /**
   * Product that reported the finding, e.g. `Security Hub`; absent when not
   * reported.
   */
  productName?: string;
  /**
   * What generated the finding: ASFF `GeneratorId`, or
   * `security-control/<control id>` from OCSF; absent when not reported.
   */
  generatorId?: string;
  /** Short title of the finding; absent when not reported. */
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
  /** Findings of this page, ordered by source and finding id. */
  items: GovernanceFinding[];
  /** Findings matching the filter across all pages. */
  total: number;
  /** Page size (1 to 1000; default 100). */
  limit: number;
  /** Offset of this page (0 when read with `cursor`). */
  offset: number;
  /** Pass as `cursor` for the next page; absent on the last page. */
  nextCursor?: string;
}

/**
 * Query of `GET /governance/findings`: the filter and a page, by `cursor`
 * (any depth) or by `offset` (at most 10000).
 *
 * @public
 */
export interface GovernanceFindingQuery
  extends GovernanceFindingFilter,
    CursorPageQuery {
  /** Findings to skip; default 0, at most 10000; not with `cursor`. */
  offset?: number;
}

/**
 * Query of `GET /governance/history`.
 *
 * @public
 */
export interface GovernanceHistoryQuery extends CursorPageQuery {
  /** Only this partition. */
  partition?: string;
  /** Only this source. */
  source?: GovernanceSourceId;
  /** First day (YYYY-MM-DD) to return. */
  since?: string;
}

/**
 * Class of the reason a governance target is stale or unavailable. Readers
 * get one fixed sentence per class naming the source, account and Region;
 * the AWS error text (which may hold ARNs and account ids) stays in the
 * backend log.
 *
 * @public
 */
export type GovernanceReasonKind =
  | 'access-denied'
  | 'invalid-credentials'
  | 'not-enabled'
  | 'throttled'
  | 'endpoint-unreachable'
  | 'service-error'
  | 'interrupted'
  | 'storage-error'
  | 'unknown-error';

/**
 * A page of SSM public parameters that a live availability refresh could
 * not read, as GET /availability answers it (and as it is stored).
 *
 * @public
 */
export interface SsmPageFailure {
  /** Location (Region) id whose listing failed. */
  locationId: string;
  /** SSM parameter path being listed. */
  path: string;
  /** Zero-based page number within the path. */
  page: number;
  /**
   * Class of the failure: the governance classification of the error the
   * `GetParametersByPath` call threw.
   */
  reasonKind: GovernanceReasonKind;
  /**
   * The fixed sentence of `reasonKind`, naming the location and page and
   * never the AWS error text: that may hold role ARNs and account ids and
   * goes to the backend log only.
   */
  error: string;
}

/**
 * Sync state of one source and target (partition, account, Region).
 * `stale` keeps the last good data and says why in `staleReason`.
 *
 * @public
 */
export interface GovernanceFreshness {
  /** Governance source, e.g. `securityhub`. */
  source: string;
  /** Partition of the target. */
  partition: string;
  /** 12-digit AWS account id of the target. */
  accountId: string;
  /** Region of the target. */
  region: string;
  /**
   * `running` while a run reads the target, `ok` after a successful read,
   * `unavailable` when the service is not set up there, `stale` when the last
   * run failed, `never` before any run.
   */
  status: 'never' | 'running' | 'ok' | 'unavailable' | 'stale';
  /** ISO 8601 start of the latest run; absent before any run. */
  lastAttemptAt?: string;
  /**
   * ISO 8601 end of the latest run that did not fail (`ok` or `unavailable`);
   * absent when none has.
   */
  lastSuccessAt?: string;
  /**
   * Why the last run failed (`stale`) or the service is `unavailable`: the
   * fixed sentence of `reasonKind`, never the AWS error text; cleared by the
   * next successful read.
   */
  staleReason?: string;
  /** Class of `staleReason`; present whenever it is. */
  reasonKind?: GovernanceReasonKind;
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
  /** Governance source, e.g. `securityhub`. */
  source: string;
  /** Partition the counts cover. */
  partition: string;
  /**
   * Active findings of the source in the partition, as of the day's latest
   * sync.
   */
  total: number;
  /** Of those, findings with compliance status FAILED. */
  failed: number;
  /** Of the failed, findings with severity CRITICAL or HIGH. */
  criticalOrHighFailed: number;
  /**
   * Targets of the source in the partition whose last run failed (status
   * `stale`).
   */
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
  /**
   * Recovery time the latest successful assessment estimates, in seconds;
   * absent when not reported.
   */
  currentRtoInSecs?: number;
  /**
   * Recovery point the latest successful assessment estimates, in seconds;
   * absent when not reported.
   */
  currentRpoInSecs?: number;
  /**
   * Recovery time objective of the resiliency policy, in seconds; absent when
   * the policy sets none.
   */
  targetRtoInSecs?: number;
  /**
   * Recovery point objective of the resiliency policy, in seconds; absent when
   * the policy sets none.
   */
  targetRpoInSecs?: number;
  /**
   * PolicyMet, PolicyBreached, ... (open set); absent when the assessment
   * reports none for this type.
   */
  complianceStatus?: string;
}

/**
 * A Resilience Hub application with its latest successful assessment.
 *
 * @public
 */
export interface ResilienceApp {
  /** ARN of the Resilience Hub application. */
  appArn: string;
  /** Name of the application; its ARN when it has none. */
  appName: string;
  /** Partition of the target the application was read from. */
  partition: string;
  /** 12-digit AWS account id of the application. */
  accountId: string;
  /** Region of the application. */
  region: string;
  /** `undefined` when the app has no successful assessment yet. */
  assessmentArn?: string;
  /** PolicyMet, PolicyBreached, ... (open set); `NotAssessed` without an assessment. */
  complianceStatus: string;
  /** NotChecked, NotDetected, Detected (open set). */
  driftStatus?: string;
  /**
   * Resiliency score of the latest successful assessment, 0 to 100; absent
   * without one.
   */
  resiliencyScore?: number;
  /** ISO 8601 end of the assessment. */
  assessedAt?: string;
  /**
   * Current versus target RTO/RPO per disruption type (Software, Hardware, AZ,
   * Region first); empty without an assessment.
   */
  disruptions: ResilienceDisruption[];
}

/**
 * One control of an active Audit Manager assessment, with evidence counts by folder.
 *
 * @public
 */
export interface AuditControl {
  /** Partition of the target the control was read from. */
  partition: string;
  /** 12-digit AWS account id of the assessment. */
  accountId: string;
  /** Region of the assessment. */
  region: string;
  /** Audit Manager assessment id. */
  assessmentId: string;
  /** Name of the assessment; its id when it has none. */
  assessmentName: string;
  /** Name of the assessment's framework (else its compliance type or id). */
  framework: string;
  /** Control set of the framework the control belongs to. */
  controlSetId: string;
  /**
   * Audit Manager control id; with `assessmentId` and `controlSetId` it
   * identifies the row.
   */
  controlId: string;
  /** Name of the control; its id when it has none. */
  controlName: string;
  /** UNDER_REVIEW, REVIEWED, INACTIVE (open set). */
  controlStatus: string;
  /**
   * Evidence collected for the control, as Audit Manager counts it (else the
   * sum of its folders' evidence).
   */
  evidenceCount: number;
  /** Evidence folders of the control, newest date first. */
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
  /** Partition of the target the score was read from. */
  partition: string;
  /** 12-digit AWS account id of the pack. */
  accountId: string;
  /** Region of the pack. */
  region: string;
  /** Name of the conformance pack. */
  packName: string;
  /** COMPLIANT, NON_COMPLIANT, INSUFFICIENT_DATA (open set). */
  complianceType: string;
  /** Rules of the pack that are compliant. */
  compliantRules: number;
  /** Rules of the pack that are not compliant. */
  nonCompliantRules: number;
  /**
   * Rules in the pack, as AWS Config counts them (else compliant plus
   * non-compliant).
   */
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
  /** The ZIP archive as the server sent it. */
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
