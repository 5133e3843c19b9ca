import { z } from 'zod';
import { READINESS_CHECKS } from '../types/readiness';
import {
  cursorWithoutOffset,
  PAGE_LIMITS,
  pageCursorSchema,
  pageLimitSchema,
  pageOffsetSchema,
} from './paging';
import { idSchema } from './primitives';

/**
 * Query of `GET /readiness/{locationId}/history`: newest first, a page by
 * `cursor` (keyset, any depth) or by `offset` (at most `MAX_PAGE_OFFSET`).
 *
 * @public
 */
export const readinessHistoryQuerySchema = z
  .strictObject({
    since: z.iso
      .datetime({
        offset: true,
        error: 'must be an ISO 8601 date-time such as 2027-01-31T00:00:00Z',
      })
      .optional(),
    changesOnly: z
      .enum(['true', 'false'], { error: 'must be true or false' })
      .optional(),
    offset: pageOffsetSchema.default(0),
    limit: pageLimitSchema(PAGE_LIMITS.readinessHistory),
    cursor: pageCursorSchema('readiness-history', 1).optional(),
  })
  .superRefine(cursorWithoutOffset);

/**
 * Query of `GET /waivers`: the filter and a page, newest first.
 *
 * @public
 */
export const waiverListQuerySchema = z.strictObject({
  locationId: idSchema.optional(),
  check: z
    .enum(READINESS_CHECKS as [string, ...string[]], {
      error: `must be one of ${READINESS_CHECKS.join(', ')}`,
    })
    .optional(),
  status: z
    .enum(['active', 'expired', 'revoked'], {
      error: 'must be one of active, expired, revoked',
    })
    .optional(),
  limit: pageLimitSchema(PAGE_LIMITS.waivers),
  cursor: pageCursorSchema('waivers', 2).optional(),
});
