import { z } from 'zod';
import { bomOverridesSchema } from './cost';
import { typeError } from './errors';
import { footprintSchema } from './footprint';
import { loadUnitsSchema } from './cells';
import { geographySchema, locationKindSchema } from './locations';
import { countryCodeSchema, idSchema } from './primitives';
import {
  dataClassificationSchema,
  residencySchema,
  tenantTierSchema,
} from './tenants';

/**
 * Bounds of one comparison request, so one request's work stays bounded:
 * candidates × tenant classes rankings, each over the footprint's services.
 *
 * @public
 */
export const COMPARISON_LIMITS = {
  /** Tenant classes one request ranks for. */
  tenantClasses: 3,
  /** Candidate locations one request names. */
  candidates: 200,
  /** Expected tenants of one class. */
  expectedTenants: 100_000,
  /** Tenants' countries of one class. */
  countries: 50,
  /** Gaps listed per ranked location (`gapCount` counts them all). */
  gapsListed: 5,
} as const;

/**
 * One kind of customer a comparison ranks locations for.
 *
 * @public
 */
export const tenantClassSchema = z
  .strictObject({
    name: z
      .string(typeError('a string'))
      .trim()
      .min(1, 'must not be empty')
      .max(64, 'must be at most 64 characters')
      .describe('Name of the class, e.g. `eu-restricted`'),
    residency: residencySchema
      .default({})
      .describe('Where the class may keep its data'),
    classification: dataClassificationSchema.describe(
      'Highest classification of the class’s data',
    ),
    tier: tenantTierSchema.describe('Isolation tier the class buys'),
    expectedTenants: z
      .number(typeError('a number'))
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(
        COMPARISON_LIMITS.expectedTenants,
        `must be at most ${COMPARISON_LIMITS.expectedTenants}`,
      )
      .describe('How many tenants of the class the location would hold'),
    loadUnits: loadUnitsSchema.describe(
      'Load units of one tenant, in the cell spec’s units',
    ),
    countries: z
      .array(countryCodeSchema, typeError('an array'))
      .min(1, 'must name at least one country')
      .max(
        COMPARISON_LIMITS.countries,
        `must name at most ${COMPARISON_LIMITS.countries} countries`,
      )
      .describe(
        'Where the tenants’ users are; the first is the data subjects’ home country',
      ),
  })
  .meta({ id: 'TenantClass' });

/**
 * Body of `POST /comparisons`: the workload and one to three tenant classes.
 *
 * @public
 */
export const compareLocationsSchema = z
  .strictObject({
    footprint: footprintSchema
      .refine(f => f.services.length > 0, {
        message: 'must name at least one service',
        path: ['services'],
      })
      .optional()
      .describe(
        'The workload’s footprint; absent: the stored application-plane footprint',
      ),
    tenantClasses: z
      .array(tenantClassSchema, typeError('an array'))
      .min(1, 'must name at least one tenant class')
      .max(
        COMPARISON_LIMITS.tenantClasses,
        `must name at most ${COMPARISON_LIMITS.tenantClasses} tenant classes`,
      ),
    candidates: z
      .array(idSchema, typeError('an array'))
      .min(1, 'must name at least one location when present')
      .max(
        COMPARISON_LIMITS.candidates,
        `must name at most ${COMPARISON_LIMITS.candidates} locations`,
      )
      .optional()
      .describe(
        'Location ids to rank; absent: every location the caller may read',
      ),
    bomOverrides: bomOverridesSchema
      .optional()
      .describe(
        'Monthly quantities replacing the derived ones in every candidate’s bill of materials',
      ),
  })
  .superRefine((body, ctx) => {
    const seen = new Set<string>();
    body.tenantClasses.forEach((c, i) => {
      if (seen.has(c.name))
        ctx.addIssue({
          code: 'custom',
          path: ['tenantClasses', i, 'name'],
          message: `must be unique; '${c.name}' is named twice`,
        });
      seen.add(c.name);
    });
  })
  .meta({ id: 'CompareLocations' });

/**
 * Kind of a blocking gap: a service the location lacks, a residency rule
 * it breaks, or a dependency that would cross a partition.
 *
 * @public
 */
export const comparisonGapKindSchema = z
  .enum(['availability', 'residency', 'partition'])
  .meta({ id: 'ComparisonGapKind' });

/**
 * A reason a location cannot serve a tenant class.
 *
 * @public
 */
export const comparisonGapSchema = z
  .object({
    kind: comparisonGapKindSchema,
    rule: z
      .string()
      .describe(
        'Id of the rule that rules the location out, e.g. `service-not-offered`, `independence-target`, `partition-crossing`',
      ),
    detail: z.string(),
    service: z.string().optional().describe('The missing service, if any'),
  })
  .meta({ id: 'ComparisonGap' });

const adviceChoiceSchema = z.object({
  choice: z.string(),
  rule: z
    .string()
    .optional()
    .describe('Id of the rule that decides the choice, when it has one'),
  rationale: z.array(z.string()),
});

/**
 * Cost of serving a tenant class in a location: cells needed, price per
 * cell and per tenant, or "no price" with the reasons; never 0 for a
 * missing price.
 *
 * @public
 */
