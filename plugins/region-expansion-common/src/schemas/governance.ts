import { z } from 'zod';
import { typeError } from './errors';
import {
  cursorWithoutOffset,
  keysetPageQueryShape,
  nextPageCursorSchema,
  PAGE_LIMITS,
  pageLimitSchema,
  pageOffsetSchema,
} from './paging';
import { accountIdSchema } from './primitives';

const text = z
  .string(typeError('a string'))
  .min(1, 'must not be empty')
  .max(1024, 'must be at most 1024 characters')
  .meta({ id: 'GovernanceText' });

/**
 * A governance data source.
 *
 * @public
 */
export const governanceSourceSchema = z
  .enum(
    [
      'securityhub',
      'securityhub-ocsf',
      'resiliencehub',
      'auditmanager',
      'config',
    ],
    {
      error:
        'must be one of securityhub, securityhub-ocsf, resiliencehub, auditmanager, config',
    },
  )
  .meta({ id: 'GovernanceSource' });

/**
 * A dimension `GET /governance/summary` groups by.
 *
 * @public
 */
export const governanceGroupBySchema = z
  .enum(['partition', 'region', 'account', 'severity', 'control', 'status'], {
    error:
      'must be one of partition, region, account, severity, control, status',
  })
  .meta({ id: 'GovernanceGroupBy' });

const scopeShape = {
  partition: text
    .optional()
    .describe('Only this partition, e.g. `aws` or `aws-eusc`'),
  region: text.optional().describe('Only this Region, e.g. `eu-central-1`'),
  accountId: accountIdSchema.optional(),
};

const filterShape = {
  ...scopeShape,
  severity: text
    .optional()
    .describe('INFORMATIONAL, LOW, MEDIUM, HIGH or CRITICAL (open set)'),
  complianceStatus: text
    .optional()
    .describe('PASSED, FAILED, WARNING or NOT_AVAILABLE (open set)'),
  controlId: text
    .optional()
    .describe('Security control id, for example `S3.1`'),
  workflowStatus: text
    .optional()
    .describe('NEW, NOTIFIED, SUPPRESSED or RESOLVED (open set)'),
  recordState: text.optional().describe('ACTIVE or ARCHIVED'),
  source: governanceSourceSchema
    .optional()
    .describe(
      'Only findings read through this source: `securityhub` (ASFF) or `securityhub-ocsf` (OCSF)',
    ),
};

/**
 * Query of `GET /governance/evidence-bundle`: the findings filter. Unknown
 * keys are refused.
 *
 * @public
 */
export const governanceFilterQuerySchema = z.strictObject(filterShape);

/**
 * Query of `GET /governance/summary`.
 *
 * @public
 */
export const governanceSummaryQuerySchema = z.strictObject({
  ...filterShape,
  groupBy: governanceGroupBySchema.default('severity'),
});

/**
 * Query of `GET /governance/findings`: the filter and a page, by `cursor`
 * (keyset, any depth) or by `offset` (at most `MAX_PAGE_OFFSET`).
 *
 * @public
 */
export const governanceFindingsQuerySchema = z
  .strictObject({
    ...filterShape,
    limit: pageLimitSchema(PAGE_LIMITS.governanceFindings),
    offset: pageOffsetSchema.default(0),
    cursor: nextPageCursorSchema('governance-findings', 2, {
      after: 'the findings after its page',
      example:
        'WyJnb3Zlcm5hbmNlLWZpbmRpbmdzIiwic2VjdXJpdHlodWIiLCJhcm46YXdzOnNlY3VyaXR5aHViOmV1LWNlbnRyYWwtMToxMTExMjIyMjMzMzM6ZmluZGluZy8wMDAxIl0',
    }),
  })
  .superRefine(cursorWithoutOffset);

/**
 * Query of `GET /governance/freshness`.
 *
 * @public
 */
export const governanceFreshnessQuerySchema = z.strictObject({
  partition: scopeShape.partition,
  source: governanceSourceSchema.optional(),
});

/**
 * Query of `GET /governance/history`: points from `since` (a day), a page
 * at a time in day, source and partition order.
 *
 * @public
 */
export const governanceHistoryQuerySchema = z.strictObject({
  partition: scopeShape.partition,
  source: governanceSourceSchema.optional(),
  since: z
    .string(typeError('a string'))
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day such as 2026-11-26')
    .refine(
      day => !Number.isNaN(Date.parse(`${day}T00:00:00Z`)),
      'must be a day such as 2026-11-26',
    )
    .optional()
    .meta({
      description: 'First day to return (YYYY-MM-DD)',
      example: '2026-11-01',
    }),
  ...keysetPageQueryShape(
    PAGE_LIMITS.governanceHistory,
    'governance-history',
    3,
    {
      after: 'the points after its page',
      example:
        'WyJnb3Zlcm5hbmNlLWhpc3RvcnkiLCIyMDI2LTExLTI2Iiwic2VjdXJpdHlodWIiLCJhd3MiXQ',
    },
  ),
});

/** A valid cursor of each snapshot list, for the document. */
const SNAPSHOT_CURSOR_EXAMPLES = {
  'governance-resilience':
    'WyJnb3Zlcm5hbmNlLXJlc2lsaWVuY2UiLCJhcm46YXdzOnJlc2lsaWVuY2VodWI6ZXUtY2VudHJhbC0xOjExMTEyMjIyMzMzMzphcHAvb3JkZXJzIl0',
  'governance-audit':
    'WyJnb3Zlcm5hbmNlLWF1ZGl0IiwiYTEiLCJzZXQtMSIsImNvbnRyb2wtMSJd',
  'governance-conformance':
    'WyJnb3Zlcm5hbmNlLWNvbmZvcm1hbmNlIiwiYXdzIiwiMTExMTIyMjIzMzMzIiwiZXUtY2VudHJhbC0xIiwib3BlcmF0aW9uYWwtYmVzdC1wcmFjdGljZXMiXQ',
};

/**
 * Query of the snapshot lists (`GET /governance/resilience`, `/audit`,
 * `/conformance`): the scope and a page. Each list takes only its own
 * cursors.
 *
 * @public
 */
export function governanceSnapshotQuerySchema(
  list: 'governance-resilience' | 'governance-audit' | 'governance-conformance',
) {
  const keyLength = {
    'governance-resilience': 1,
    'governance-audit': 3,
    'governance-conformance': 4,
  }[list];
  return z.strictObject({
    ...scopeShape,
    ...keysetPageQueryShape(PAGE_LIMITS.governanceSnapshots, list, keyLength, {
      after: 'the rows after its page',
      example: SNAPSHOT_CURSOR_EXAMPLES[list],
    }),
  });
}

/**
 * Body of `POST /governance/sync`.
 *
 * @public
 */
export const governanceSyncBodySchema = z
  .strictObject({
    provider: text
      .optional()
      .describe('One provider id; without it every provider syncs'),
  })
  .meta({ id: 'GovernanceSyncRequest' });
