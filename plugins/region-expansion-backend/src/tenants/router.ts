import {
  TenantSortDirection,
  TenantSortField,
  tenantRoutes,
} from '@region-expansion/plugin-region-expansion-common';
import { RouteHandlers } from '../routing/RouteHandler';
import { parseImportBody } from './importRows';
import { TenantService } from './TenantService';

/** `name:desc` as the store's field and direction; the schema allow-listed it. */
function parseTenantSort(sort: `${TenantSortField}:${TenantSortDirection}`) {
  const [field, direction] = sort.split(':') as [
    TenantSortField,
    TenantSortDirection,
  ];
  return { field, direction };
}

/**
 * Handlers of the tenant routes (`tenantRoutes` of the common package).
 *
 * @public
 */
export function tenantHandlers(options: {
  tenants: TenantService;
}): RouteHandlers<typeof tenantRoutes> {
  const { tenants } = options;
  return {
    listTenants: async ({ query: { unplaced, sort, ...query } }) => {
      const page = await tenants.listTenants({
        ...query,
        unplaced: unplaced === undefined ? undefined : unplaced === 'true',
        sort: sort && parseTenantSort(sort),
      });
      return { ...page, offset: query.offset, limit: query.limit };
    },
    addTenant: ({ body, actor }) => tenants.addTenant(body, actor),
    // Rows are validated a slice at a time, each error naming its row.
    importTenants: {
      parseBody: parseImportBody,
      handle: ({ body, actor }) => tenants.importTenants(body, actor),
    },
    getTenant: ({ path }) => tenants.getTenant(path.id),
    updateTenant: ({ path, body }) => tenants.updateTenant(path.id, body),
    getTenantHistory: async ({ path }) => ({
      items: await tenants.getTenantHistory(path.id),
      runbookProgress: await tenants.getRunbookProgress(path.id),
    }),
  };
}
