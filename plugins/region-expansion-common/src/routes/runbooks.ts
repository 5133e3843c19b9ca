import { tenantReadPermission } from '../permissions';
import { runbookRequestSchema, runbookSchema } from '../schemas/runbooks';
import { defineRoute } from './route';

/**
 * Routes of migration runbooks: the ordered, reviewable plan of a move.
 *
 * @public
 */
export const runbookRoutes = {
  planMigrationRunbook: defineRoute({
    method: 'POST',
    path: '/placements/migration-runbooks',
    permission: tenantReadPermission,
    tag: 'placements',
    summary: 'Plan the runbook of moving tenants (nothing is written)',
    description:
      'Moves named tenants to a cell or a location, every tenant of a cell (`evacuate-cell`), or tenants into a partition. Per tenant: metadata to the target control plane, a data copy per store, a key re-wrap where keys cannot cross, cutover, verification and rollback, each with its residency check, estimated duration and cost. A move that crosses a forbidden border, an unknown tenant or cell, or a target no cell fits is a 400 naming the field and the rule. The same request against the same estate gives the same runbook id.',
    body: runbookRequestSchema,
    response: runbookSchema,
    status: 200,
    responseDescription: 'The runbook; nothing written',
    example: {
      body: {
        kind: 'tenants',
        tenantIds: ['tenant-00001'],
        target: { locationId: 'eu-west-1' },
      },
    },
  }),
};
