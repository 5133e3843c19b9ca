import {
  cellReadPermission,
  placementExecutePermission,
  tenantReadPermission,
} from '../permissions';
import {
  migrationOutcomeSchema,
  migrationRequestSchema,
  placementOutcomeSchema,
  placementRequestSchema,
  whatIfRequestSchema,
  whatIfResultSchema,
} from '../schemas/placement';
import { defineRoute } from './route';

/**
 * Routes of placement: place a tenant, what-if forecasts and moves.
 *
 * @public
 */
export const placementRoutes = {
  place: defineRoute({
    method: 'POST',
    path: '/placements',
    permission: placementExecutePermission,
    tag: 'placements',
    summary: 'Place a tenant into the best cell',
    description:
      "Candidate cells are filtered by partition, residency, tier, lifecycle, readiness and headroom; the decision names its reason. 201 with the stored record when placed, 200 with the rejections when no cell fits. A request without `strategy` uses `regionExpansion.placement.defaultStrategy`. A stored cell that breaks a rule is left out and named in the decision's warnings or reason. 409 when the chosen cell changed while the placement was decided (for example, set to draining): nothing is written, and a retry decides again.",
    body: placementRequestSchema,
    response: placementOutcomeSchema,
    status: 201,
    responseDescription: 'Placed and recorded',
    otherSuccess: { status: 200, description: 'No cell fits; nothing written' },
    errors: [404, 409],
    example: { body: { tenantId: 'new-tenant' } },
  }),
  whatIf: defineRoute({
    method: 'POST',
    path: '/placements/what-if',
    permission: cellReadPermission,
    tag: 'placements',
    summary: 'What if these tenants arrived (nothing is written)',
    description:
      'At most 10000 tenants in at most 20 profiles per request (a 400 naming `profiles` or `profiles.N.count` past it). A request without `strategy` uses `regionExpansion.placement.defaultStrategy`.',
    body: whatIfRequestSchema,
    response: whatIfResultSchema,
    status: 200,
    responseDescription: 'Placement forecast, new cells and quota requests',
    example: {
      body: {
        profiles: [
          {
            count: 50,
            tier: 'pool',
            classification: 'internal',
            loadUnits: 2,
            residency: { partition: 'aws-eusc' },
          },
        ],
        spec: {
          version: '2026.1',
          isolation: 'pooled',
          capacity: { tenants: 50, loadUnits: 500 },
          serviceQuotas: [],
        },
      },
    },
  }),
  planMigration: defineRoute({
    method: 'POST',
    path: '/placements/migration-plan',
    permission: tenantReadPermission,
    tag: 'placements',
    summary: "Check (and with `commit` perform) a tenant's move",
    description:
      'Needs region-expansion.tenant.read; with `commit: true` also region-expansion.placement.execute. 201 with the record when a move was committed, otherwise 200 with the plan. Concurrent moves between the same cells each succeed or answer 409 (retry); a target set to draining while the move was decided is a 409.',
    body: migrationRequestSchema,
    response: migrationOutcomeSchema,
    status: 200,
    responseDescription: 'The plan; nothing written',
    otherSuccess: { status: 201, description: 'Moved and recorded' },
    errors: [404, 409],
    example: {
      body: { tenantId: 'tenant-00001', target: { locationId: 'eu-west-1' } },
    },
  }),
};
