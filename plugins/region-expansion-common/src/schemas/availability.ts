import { z } from 'zod';
import { governanceReasonKindSchema } from './governanceData';
import { idSchema } from './primitives';

const isoTime = z.iso.datetime({ offset: true });

/**
 * Body of `POST /availability/refresh`.
 *
 * @public
 */
export const availabilityRefreshBodySchema = z
  .strictObject({
    partitions: z
      .array(idSchema)
      .min(1, 'must name at least one partition')
      .optional()
      .describe('Configured partitions to read; default all of them'),
  })
  .meta({ id: 'AvailabilityRefreshRequest' });

/**
 * A page of SSM public parameters that a live availability refresh could
 * not read.
 *
 * @public
 */
export const ssmPageFailureSchema = z
  .object({
    locationId: z.string().describe('Location (Region) whose listing failed'),
    path: z.string().describe('SSM parameter path being listed'),
    page: z.number().int().min(0).describe('Zero-based page'),
    reasonKind: governanceReasonKindSchema,
    error: z
      .string()
      .describe(
        'The fixed sentence of reasonKind, naming the location and page; never the AWS error text (that is in the backend log).',
      ),
  })
  .meta({ id: 'SsmPageFailure' });

/**
 * A stored live availability refresh as the API shows it: dated, page
 * outcomes, failed pages and service counts per location.
 *
 * @public
 */
export const availabilityRefreshSchema = z
  .object({
    id: z.number().int(),
    fetchedAt: isoTime,
    partitions: z.array(z.string()).describe('Partitions read'),
    trigger: z.enum(['scheduled', 'manual']),
    requestedBy: z.string().describe('User entity ref, or `scheduler`'),
    skipped: z
      .array(z.object({ partition: z.string(), reason: z.string() }))
      .describe(
        "Partitions asked for but not read because no account is configured for them (never read with another partition's account); their locations keep the snapshot's services",
      ),
    pages: z.object({
      ok: z.number().int().min(0),
      failed: z.number().int().min(0),
    }),
    failures: z.array(ssmPageFailureSchema),
    incomplete: z
      .array(z.string())
      .describe('Locations whose listing stopped at a failed page'),
    locations: z.array(
      z.object({
        locationId: z.string(),
        services: z.number().int().min(0),
        complete: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'AvailabilityRefresh' });

/**
 * Answer of `GET /availability`.
 *
 * @public
 */
export const availabilityStatusSchema = z
  .object({
    enabled: z.boolean(),
    running: z.boolean().describe('A refresh runs now on some backend replica'),
    partitions: z.array(z.string()),
    snapshotDate: z.iso.date(),
    latest: availabilityRefreshSchema
      .nullable()
      .describe('The latest stored refresh; null before the first'),
  })
  .meta({ id: 'AvailabilityStatus' });

/**
 * Answer of `GET /availability/diff`.
 *
 * @public
 */
export const availabilityDiffSchema = z
  .object({
    snapshotDate: z.iso.date(),
    fetchedAt: isoTime,
    refreshId: z.number().int(),
    locations: z.array(
      z.object({
        locationId: z.string(),
        added: z
          .array(z.string())
          .describe('Service codes listed live but not in the snapshot'),
        removed: z
          .array(z.string())
          .describe('Empty when the live listing was incomplete'),
        partial: z
          .boolean()
          .describe('True when the live listing was incomplete'),
      }),
    ),
  })
  .meta({ id: 'AvailabilityDiff' });
