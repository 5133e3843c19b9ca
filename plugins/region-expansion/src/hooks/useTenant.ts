import useAsync from 'react-use/esm/useAsync';
import { useRegionExpansionApi } from './useRegionExpansionApi';

/**
 * One tenant and its placement history, oldest first, read in parallel;
 * nothing while no tenant is chosen.
 */
export function useTenant(tenantId: string | undefined) {
  const api = useRegionExpansionApi();
  return useAsync(async () => {
    if (!tenantId) return undefined;
    const [tenant, history] = await Promise.all([
      api.getTenant({ path: { id: tenantId } }),
      api.getTenantHistory({ path: { id: tenantId } }).then(r => r.items),
    ]);
    return { tenant, history };
  }, [api, tenantId]);
}
