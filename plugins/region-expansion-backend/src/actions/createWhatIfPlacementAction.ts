import {
  cellReadPermission,
  WHAT_IF_LIMITS,
  whatIfRequestSchema,
  placementRoutes,
} from '@region-expansion/plugin-region-expansion-common';
import { parseInput } from '../routing/requestHelpers';
import {
  ActionZod,
  classificationInput,
  isolationOutput,
  residencyInput,
  strategyInput,
  tierInput,
} from './actionSchemas';
import { registerAction } from './registerAction';
import { exampleOf } from './routeExample';
import type { RegionExpansionActionsOptions } from './registerRegionExpansionActions';

const NAME = 'what-if-placement';

const quotaAmounts = (z: ActionZod) => z.record(z.string(), z.number());

/**
 * Registers `what-if-placement`: "what if these tenants arrived", run by the
 * placement engine on a copy of the stored cells, as
 * `POST /placements/what-if` runs it; nothing is written.
 */
export function createWhatIfPlacementAction(
  options: RegionExpansionActionsOptions,
) {
  const { placement } = options;
  registerAction(options, {
    name: NAME,
    title: 'What if these tenants arrived (placement forecast)',
    description: `Places hypothetical tenants, in groups of one shape (count, isolation tier pool/bridge/silo, data classification, load units, residency), into the stored cells with the same rules as a real placement (partition, residency, tier, lifecycle, readiness, headroom), and says how many fit in existing cells, how many need new cells (which, where) and which quota increases those need, and why the rest fit nowhere. Nothing is written: use it to plan before onboarding.
At most ${WHAT_IF_LIMITS.tenants} tenants in at most ${WHAT_IF_LIMITS.profiles} profiles. New cells are built from "spec" (default: the backend's cell spec for new cells). Needs region-expansion.cell.read for the whole estate, like POST /placements/what-if.`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          profiles: z
            .array(
              z.object({
                count: z.number().describe('How many tenants of this shape'),
                tier: tierInput(z),
                classification: classificationInput(z),
                loadUnits: z
                  .number()
                  .describe('Load units each tenant adds to its cell'),
                residency: residencyInput(z).optional(),
                quotaUsage: quotaAmounts(z)
                  .optional()
                  .describe('Named cell quotas each tenant consumes'),
              }),
            )
            .describe('Groups of hypothetical tenants'),
          spec: z
            .object({
              version: z.string(),
              isolation: isolationOutput(z),
              capacity: z.object({
                tenants: z.number(),
                loadUnits: z.number(),
                quotas: quotaAmounts(z).optional(),
              }),
              serviceQuotas: z.array(
                z.object({
                  serviceCode: z.string(),
                  quotaCode: z.string(),
                  quotaName: z.string(),
                  perCell: z.number(),
                }),
              ),
            })
            .optional()
            .describe('The cell spec new cells are built from'),
          strategy: strategyInput(z).optional(),
        }),
      output: z =>
        z.object({
          requested: z.number().describe('Tenants requested in total'),
          placedInExistingCells: z.number(),
          placedInNewCells: z
            .number()
            .describe('Tenants placed into cells the run had to create'),
          unplaceable: z
            .object({ count: z.number(), reasons: z.array(z.string()) })
            .describe('Tenants that fit nowhere, even in new cells, and why'),
          cellsToCreate: z
            .array(
              z.object({
                locationId: z.string(),
                isolation: isolationOutput(z),
                count: z.number(),
              }),
            )
            .describe('New cells per location and isolation'),
          quotaRequests: z
            .array(
              z.object({
                serviceCode: z.string(),
                quotaCode: z.string(),
                quotaName: z.string(),
                perCell: z.number(),
                cellCount: z.number(),
                total: z.number(),
              }),
            )
            .describe('Service quota increases the new cells need'),
        }),
    },
    examples: [
      exampleOf(
        placementRoutes.whatIf,
        'Fifty pooled tenants that must stay in the European Sovereign Cloud',
      ),
    ],
    permission: cellReadPermission,
    scoped: false,
    run: async ({ input }) => {
      const body = parseInput(whatIfRequestSchema, {
        ...input,
        spec: input.spec ?? placement.cellSpec,
        strategy: input.strategy ?? placement.defaultStrategy,
      });
      return placement.whatIf(body);
    },
  });
}
