import {
  COMPARISON_LIMITS,
  compareLocationsSchema,
  latencyClassSchema,
  readinessReadPermission,
  comparisonRoutes,
} from '@region-expansion/plugin-region-expansion-common';
import { z as zod } from 'zod';
import { ComparisonService } from '../comparison/ComparisonService';
import { parseInput } from '../routing/requestHelpers';
import {
  ActionZod,
  classificationInput,
  residencyInput,
  tierInput,
} from './actionSchemas';
import { registerAction } from './registerAction';
import { exampleOf } from './routeExample';
import type { RegionExpansionActionsOptions } from './registerRegionExpansionActions';

/** Ranked locations answered per class unless the caller asks for more. */
const DEFAULT_LIMIT = 10;

/** The action's own field: how many ranked locations per class it answers. */
const limitSchema = zod.strictObject({
  limit: zod
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(
      COMPARISON_LIMITS.candidates,
      `must be at most ${COMPARISON_LIMITS.candidates}`,
    )
    .default(DEFAULT_LIMIT),
});

const choiceOutput = (z: ActionZod) =>
  z.object({
    choice: z.string(),
    rule: z.string().optional().describe('Id of the rule deciding it'),
    rationale: z.array(z.string()),
  });

const latencyOutput = (z: ActionZod) =>
  z.enum(latencyClassSchema.options as [string, ...string[]]);

/** One ranked candidate, as `POST /comparisons` answers it. */
const rankedOutput = (z: ActionZod) =>
  z
    .object({
      rank: z.number().describe('1 is the best'),
      locationId: z.string(),
      name: z.string(),
      kind: z.string(),
      partition: z.string(),
      country: z.string(),
      geography: z.string(),
      qualifies: z
        .boolean()
        .describe('No blocking gap: it can serve the class'),
      gaps: z
        .array(
          z.object({
            kind: z.enum(['availability', 'residency', 'partition']),
            rule: z.string().describe('Id of the rule that rules it out'),
            detail: z.string(),
            service: z.string().optional(),
          }),
        )
        .describe('Blocking gaps'),
      readiness: z.object({
        level: z.enum(['ready', 'pilot', 'blocked', 'unknown']),
        evaluatedAt: z.string().optional(),
      }),
      advice: z.object({
        controlPlane: choiceOutput(z),
        isolation: choiceOutput(z),
        encryption: choiceOutput(z),
      }),
      cost: z.object({
        status: z.enum(['priced', 'no-price']),
        cellsNeeded: z.number(),
        currency: z.string().optional(),
        priceDate: z.string().optional(),
        synthetic: z
          .boolean()
          .describe('Prices from a non-AWS endpoint (the simulator): not real'),
        source: z.enum(['live', 'snapshot', 'cache']).optional(),
        monthlyPerCell: z.number().optional(),
        monthlyPerTenant: z.number().optional(),
        architectureExtras: z.array(
          z.object({
            item: z.string(),
            reason: z.string(),
            monthly: z.number().optional(),
          }),
        ),
        noPriceReasons: z.array(z.string()),
      }),
      latency: z.object({
        class: latencyOutput(z),
        maxDistanceKm: z.number().optional(),
        countries: z.array(
          z.object({
            country: z.string(),
            distanceKm: z.number().optional(),
            class: latencyOutput(z),
          }),
        ),
        modelDate: z.string(),
      }),
      why: z.array(z.string()).describe('Why it ranks where it does'),
    })
    // A field the REST answer gains reaches the agent too.
    .passthrough();

/**
 * Registers `compare-locations`: candidate locations ranked for a workload
 * and one to three tenant classes, as `POST /comparisons` ranks them, with
 * the best `limit` of each class answered.
 */
export function createCompareLocationsAction(
  options: RegionExpansionActionsOptions & { comparison: ComparisonService },
) {
  const { comparison } = options;
  registerAction(options, {
    name: 'compare-locations',
    title: 'Compare locations for a workload',
    description: `Ranks candidate AWS locations (Regions, Local Zones, Outposts, across partitions including the European Sovereign Cloud) for a workload and one to ${COMPARISON_LIMITS.tenantClasses} tenant classes (residency, data classification, isolation tier, expected tenants, load, tenants' countries). Order: blocking gaps first (a service not offered, a residency rule broken, a partition crossing; each names its rule), then readiness level, then monthly cost per tenant (a cell's bill of materials priced from the Price List API, snapshot or cache, plus the advised architecture's extras; "no price" with reasons, never 0; synthetic prices are flagged), then latency class to the tenants' countries. Every location says why it ranks where it does. The workload is "footprint" (as "yarn region-expansion footprint --json" writes it) or, absent, the stored application-plane footprint. Nothing is stored; answers the best "limit" (default ${DEFAULT_LIMIT}) locations per class with the count of qualifying ones.
Needs region-expansion.readiness.read; a caller allowed only some partitions or Regions ranks only those.`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          footprint: z
            .object({
              services: z.array(
                z
                  .object({
                    code: z.string().describe('SSM service code, e.g. s3'),
                    sources: z.array(z.enum(['iac', 'cloudtrail'])),
                    actions: z.array(z.string()),
                  })
                  .passthrough(),
              ),
            })
            .passthrough()
            .optional()
            .describe(
              'The workload footprint; absent: the stored application-plane footprint',
            ),
          tenantClasses: z
            .array(
              z.object({
                name: z.string().describe('e.g. eu-restricted'),
                residency: residencyInput(z).optional(),
                classification: classificationInput(z),
                tier: tierInput(z),
                expectedTenants: z.number(),
                loadUnits: z.number().describe('Load units of one tenant'),
                countries: z
                  .array(z.string())
                  .describe(
                    "ISO codes of the tenants' users; the first is the data subjects' home",
                  ),
              }),
            )
            .describe(
              `One to ${COMPARISON_LIMITS.tenantClasses} tenant classes`,
            ),
          candidates: z
            .array(z.string())
            .optional()
            .describe(
              'Location ids to rank; absent: every location you may read',
            ),
          bomOverrides: z
            .record(z.string(), z.number())
            .optional()
            .describe(
              'Monthly quantities replacing derived bill-of-materials lines, e.g. {"compute.instance-hours": 1460}',
            ),
          limit: z
            .number()
            .optional()
            .describe(
              `Ranked locations answered per class; default ${DEFAULT_LIMIT}`,
            ),
        }),
      output: z =>
        z.object({
          footprint: z.object({
            source: z.enum(['request', 'stored']),
            services: z.number(),
          }),
          availabilityDate: z.string(),
          synthetic: z
            .boolean()
            .describe('Some price comes from a non-AWS endpoint'),
          classes: z.array(
            z.object({
              name: z.string(),
              candidates: z.number().describe('Locations ranked'),
              qualifying: z.number().describe('Candidates with no gap'),
              ranked: z.array(rankedOutput(z)).describe('Best first'),
            }),
          ),
        }),
    },
    examples: [
      exampleOf(
        comparisonRoutes.compareLocations,
        'Where can restricted EU tenants in silo cells go?',
      ),
    ],
    permission: readinessReadPermission,
    scoped: true,
    run: async ({ input: { limit, ...request }, scope }) => {
      const answered = parseInput(limitSchema, { limit });
      const body = parseInput(compareLocationsSchema, request);
      const result = await comparison.compare(body, scope);
      return {
        ...result,
        classes: result.classes.map(c => ({
          name: c.name,
          candidates: c.ranked.length,
          qualifying: c.qualifying,
          ranked: c.ranked.slice(0, answered.limit),
        })),
      };
    },
  });
}
