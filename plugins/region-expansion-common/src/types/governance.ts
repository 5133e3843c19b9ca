import type { z } from 'zod';
import type { DownloadedFile } from '../routes/route';
import type {
  governanceFilterQuerySchema,
  governanceFindingsQuerySchema,
  governanceGroupBySchema,
  governanceHistoryQuerySchema,
  governanceSourceSchema,
} from '../schemas/governance';
import type {
  auditControlSchema,
  conformanceScoreSchema,
  governanceFindingPageSchema,
  governanceFindingSchema,
  governanceFreshnessSchema,
  governanceHistoryPointSchema,
  governanceReasonKindSchema,
  governanceSummaryGroupSchema,
  governanceSummarySchema,
  resilienceAppSchema,
  resilienceDisruptionSchema,
} from '../schemas/governanceData';

/**
 * A governance data source.
 *
 * @public
 */
export type GovernanceSourceId = z.output<typeof governanceSourceSchema>;

/**
 * Filter of the findings reads and the evidence bundle.
 *
 * @public
 */
export type GovernanceFindingFilter = z.input<
  typeof governanceFilterQuerySchema
>;

/**
 * Scope of the Resilience Hub, Audit Manager and AWS Config reads.
 *
 * @public
 */
export type GovernanceScope = Pick<
  GovernanceFindingFilter,
  'partition' | 'region' | 'accountId'
>;

/**
 * Dimensions `GET /governance/summary` groups by.
 *
 * @public
 */
export type GovernanceGroupBy = z.output<typeof governanceGroupBySchema>;

/**
 * One group of the summary: findings and failed findings.
 *
 * @public
 */
export type GovernanceSummaryGroup = z.output<
  typeof governanceSummaryGroupSchema
>;

/**
 * Answer of `GET /governance/summary`.
 *
 * @public
 */
export type GovernanceSummary = z.output<typeof governanceSummarySchema>;

/**
 * A Security Hub finding reduced to the fields the dashboard uses.
 *
 * @public
 */
export type GovernanceFinding = z.output<typeof governanceFindingSchema>;

/**
 * A page of findings.
 *
 * @public
 */
export type GovernanceFindingPage = z.output<
  typeof governanceFindingPageSchema
>;

/**
 * Query of `GET /governance/findings`: the filter and a page, by `cursor`
 * (any depth) or by `offset` (at most 10000).
 *
 * @public
 */
export type GovernanceFindingQuery = z.input<
  typeof governanceFindingsQuerySchema
>;

/**
 * Query of `GET /governance/history`.
 *
 * @public
 */
export type GovernanceHistoryQuery = z.input<
  typeof governanceHistoryQuerySchema
>;

/**
 * Class of the reason a governance target is stale or unavailable. Readers
 * get one fixed sentence per class naming the source, account and Region;
 * the AWS error text (which may hold ARNs and account ids) stays in the
 * backend log.
 *
 * @public
 */
export type GovernanceReasonKind = z.output<typeof governanceReasonKindSchema>;

/**
 * Sync state of one source and target (partition, account, Region).
 * `stale` keeps the last good data and says why in `staleReason`.
 *
 * @public
 */
export type GovernanceFreshness = z.output<typeof governanceFreshnessSchema>;

/**
 * One day of a source's trend in a partition.
 *
 * @public
 */
export type GovernanceHistoryPoint = z.output<
  typeof governanceHistoryPointSchema
>;

/**
 * Current versus target RTO/RPO of an application for one disruption type.
 *
 * @public
 */
export type ResilienceDisruption = z.output<typeof resilienceDisruptionSchema>;

/**
 * A Resilience Hub application with its latest successful assessment.
 *
 * @public
 */
export type ResilienceApp = z.output<typeof resilienceAppSchema>;

/**
 * One control of an active Audit Manager assessment, with evidence counts by
 * folder.
 *
 * @public
 */
export type AuditControl = z.output<typeof auditControlSchema>;

/**
 * Compliance of one AWS Config conformance pack in an account and Region.
 *
 * @public
 */
export type ConformanceScore = z.output<typeof conformanceScoreSchema>;

/**
 * A downloaded evidence bundle (a ZIP with `manifest.json`).
 *
 * @public
 */
export type EvidenceBundleDownload = DownloadedFile;
