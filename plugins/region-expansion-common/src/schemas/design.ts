import { z } from 'zod';
import {
  ARCHITECTURE_RULES,
  type ArchitectureAdvice,
  type ArchitectureRuleId,
  type DesignViolation,
} from '../types/assessment';
import { controlPlaneModeSchema } from './controlPlanes';
import { typeError } from './errors';
import { countryCodeSchema, idSchema } from './primitives';
import { dataClassificationSchema, tenantTierSchema } from './tenants';

/** Countries one query may list: the residency schema's own bound. */
const MAX_QUERY_COUNTRIES = 249;

/**
 * A tenant isolation model.
 *
 * @public
 */
export const isolationModelSchema = z
  .enum(['pool', 'bridge', 'silo'], {
    error: 'must be one of pool, bridge, silo',
  })
  .meta({ id: 'IsolationModel' });

/**
 * An encryption key tier, weakest to strongest customer control.
 *
 * @public
 */
export const encryptionTierSchema = z
  .enum(
    [
      'aws-managed-key',
      'customer-managed-kms-key',
      'cloudhsm',
      'external-key-store',
    ],
    {
      error:
        'must be one of aws-managed-key, customer-managed-kms-key, cloudhsm, external-key-store',
    },
  )
  .meta({ id: 'EncryptionTier' });

/**
 * The id of an architecture rule (see `ARCHITECTURE_RULES`).
 *
 * @public
 */
export const architectureRuleIdSchema = z
  .enum(
    Object.keys(ARCHITECTURE_RULES) as [
      ArchitectureRuleId,
      ...ArchitectureRuleId[],
    ],
  )
  .meta({ id: 'ArchitectureRuleId' });

const choiceOf = <T extends z.ZodType>(choice: T, id: string) =>
  z
    .object({
      choice,
      rule: architectureRuleIdSchema.describe(
        'The rule that decided the choice',
      ),
      rules: z
        .array(architectureRuleIdSchema)
        .describe('The rule of each rationale line, in the same order'),
      rationale: z
        .array(z.string())
        .describe('Reasons for the choice, in the order they were applied'),
    })
    .meta({ id });

/**
 * Architecture advice for an application plane in a target location.
 *
 * @public
 */
export const architectureAdviceSchema = z
  .object({
    target: z.string().describe('Id of the target location'),
    partition: z.string().describe('Partition of the target location'),
    controlPlane: choiceOf(controlPlaneModeSchema, 'ControlPlaneAdvice'),
    isolation: choiceOf(isolationModelSchema, 'IsolationAdvice'),
    encryption: choiceOf(encryptionTierSchema, 'EncryptionAdvice'),
  })
  .meta({ id: 'ArchitectureAdvice' });

/**
 * A design choice weaker than the advice.
 *
 * @public
 */
export const designViolationSchema = z
  .object({
    field: z.enum(['controlPlane', 'isolation', 'encryption']),
    chosen: z.string().describe('What the design chose'),
    required: z.string().describe('The weakest option the advice accepts'),
    rule: architectureRuleIdSchema,
    reason: z.string(),
  })
  .meta({ id: 'DesignViolation' });

/**
 * A residency rule the target breaks for the stated requirement and home
 * country.
 *
 * @public
 */
export const residencyViolationSchema = z
  .object({
    rule: z.string().describe('Stable rule identifier'),
    regime: z.enum([
      'privacy',
      'confidentiality',
      'independence',
      'sovereignty',
    ]),
    detail: z.string(),
    remediation: z.string(),
  })
  .meta({ id: 'ResidencyViolation' });

/**
 * A comma-separated list of country codes in a query string.
 */
const countryListSchema = z
  .string(typeError('a comma-separated list of country codes'))
  .transform(text =>
    text
      .split(',')
      .map(part => part.trim())
      .filter(part => part.length > 0),
  )
  .pipe(
    z
      .array(countryCodeSchema)
      .min(1, 'must name at least one country when present')
      .max(
        MAX_QUERY_COUNTRIES,
        `must name at most ${MAX_QUERY_COUNTRIES} countries`,
      ),
  );

/**
 * Query of `GET /locations/{locationId}/advice`: who the tenants are, and
 * optionally what a design chose (then the answer says what is weaker than
 * advised).
 *
 * @public
 */
export const adviceQuerySchema = z.strictObject({
  classification: dataClassificationSchema
    .default('internal')
    .describe('Highest data classification handled; default `internal`'),
  tier: tenantTierSchema
    .optional()
    .describe('Requested tenant tier; the advice never goes below it'),
  residencyCountries: countryListSchema
    .optional()
    .describe(
      'Countries the data must stay in, comma-separated ISO 3166-1 alpha-2 codes (`DE,AT`)',
    ),
  residencyPartition: idSchema
    .optional()
    .describe('Partition the data must stay in (`aws-eusc`)'),
  homeCountry: countryCodeSchema
    .optional()
    .describe(
      "Country of the data subjects, whose regimes apply; default the location's country",
    ),
  isolation: isolationModelSchema
    .optional()
    .describe('A chosen isolation model to check against the advice'),
  encryption: encryptionTierSchema
    .optional()
    .describe('A chosen encryption tier to check against the advice'),
  controlPlane: controlPlaneModeSchema
    .optional()
    .describe('A chosen control-plane mode to check against the advice'),
});

/**
 * Answer of `GET /locations/{locationId}/advice`.
 *
 * @public
 */
export const locationAdviceSchema = z
  .object({
    advice: architectureAdviceSchema,
    classification: dataClassificationSchema,
    homeCountry: z
      .string()
      .describe('Country whose regimes were applied (asked or defaulted)'),
    residencyViolations: z
      .array(residencyViolationSchema)
      .describe(
        'What the location breaks of the residency requirement and the home country regimes; empty when it may hold the data',
      ),
    designViolations: z
      .array(designViolationSchema)
      .describe(
        'Each chosen part (query `isolation`, `encryption`, `controlPlane`) weaker than the advice; empty when none was chosen or none is weaker',
      ),
  })
  .meta({ id: 'LocationAdvice' });

/**
 * Answer of `GET /locations/{locationId}/advice`.
 *
 * @public
 */
export type LocationAdvice = z.output<typeof locationAdviceSchema>;

// The schemas describe the domain types: a change to one breaks the build here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const adviceMatches: Same<
  z.output<typeof architectureAdviceSchema>,
  ArchitectureAdvice
> = true;
const violationMatches: Same<
  z.output<typeof designViolationSchema>,
  DesignViolation
> = true;
void adviceMatches;
void violationMatches;
