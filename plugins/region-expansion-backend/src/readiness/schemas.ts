import {
  countryCodeSchema,
  dataClassificationSchema,
  idSchema,
  READINESS_CHECKS,
  readinessHistoryQuerySchema,
  residencySchema,
  typeError,
  waiverListQuerySchema,
} from '@region-expansion/plugin-region-expansion-common';
import { z } from 'zod';

const text = (max: number) =>
  z
    .string(typeError('a string'))
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`);

const isoDateTime = z.iso.datetime({
  offset: true,
  error: 'must be an ISO 8601 date-time such as 2027-01-31T00:00:00Z',
});

const checkSchema = z.enum(READINESS_CHECKS as [string, ...string[]], {
  error: `must be one of ${READINESS_CHECKS.join(', ')}`,
});

const levelSchema = z.enum(['blocked', 'pilot', 'ready'], {
  error: 'must be one of blocked, pilot, ready',
});

/** Path parameter `:locationId`. */
export const locationParamSchema = z.strictObject({ locationId: idSchema });

/** Query of GET /readiness. */
export const readinessListQuerySchema = z.strictObject({
  partition: idSchema.optional(),
  level: levelSchema.optional(),
});

/** Query of GET /readiness/:locationId/history (paged; shared with the client). */
export const historyQuerySchema = readinessHistoryQuerySchema;

/** Query of GET /waivers (paged; shared with the client). */
export const waiverQuerySchema = waiverListQuerySchema;

/** Body of POST /waivers. */
export const createWaiverSchema = z.strictObject({
  locationId: idSchema,
  check: checkSchema,
  reason: text(2000),
  approver: text(255),
  expiresAt: isoDateTime,
});

/** Path parameter `:id` of DELETE /waivers/:id. */
export const waiverParamSchema = z.strictObject({
  id: z.uuid({ error: 'must be a waiver id (a UUID)' }),
});

/** Query of PUT /application-plane/footprint. */
export const footprintQuerySchema = z.strictObject({
  source: text(500).optional(),
});

const fileText = z.string(typeError('a string')).max(4096);

/**
 * An application-plane footprint as `yarn region-expansion footprint --json`
 * prints it. Unknown fields are rejected so a typo does not silently drop
 * data; service codes are checked against the service mapping by the
 * service.
 */
export const footprintSchema = z.strictObject({
  services: z
    .array(
      z.strictObject({
        code: z
          .string(typeError('a string'))
          .regex(
            /^[a-z0-9][a-z0-9.-]{0,63}$/,
            'must be an SSM service code such as s3 or lambda',
          ),
        sources: z
          .array(
            z.enum(['iac', 'cloudtrail'], {
              error: 'must be one of iac, cloudtrail',
            }),
          )
          .min(1, 'must name at least one source'),
        actions: z.array(z.string(typeError('a string')).max(256)).max(5000),
      }),
      typeError('an array'),
    )
    .max(2000, 'must have at most 2000 services'),
  crossRegion: z
    .array(
      z.strictObject({
        kind: z.enum(
          [
            'global-service',
            'region-pinned',
            'replication',
            'backup-copy',
            'provider-region',
            'hardcoded-partition',
          ],
          {
            error:
              'must be one of global-service, region-pinned, replication, backup-copy, provider-region, hardcoded-partition',
          },
        ),
        service: z.string(typeError('a string')).max(64).optional(),
        region: z.string(typeError('a string')).max(64).optional(),
        file: fileText,
        path: fileText,
        detail: fileText,
        occurrences: z
          .number(typeError('a number'))
          .int('must be a whole number')
          .min(1, 'must be at least 1')
          .optional(),
        paths: z.array(fileText, typeError('an array')).max(10).optional(),
      }),
      typeError('an array'),
    )
    .max(10000, 'must have at most 10000 entries'),
  unknown: z
    .array(
      z.strictObject({
        kind: z.enum(['resource-type', 'event-source', 'iam-action'], {
          error: 'must be one of resource-type, event-source, iam-action',
        }),
        value: z.string(typeError('a string')).max(512),
        file: fileText,
        path: fileText.optional(),
      }),
      typeError('an array'),
    )
    .max(10000, 'must have at most 10000 entries'),
  cloudTrail: z
    .strictObject({
      files: z.number().int().nonnegative(),
      digestFilesSkipped: z.number().int().nonnegative(),
      records: z.number().int().nonnegative(),
      apiCalls: z.number().int().nonnegative(),
      serviceEvents: z.record(z.string(), z.number().int().nonnegative()),
      consoleSignIns: z.number().int().nonnegative(),
      accounts: z.array(z.string().max(64)),
      regions: z.array(z.string().max(64)),
    })
    .optional(),
});

/** Standard base64 with padding, as the browser's `btoa` writes it. */
const BASE64 =
  /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Body of POST /readiness/:locationId/assess: one file and, optionally, who
 * the data belongs to. The file name is written into a private temporary
 * folder, so it may not name a folder itself.
 */
export const assessUploadSchema = z
  .strictObject({
    fileName: z
      .string(typeError('a string'))
      .min(1, 'must not be empty')
      .max(255, 'must be at most 255 characters')
      .refine(
        name =>
          name !== '.' &&
          name !== '..' &&
          // eslint-disable-next-line no-control-regex
          !/[\\/\u0000-\u001f]/.test(name),
        'must be a file name without a folder, such as stack.template.json',
      ),
    content: z.string(typeError('a string')).min(1, 'must not be empty'),
    encoding: z
      .enum(['utf8', 'base64'], { error: 'must be one of utf8, base64' })
      .default('utf8'),
    residency: residencySchema.optional(),
    classification: dataClassificationSchema.optional(),
    homeCountry: countryCodeSchema.optional(),
  })
  .superRefine((body, ctx) => {
    if (body.encoding === 'base64' && !BASE64.test(body.content)) {
      ctx.addIssue({
        code: 'custom',
        path: ['content'],
        message: 'must be base64 text when encoding is base64',
      });
    }
  });
