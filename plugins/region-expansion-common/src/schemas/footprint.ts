import { z } from 'zod';
import { typeError } from './errors';
import { countryCodeSchema } from './primitives';
import { readinessBlockerSchema, readinessEvaluationSchema } from './readiness';
import { dataClassificationSchema, residencySchema } from './tenants';

const fileText = z.string(typeError('a string')).max(4096);

/**
 * An application-plane footprint as `yarn region-expansion footprint --json`
 * prints it. Unknown fields are rejected so a typo does not silently drop
 * data; service codes are checked against the service mapping by the
 * service.
 *
 * @public
 */
export const footprintSchema = z
  .strictObject({
    services: z
      .array(
        z.strictObject({
          code: z
            .string(typeError('a string'))
            .regex(
              /^[a-z0-9][a-z0-9.-]{0,63}$/,
              'must be an SSM service code such as s3 or lambda',
            )
            .describe('SSM service code known to the service mapping'),
          sources: z
            .array(
              z.enum(['iac', 'cloudtrail'], {
                error: 'must be one of iac, cloudtrail',
              }),
            )
            .min(1, 'must name at least one source')
            .describe(
              'Where the service was seen: infrastructure code, CloudTrail or both',
            ),
          actions: z
            .array(z.string(typeError('a string')).max(256))
            .max(5000)
            .describe(
              'API action names without the service prefix, e.g. `PutObject`',
            ),
        }),
        typeError('an array'),
      )
      .max(2000, 'must have at most 2000 services')
      .describe('Services used, one entry per SSM service code'),
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
          region: z
            .string(typeError('a string'))
            .max(64)
            .optional()
            .describe(
              'a Region code such as us-east-1; absent when the input does not say one',
            ),
          file: fileText,
          path: fileText.describe('the first place the finding was seen'),
          detail: fileText,
          occurrences: z
            .number(typeError('a number'))
            .int('must be a whole number')
            .min(1, 'must be at least 1')
            .optional()
            .describe(
              'how many places say the same thing (kind, service, Region, file); present when more than one',
            ),
          paths: z
            .array(fileText, typeError('an array'))
            .max(10)
            .optional()
            .describe('example places, path first; present when more than one'),
        }),
        typeError('an array'),
      )
      .max(10000, 'must have at most 10000 entries')
      .describe('Dependencies that cross a Region or partition boundary'),
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
      .max(10000, 'must have at most 10000 entries')
      .describe('Items that could not be mapped to a service'),
    cloudTrail: z
      .strictObject({
        files: z.number().int().nonnegative(),
        digestFilesSkipped: z.number().int().nonnegative(),
        records: z.number().int().nonnegative(),
        recordsSkipped: z
          .number()
          .int()
          .nonnegative()
          .optional()
          .describe(
            'Records (among records) not counted because their eventType, eventSource or eventName is absent or not a string',
          ),
        apiCalls: z.number().int().nonnegative(),
        serviceEvents: z.record(z.string(), z.number().int().nonnegative()),
        consoleSignIns: z.number().int().nonnegative(),
        accounts: z.array(z.string().max(64)),
        regions: z.array(z.string().max(64)),
      })
      .optional()
      .describe('Summary of the CloudTrail input, when there was any'),
  })
  .meta({
    id: 'Footprint',
    description:
      'The AWS services and API actions an application plane uses, with its cross-Region dependencies and what could not be classified',
  });

/**
 * Query of `PUT /application-plane/footprint`.
 *
 * @public
 */
export const footprintQuerySchema = z.strictObject({
  source: z
    .string(typeError('a string'))
    .trim()
    .min(1, 'must not be empty')
    .max(500, 'must be at most 500 characters')
    .optional()
    .describe('Where the footprint came from; default `uploaded by <caller>`'),
});

/** A character outside the standard base64 alphabet (padding aside). */
const NOT_BASE64_ALPHABET = /[^A-Za-z0-9+/]/;

