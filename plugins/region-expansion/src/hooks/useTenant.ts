import useAsync from 'react-use/esm/useAsync';
import { useRegionExpansionApi } from './useRegionExpansionApi';

/**
 * One tenant, its placement history and its runbook progress, oldest
 * first, read in parallel; nothing while no tenant is chosen.
 */
export function useTenant(tenantId: string | undefined) {
  const api = useRegionExpansionApi();
  return useAsync(async () => {
    if (!tenantId) return undefined;
    const [tenant, { items: history, runbookProgress }] = await Promise.all([
      api.getTenant({ path: { id: tenantId } }),
      api.getTenantHistory({ path: { id: tenantId } }),
    ]);
    return { tenant, history, runbookProgress };
  }, [api, tenantId]);
}
