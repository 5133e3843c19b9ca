import {
  placementExecutePermission,
  placementRequestSchema,
  placementRoutes,
} from '@region-expansion/plugin-region-expansion-common';
import { actorOf, parseInput } from '../routing/requestHelpers';
import { isolationOutput, strategyInput } from './actionSchemas';
import { registerAction } from './registerAction';
import { exampleOf } from './routeExample';
import type { RegionExpansionActionsOptions } from './registerRegionExpansionActions';

/**
 * Registers `place-tenant`: places one unplaced tenant into the best cell
 * and records the decision, as `POST /placements` does.
 */
export function createPlaceTenantAction(
  options: RegionExpansionActionsOptions,
) {
  const { placement } = options;
  registerAction(options, {
    name: 'place-tenant',
    title: 'Place a tenant into a cell',
    description: `Places one existing, not yet placed tenant into the best cell: candidate cells are filtered by partition, residency, isolation tier, lifecycle, readiness and headroom, and "pack" takes the fullest cell that fits ("spread" the emptiest). When placed, the decision is recorded (the tenant's cell, the cells' usage and the placement history change); when no cell fits, nothing is written and the answer lists, per constraint, how many cells it ruled out and the cell that would have to be created. Placing a tenant that already lives in a cell is refused (moving it is a migration). Use what-if-placement first to try without writing.
Needs region-expansion.placement.execute, like POST /placements.`,
    attributes: { readOnly: false, idempotent: false, destructive: false },
    schema: {
      input: z =>
        z.object({
          tenantId: z.string().describe('The tenant to place'),
          strategy: strategyInput(z).optional(),
          allowUnknownReadiness: z
            .boolean()
            .optional()
            .describe(
              'Whether locations without a readiness evaluation may take the tenant (default true); restricted data never goes to a location that is not ready',
            ),
          allowProvisioning: z
            .boolean()
            .optional()
            .describe('Whether provisioning cells may take it (default false)'),
        }),
      output: z =>
        z.object({
          decision: z.object({
            outcome: z.enum(['placed', 'unplaceable']),
            cellId: z.string().optional().describe('The chosen cell'),
            locationId: z.string().optional(),
            readiness: z.string().optional(),
            reason: z.string().describe('Why this cell, or why none'),
            warnings: z.array(z.string()).optional(),
            rejections: z
              .array(
                z.object({
                  constraint: z.string(),
                  cellsRuledOut: z.number(),
                  detail: z.string(),
                }),
              )
              .optional()
              .describe('Per constraint, how many cells it ruled out'),
            cellToCreate: z
              .object({
                locationId: z.string(),
                isolation: isolationOutput(z),
                specVersion: z.string(),
                controlPlaneId: z.string().optional(),
                reason: z.string(),
              })
              .optional()
              .describe('The cell to create so the tenant fits'),
          }),
          record: z
            .object({
              tenantId: z.string(),
              cellId: z.string(),
              reason: z.string(),
              strategy: z.string(),
              at: z.string(),
              kind: z.enum(['placed', 'migrated']),
            })
            .optional()
            .describe('The stored placement, when placed'),
        }),
    },
    examples: [
      exampleOf(
        placementRoutes.place,
        'Place the tenant new-tenant with the configured strategy',
      ),
    ],
    permission: placementExecutePermission,
    scoped: false,
    run: async ({ input, credentials }) => {
      const body = parseInput(placementRequestSchema, {
        strategy: placement.defaultStrategy,
        ...input,
      });
      return placement.place(body, actorOf(credentials));
    },
  });
}