/**
 * Standard base64 with padding, as the browser's `btoa` writes it. Checked
 * by length, padding and one scan for a stray character: a single
 * backtracking expression over the groups of four overflowed its stack past
 * about 4.4 million characters, well inside the route's 10 MB body.
 */
function isPaddedBase64(text: string): boolean {
  if (text.length % 4 !== 0) return false;
  const padding = text.endsWith('==') ? 2 : Number(text.endsWith('='));
  return !NOT_BASE64_ALPHABET.test(text.slice(0, text.length - padding));
}

/**
 * Body of `POST /readiness/{locationId}/assess`: one file and, optionally,
 * who the data belongs to. The file name is written into a private
 * temporary folder, so it may not name a folder itself.
 *
 * @public
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
      )
      .describe(
        "The file's name without a folder, e.g. `stack.template.json`; its extension helps tell the kind, and messages name it",
      ),
    content: z
      .string(typeError('a string'))
      .min(1, 'must not be empty')
      .describe("The file's text, or its bytes as base64"),
    encoding: z
      .enum(['utf8', 'base64'], { error: 'must be one of utf8, base64' })
      .default('utf8')
      .describe('How `content` is encoded; a `.json.gz` needs `base64`'),
    residency: residencySchema.optional(),
    classification: dataClassificationSchema
      .optional()
      .describe('Highest classification of the data; default `internal`'),
    homeCountry: countryCodeSchema
      .optional()
      .describe("Country of the data subjects; default the location's"),
  })
  .superRefine((body, ctx) => {
    if (body.encoding === 'base64' && !isPaddedBase64(body.content)) {
      ctx.addIssue({
        code: 'custom',
        path: ['content'],
        message: 'must be base64 text when encoding is base64',
      });
    }
  })
  .meta({ id: 'AssessUpload' });

/**
 * The application-plane footprint readiness is judged against.
 *
 * @public
 */
export const storedFootprintSchema = z
  .object({
    id: z
      .string()
      .describe(
        'Application plane id; `default` for the one application plane',
      ),
    footprint: footprintSchema,
    source: z
      .string()
      .describe('Where the footprint came from, e.g. the CLI invocation'),
    updatedBy: z
      .string()
      .describe(
        "Who stored it (the caller's entity ref); `region-expansion:demo-data` for the demo seed",
      ),
    updatedAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'StoredFootprint' });

/**
 * Answer of `PUT /application-plane/footprint`.
 *
 * @public
 */
export const putFootprintResultSchema = z.object({
  footprint: storedFootprintSchema,
  evaluated: z.number().int().describe('Locations evaluated against it'),
});

/**
 * Answer of `POST /readiness/{locationId}/assess`: the file's footprint and
 * the readiness the location would have with it as the application plane;
 * nothing is stored.
 *
 * @public
 */
export const footprintAssessmentSchema = z
  .object({
    locationId: z
      .string()
      .describe('The location the file was assessed against'),
    partition: z.string().describe('Partition of the location'),
    fileName: z.string().describe('Name of the uploaded file, as sent'),
    kind: z
      .enum(['cloudformation', 'terraform-plan', 'cloudtrail'])
      .describe(
        'What the file was read as: a CloudFormation template (CDK stack templates included), a Terraform plan JSON or a CloudTrail log file',
      ),
    footprint: footprintSchema,
    evaluation: readinessEvaluationSchema.describe(
      'Level, blockers, open checks and signals; not stored',
    ),
    availabilityGaps: z
      .array(readinessBlockerSchema)
      .describe(
        'Every footprint service the location does not offer, also when a waiver covers the availability check',
      ),
    sovereigntyBlockers: z
      .array(readinessBlockerSchema)
      .describe(
        'Every residency, partition and control-plane finding, also when a waiver covers the sovereignty check',
      ),
  })
  .meta({ id: 'FootprintAssessment' });
