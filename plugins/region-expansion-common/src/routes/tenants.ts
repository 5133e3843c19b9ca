import { z } from 'zod';
import { tenantManagePermission, tenantReadPermission } from '../permissions';
import { placementRecordSchema } from '../schemas/placement';
import { runbookProgressRecordSchema } from '../schemas/runbooks';
import {
  createTenantSchema,
  tenantImportRowSchema,
  tenantListQuerySchema,
  tenantListSchema,
  tenantSchema,
  updateTenantSchema,
} from '../schemas/tenants';
import { idParamsSchema, itemsOf } from './estate';
import { defineRoute } from './route';

/**
 * Most rows one `POST /tenants/import` takes; past it the import is refused
 * with 413 naming `rows` before any row is read.
 *
 * @public
 */
export const MAX_IMPORT_ROWS = 10_000;

/**
 * Largest YAML import body, in bytes: YAML is parsed in one piece, so a
 * YAML import stays small; larger imports go as JSON.
 *
 * @public
 */
export const MAX_IMPORT_YAML_BYTES = 256 * 1024;

/**
 * Media types `POST /tenants/import` reads as YAML.
 *
 * @public
 */
export const TENANT_IMPORT_YAML_TYPES = [
  'text/yaml',
  'application/yaml',
  'application/x-yaml',
] as const;

/** A tenant the demo estate holds. */
const DEMO_TENANT = 'tenant-00001';

/**
 * Routes of tenants: the list, one tenant, its history and bulk import.
 *
 * @public
 */
export const tenantRoutes = {
  listTenants: defineRoute({
    method: 'GET',
    path: '/tenants',
    permission: tenantReadPermission,
    tag: 'tenants',
    summary: 'A page of tenants',
    description:
      '`q` keeps tenants whose name or id contains it (case-insensitive; `%` and `_` match themselves). `sort` orders by one field (`name:desc`); ties, and the default, are ordered by id, so paging is stable.',
    query: tenantListQuerySchema,
    response: tenantListSchema,
    status: 200,
    responseDescription: 'Tenants in the asked order',
    example: { query: { tier: 'bridge', sort: 'name:asc', limit: '5' } },
  }),
  addTenant: defineRoute({
    method: 'POST',
    path: '/tenants',
    permission: tenantManagePermission,
    tag: 'tenants',
    summary: 'Create a tenant, optionally pinned to a cell',
    description:
      'A `cellId` pins the tenant: the cell must be `active` or `provisioning` (a planned, draining or retired cell takes no tenant: 400 naming `cellId`), the placement rules (partition, residency, tier) must accept it (400) and it needs headroom (409). A cell that left those states while the request was checked is a 409 naming `cellId`, and nothing is written.',
    body: createTenantSchema,
    response: tenantSchema,
    status: 201,
    responseDescription: 'The stored tenant',
    errors: [409],
    example: {
      body: {
        id: 'new-tenant',
        name: 'New',
        tier: 'pool',
        classification: 'internal',
        loadUnits: 1,
      },
    },
  }),
  importTenants: defineRoute({
    method: 'POST',
    path: '/tenants/import',
    permission: tenantManagePermission,
    tag: 'tenants',
    summary: 'Import tenants in one transaction',
    description: `A JSON or YAML array of rows. Every row is validated first and errors name the row (\`rows[17].tier: ...\`); then all rows are written in one transaction, or none. Rows naming a \`cellId\` are pinned to that cell, under the rules of POST /tenants (an \`active\` or \`provisioning\` cell only; one that left those states while the rows were checked is a 409 naming \`rows[N].cellId\`, its first row). At most ${MAX_IMPORT_ROWS} rows (413 naming \`rows\` above it, before any row is read); rows are validated a slice at a time so the backend keeps answering other requests. The body limit is \`regionExpansion.import.maxBodySize\` (default 50mb; 413 above it); a YAML body is at most ${
      MAX_IMPORT_YAML_BYTES / 1024
    } KB (413 naming \`(root)\`: YAML is parsed in one piece, send larger imports as JSON). The permission is checked before the body is read: a caller without it gets 403 whatever it sends.`,
    body: z.array(tenantImportRowSchema).max(MAX_IMPORT_ROWS),
    textBody: {
      contentTypes: TENANT_IMPORT_YAML_TYPES,
      schema: z
        .string()
        .max(MAX_IMPORT_YAML_BYTES)
        .describe(
          `A YAML sequence of at most ${MAX_IMPORT_ROWS} rows shaped like TenantImportRow, at most ${
            MAX_IMPORT_YAML_BYTES / 1024
          } KB`,
        ),
    },
    bodyLimit: {
      size: '50mb',
      configKey: 'regionExpansion.import.maxBodySize',
      field: '(root)',
      hint: 'split the import into smaller files',
    },
    response: z.object({
      imported: z.number().int().describe('Tenants written'),
      placed: z.number().int().describe('Of those, tenants pinned to a cell'),
    }),
    status: 201,
    responseDescription: 'Numbers of tenants written and pinned',
    errors: [409],
    example: {
      body: [
        {
          id: 'imported-1',
          name: 'Imported',
          tier: 'pool',
          classification: 'public',
          loadUnits: 1,
        },
      ],
    },
  }),
  getTenant: defineRoute({
    method: 'GET',
    path: '/tenants/{id}',
    permission: tenantReadPermission,
    tag: 'tenants',
    summary: 'One tenant',
    params: idParamsSchema,
    response: tenantSchema,
    status: 200,
    responseDescription: 'The tenant',
    errors: [404],
    example: { params: { id: DEMO_TENANT } },
  }),
  updateTenant: defineRoute({
    method: 'PATCH',
    path: '/tenants/{id}',
    permission: tenantManagePermission,
    tag: 'tenants',
    summary: 'Change a tenant (moving it is a migration, not an update)',
    description:
      "A placed tenant must still be allowed in its cell (400); load and quota changes update the cell's usage under its capacity (409).",
    params: idParamsSchema,
    body: updateTenantSchema,
    response: tenantSchema,
    status: 200,
    responseDescription: 'The changed tenant',
    errors: [404, 409],
    example: { params: { id: DEMO_TENANT }, body: { name: 'Renamed' } },
  }),
  getTenantHistory: defineRoute({
    method: 'GET',
    path: '/tenants/{id}/history',
    permission: tenantReadPermission,
    tag: 'tenants',
    summary: 'Placement history of a tenant, oldest first',
    params: idParamsSchema,
    response: itemsOf(placementRecordSchema).extend({
      runbookProgress: z
        .array(runbookProgressRecordSchema)
        .describe('Runbook steps recorded for the tenant, oldest first'),
    }),
    status: 200,
    responseDescription: 'Placement records and runbook progress',
    errors: [404],
    example: { params: { id: DEMO_TENANT } },
  }),
};
