import { z } from 'zod';
import { typeError } from './errors';
import {
  cursorWithoutOffset,
  PAGE_LIMITS,
  pageCursorSchema,
  pageLimitSchema,
  pageOffsetSchema,
} from './paging';
import { accountIdSchema } from './primitives';

const text = z
  .string(typeError('a string'))
  .min(1, 'must not be empty')
  .max(1024, 'must be at most 1024 characters');

const governanceSourceSchema = z.enum(
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
);

const scopeShape = {
  partition: text.optional(),
  region: text.optional(),
  accountId: accountIdSchema.optional(),
};

const filterShape = {
  ...scopeShape,
  severity: text.optional(),
  complianceStatus: text.optional(),
  controlId: text.optional(),
  workflowStatus: text.optional(),
  recordState: text.optional(),
  source: governanceSourceSchema.optional(),
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
  groupBy: z
    .enum(['partition', 'region', 'account', 'severity', 'control', 'status'], {
      error:
        'must be one of partition, region, account, severity, control, status',
    })
    .default('severity'),
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
    cursor: pageCursorSchema('governance-findings', 2).optional(),
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
    .optional(),
  limit: pageLimitSchema(PAGE_LIMITS.governanceHistory),
  cursor: pageCursorSchema('governance-history', 3).optional(),
});

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
    limit: pageLimitSchema(PAGE_LIMITS.governanceSnapshots),
    cursor: pageCursorSchema(list, keyLength).optional(),
  });
}

/**
 * Body of `POST /governance/sync`.
 *
 * @public
 */
export const governanceSyncBodySchema = z.strictObject({
  provider: text.optional(),
});
