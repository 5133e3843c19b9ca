import useAsync from 'react-use/esm/useAsync';
import type { TenantListQuery } from '@region-expansion/plugin-region-expansion-common';
import { useRegionExpansionApi } from './useRegionExpansionApi';

/**
 * One server page of tenants (`GET /tenants`) for the filters, offset and
 * limit of `query`. Asks again only when the query's values change: equal
 * filters in a new object (from a caller that does not memoize them) reuse
 * the page.
 */
export function useTenants(query: TenantListQuery) {
  const api = useRegionExpansionApi();
  const queryKey = JSON.stringify(query);
  return useAsync(
    () => api.listTenants({ query: JSON.parse(queryKey) as TenantListQuery }),
    [api, queryKey],
  );
}