export const comparisonCostSchema = z
  .object({
    status: z.enum(['priced', 'no-price']),
    cellsNeeded: z
      .number()
      .int()
      .describe('Cells the class needs in the location (silo: one each)'),
    currency: z.string().optional(),
    priceDate: z
      .string()
      .optional()
      .describe('Effective date of the prices used'),
    synthetic: z
      .boolean()
      .describe(
        'Prices come from a non-AWS endpoint (the simulator): not real prices',
      ),
    source: z.enum(['live', 'snapshot', 'cache']).optional(),
    monthlyPerCell: z.number().optional(),
    monthlyPerTenant: z.number().optional(),
    architectureExtras: z
      .array(
        z.object({
          item: z.string().describe('What the advice adds, e.g. CloudHSM'),
          reason: z.string(),
          monthly: z
            .number()
            .optional()
            .describe('Monthly price per cell; absent when unpriced'),
        }),
      )
      .describe('What the advised architecture adds per cell, and why'),
    noPriceReasons: z
      .array(z.string())
      .describe('Why a line has no price; empty when priced'),
  })
  .meta({ id: 'ComparisonCost' });

/**
 * How far the tenants' users are from a location.
 *
 * @public
 */
export const latencyClassSchema = z
  .enum(['metro', 'regional', 'continental', 'intercontinental', 'unknown'])
  .meta({ id: 'LatencyClass' });

/**
 * Latency class of a location to a class's countries: the worst country's.
 *
 * @public
 */
export const comparisonLatencySchema = z
  .object({
    class: latencyClassSchema,
    maxDistanceKm: z.number().optional(),
    countries: z.array(
      z.object({
        country: z.string(),
        distanceKm: z.number().optional(),
        class: latencyClassSchema,
      }),
    ),
    modelDate: z.string().describe('Date of the distance model’s snapshot'),
  })
  .meta({ id: 'ComparisonLatency' });

/**
 * One candidate location, ranked for one tenant class.
 *
 * @public
 */
export const rankedLocationSchema = z
  .object({
    rank: z.number().int().describe('1 is the best'),
    locationId: z.string(),
    name: z.string(),
    kind: locationKindSchema,
    partition: z.string(),
    country: z.string(),
    geography: geographySchema,
    qualifies: z
      .boolean()
      .describe('No blocking gap: the location can serve the class'),
    gaps: z
      .array(comparisonGapSchema)
      .describe(
        `Blocking gaps, the first ${COMPARISON_LIMITS.gapsListed} (partition and residency before availability)`,
      ),
    gapCount: z
      .number()
      .int()
      .describe('How many blocking gaps there are in all'),
    readiness: z.object({
      level: z.enum(['ready', 'pilot', 'blocked', 'unknown']),
      evaluatedAt: z.string().optional(),
    }),
    advice: z.object({
      controlPlane: adviceChoiceSchema,
      isolation: adviceChoiceSchema,
      encryption: adviceChoiceSchema,
    }),
    cost: comparisonCostSchema,
    latency: comparisonLatencySchema,
    why: z.array(z.string()).describe('Why the location ranks where it does'),
  })
  .meta({ id: 'RankedLocation' });

/**
 * Answer of `POST /comparisons`: per tenant class, every candidate ranked.
 *
 * @public
 */
export const locationComparisonSchema = z
  .object({
    footprint: z.object({
      source: z.enum(['request', 'stored']),
      services: z.number().int(),
    }),
    availabilityDate: z.string(),
    synthetic: z
      .boolean()
      .describe('Some price shown comes from a non-AWS endpoint'),
    classes: z.array(
      z.object({
        name: z.string(),
        qualifying: z.number().int().describe('Candidates with no gap'),
        ranked: z.array(rankedLocationSchema),
      }),
    ),
  })
  .meta({ id: 'LocationComparison' });

/**
 * Validated body of `POST /comparisons`.
 *
 * @public
 */
export type CompareLocationsInput = z.output<typeof compareLocationsSchema>;

/**
 * One tenant class of a comparison, validated.
 *
 * @public
 */
export type TenantClass = z.output<typeof tenantClassSchema>;

/**
 * A blocking gap of a candidate location.
 *
 * @public
 */
export type ComparisonGap = z.output<typeof comparisonGapSchema>;

/**
 * Cost of a tenant class in a candidate location.
 *
 * @public
 */
export type ComparisonCost = z.output<typeof comparisonCostSchema>;

/**
 * Latency class of a location to a set of countries.
 *
 * @public
 */
export type LatencyClass = z.output<typeof latencyClassSchema>;

/**
 * Latency of a candidate location to a class's countries.
 *
 * @public
 */
export type ComparisonLatency = z.output<typeof comparisonLatencySchema>;

/**
 * One candidate location, ranked for one tenant class.
 *
 * @public
 */
export type RankedLocation = z.output<typeof rankedLocationSchema>;

/**
 * Answer of `POST /comparisons`.
 *
 * @public
 */
export type LocationComparison = z.output<typeof locationComparisonSchema>;
