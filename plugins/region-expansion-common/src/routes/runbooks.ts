import {
  placementExecutePermission,
  tenantReadPermission,
} from '../permissions';
import {
  runbookProgressInputSchema,
  runbookProgressRecordSchema,
  runbookRequestSchema,
  runbookSchema,
} from '../schemas/runbooks';
import { idParamsSchema } from './estate';
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
  recordRunbookProgress: defineRoute({
    method: 'POST',
    path: '/tenants/{id}/runbook-progress',
    permission: placementExecutePermission,
    tag: 'tenants',
    summary: "Record a runbook step's outcome on the tenant's history",
    description:
      'The scaffolder action that executes a runbook records each step it ran (`done` or `failed`); `GET /tenants/{id}/history` lists the records in `runbookProgress`. 404 for an unknown tenant.',
    params: idParamsSchema,
    body: runbookProgressInputSchema,
    response: runbookProgressRecordSchema,
    status: 201,
    responseDescription: 'The stored record',
    errors: [404],
    example: {
      params: { id: 'tenant-00001' },
      body: {
        runbookId: 'rb-0123456789abcdef01234567',
        step: 1,
        kind: 'metadata',
        status: 'done',
      },
    },
  }),
};
