import { z } from 'zod';
import { governanceGroupBySchema, governanceSourceSchema } from './governance';
import { cursorPageSchema } from './paging';

const isoTime = z.iso.datetime({ offset: true });
const isoDay = z.iso.date();

/** Where a governance row was read: one account in one Region of a partition. */
const targetShape = {
  partition: z.string(),
  accountId: z.string(),
  region: z.string(),
};

/**
 * Class of the reason a governance target is stale or unavailable, or a
 * page of SSM public parameters failed. Readers get one fixed sentence per
 * class; the AWS error text (which may hold ARNs and account ids) stays in
 * the backend log.
 *
 * @public
 */
export const governanceReasonKindSchema = z
  .enum([
    'access-denied',
    'invalid-credentials',
    'not-enabled',
    'throttled',
    'endpoint-unreachable',
    'service-error',
    'interrupted',
    'storage-error',
    'unknown-error',
  ])
  .meta({
    id: 'GovernanceReasonKind',
    description:
      'Class of the reason a governance target is stale or unavailable, or a page of SSM public parameters failed; readers get one fixed sentence per class.',
  });

/**
 * The findings filter as the server read it.
 *
 * @public
 */
export const governanceFilterSchema = z
  .object({
    partition: z.string().optional(),
    region: z.string().optional(),
    accountId: z.string().optional().describe('12-digit AWS account id'),
    severity: z
      .string()
      .optional()
      .describe('Upper case: INFORMATIONAL, LOW, MEDIUM, HIGH, CRITICAL'),
    complianceStatus: z
      .string()
      .optional()
      .describe('Upper case: PASSED, FAILED, WARNING, NOT_AVAILABLE'),
    controlId: z.string().optional(),
    workflowStatus: z
      .string()
      .optional()
      .describe('Upper case: NEW, NOTIFIED, SUPPRESSED, RESOLVED'),
    recordState: z.string().optional().describe('ACTIVE or ARCHIVED'),
    source: governanceSourceSchema.optional(),
  })
  .meta({
    id: 'GovernanceFilter',
    description: 'The filter of the request, as parsed',
  });

/**
 * One group of the summary: findings and failed findings.
 *
 * @public
 */
export const governanceSummaryGroupSchema = z
  .object({
    key: z
      .string()
      .describe(
        'Value of the grouped dimension (e.g. `HIGH`, or an account id); `NONE` for findings without one',
      ),
    total: z.number().int().describe('Findings in the group'),
    failed: z
      .number()
      .int()
      .describe('Of those, findings with compliance status FAILED'),
  })
  .meta({ id: 'GovernanceSummaryGroup' });

/**
 * Answer of `GET /governance/summary`.
 *
 * @public
 */
export const governanceSummarySchema = z.object({
  groupBy: governanceGroupBySchema,
  filter: governanceFilterSchema,
  groups: z
    .array(governanceSummaryGroupSchema)
    .describe('One entry per value with at least one finding, ordered by key'),
});

/**
 * A Security Hub finding reduced to the fields the dashboard uses.
 *
 * @public
 */
export const governanceFindingSchema = z
  .object({
    findingId: z
      .string()
      .describe(
        'ASFF `Id` or OCSF `finding_info.uid`; with the source the natural key',
      ),
    partition: z.string().describe('Partition of the target it was read from'),
    accountId: z.string(),
    region: z.string(),
    severity: z
      .string()
      .describe('INFORMATIONAL, LOW, MEDIUM, HIGH, CRITICAL (open set)'),
    complianceStatus: z
      .string()
      .optional()
      .describe('PASSED, FAILED, WARNING, NOT_AVAILABLE (open set)'),
    controlId: z
      .string()
      .optional()
      .describe('Security control id, e.g. `S3.1`'),
    workflowStatus: z
      .string()
      .optional()
      .describe('NEW, NOTIFIED, SUPPRESSED, RESOLVED (open set)'),
    recordState: z.string().describe('ACTIVE or ARCHIVED'),
    resourceType: z
      .string()
      .optional()
      .describe('Type of the first affected resource, e.g. `AwsS3Bucket`'),
    resourceId: z
      .string()
      .optional()
      .describe('Id (usually the ARN) of the first affected resource'),
    productName: z.string().optional(),
    generatorId: z
      .string()
      .optional()
      .describe(
        'ASFF `GeneratorId`, or `security-control/<control id>` from OCSF',
      ),
    title: z.string().optional(),
    createdAt: isoTime,
    updatedAt: isoTime,
  })
  .meta({ id: 'GovernanceFinding' });

/**
 * Answer of `GET /governance/findings`: a page of findings.
 *
 * @public
 */
export const governanceFindingPageSchema = z.object({
  items: z
    .array(governanceFindingSchema)
    .describe('Findings of this page, ordered by source and finding id'),
  total: z
    .number()
    .int()
    .describe('Findings matching the filter across all pages'),
  limit: z.number().int(),
  offset: z.number().int().describe('Offset of this page (0 with `cursor`)'),
  nextCursor: z
    .string()
    .optional()
    .describe('Cursor of the next page; absent on the last page'),
});

/**
 * Sync state of one source and target (partition, account, Region).
 *
 * @public
 */
