import type { z } from 'zod';
import type {
  availabilityDiffSchema,
  availabilityRefreshSchema,
  availabilityStatusSchema,
  ssmPageFailureSchema,
} from '../schemas/availability';

/**
 * A page of SSM public parameters that a live availability refresh could
 * not read, as `GET /availability` answers it (and as it is stored).
 *
 * @public
 */
export type SsmPageFailure = z.output<typeof ssmPageFailureSchema>;

/**
 * A live availability refresh as `GET /availability` shows it.
 *
 * @public
 */
export type AvailabilityRefreshView = z.output<
  typeof availabilityRefreshSchema
>;

/**
 * Answer of `GET /availability`.
 *
 * @public
 */
export type AvailabilityStatus = z.output<typeof availabilityStatusSchema>;

/**
 * Answer of `GET /availability/diff`.
 *
 * @public
 */
export type AvailabilityDiffView = z.output<typeof availabilityDiffSchema>;