export const governanceFreshnessSchema = z
  .object({
    source: z.string(),
    ...targetShape,
    status: z
      .enum(['never', 'running', 'ok', 'unavailable', 'stale'])
      .describe(
        '`running` while a run reads the target, `ok` after a successful read, `unavailable` when the service is not set up there, `stale` when the last run failed (its last good data is kept), `never` before any run',
      ),
    lastAttemptAt: isoTime.optional(),
    lastSuccessAt: isoTime
      .optional()
      .describe('End of the latest run that did not fail'),
    staleReason: z
      .string()
      .optional()
      .describe(
        'The fixed sentence of reasonKind, naming the source, account and Region; never the AWS error text (that is in the backend log).',
      ),
    reasonKind: governanceReasonKindSchema.optional(),
    pages: z
      .number()
      .int()
      .describe('API pages read by the current or last run'),
    rows: z.number().int().describe('Rows written by the current or last run'),
  })
  .meta({ id: 'GovernanceFreshness' });

/**
 * One day of a source's trend in a partition.
 *
 * @public
 */
export const governanceHistoryPointSchema = z
  .object({
    day: isoDay,
    source: z.string(),
    partition: z.string(),
    total: z
      .number()
      .int()
      .describe("Active findings as of the day's latest sync"),
    failed: z.number().int(),
    criticalOrHighFailed: z.number().int(),
    staleTargets: z
      .number()
      .int()
      .describe('Targets whose last run failed (status `stale`)'),
  })
  .meta({ id: 'GovernanceHistoryPoint' });

/**
 * Current versus target RTO/RPO of an application for one disruption type.
 *
 * @public
 */
export const resilienceDisruptionSchema = z.object({
  disruptionType: z
    .string()
    .describe('Software, Hardware, AZ, Region (open set)'),
  currentRtoInSecs: z.number().optional(),
  currentRpoInSecs: z.number().optional(),
  targetRtoInSecs: z.number().optional(),
  targetRpoInSecs: z.number().optional(),
  complianceStatus: z.string().optional(),
});

/**
 * A Resilience Hub application with its latest successful assessment.
 *
 * @public
 */
export const resilienceAppSchema = z
  .object({
    appArn: z.string(),
    appName: z
      .string()
      .describe('Name of the application; its ARN when it has none'),
    ...targetShape,
    assessmentArn: z
      .string()
      .optional()
      .describe('Absent when the app has no successful assessment yet'),
    complianceStatus: z
      .string()
      .describe(
        'PolicyMet, PolicyBreached, ... (open set); NotAssessed without an assessment',
      ),
    driftStatus: z.string().optional(),
    resiliencyScore: z.number().optional().describe('0 to 100'),
    assessedAt: isoTime.optional(),
    disruptions: z
      .array(resilienceDisruptionSchema)
      .describe('Current versus target RTO/RPO per disruption type'),
  })
  .meta({ id: 'ResilienceApp' });

/**
 * One control of an active Audit Manager assessment, with evidence counts
 * by folder.
 *
 * @public
 */
export const auditControlSchema = z
  .object({
    ...targetShape,
    assessmentId: z.string(),
    assessmentName: z.string(),
    framework: z.string(),
    controlSetId: z.string(),
    controlId: z.string(),
    controlName: z.string(),
    controlStatus: z
      .string()
      .describe('UNDER_REVIEW, REVIEWED, INACTIVE (open set)'),
    evidenceCount: z.number().int(),
    folders: z
      .array(
        z.object({
          folderId: z.string(),
          date: isoDay,
          dataSource: z.string().optional(),
          totalEvidence: z.number().int(),
          complianceCheckCount: z.number().int(),
          complianceCheckIssuesCount: z.number().int(),
        }),
      )
      .describe('Evidence folders of the control, newest date first'),
  })
  .meta({ id: 'AuditControl' });

/**
 * Compliance of one AWS Config conformance pack in an account and Region.
 *
 * @public
 */
export const conformanceScoreSchema = z
  .object({
    ...targetShape,
    packName: z.string(),
    complianceType: z
      .string()
      .describe('COMPLIANT, NON_COMPLIANT, INSUFFICIENT_DATA (open set)'),
    compliantRules: z.number().int(),
    nonCompliantRules: z.number().int(),
    totalRules: z.number().int(),
    score: z.number().min(0).max(100).describe('Percent of compliant rules'),
  })
  .meta({ id: 'ConformanceScore' });

/** Answer of `GET /governance/history`. @public */
export const governanceHistoryPageSchema = cursorPageSchema(
  governanceHistoryPointSchema,
);

/** Answer of `GET /governance/resilience`. @public */
export const resilienceAppPageSchema = cursorPageSchema(resilienceAppSchema);

/** Answer of `GET /governance/audit`. @public */
export const auditControlPageSchema = cursorPageSchema(auditControlSchema);

/** Answer of `GET /governance/conformance`. @public */
export const conformanceScorePageSchema = cursorPageSchema(
  conformanceScoreSchema,
);

/**
 * Answer of `POST /governance/sync`.
 *
 * @public
 */
export const governanceSyncResultSchema = z.object({
  triggered: z
    .array(z.string())
    .describe('The providers whose sync was triggered'),
});
