import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { regionExpansionApiRef } from '../../api';
import { indexReadiness, type ReadinessByLocation } from './readiness';

/**
 * Loads partitions, locations, cells and the latest readiness in parallel:
 * every overview page needs all four and they are small (one row per
 * location or cell). Readiness that cannot be read (no permission, backend
 * without readiness) leaves every level `unknown` and keeps the error so the
 * page can say why, rather than failing the whole page.
 */
export function useRegionExpansionData() {
  const api = useApi(regionExpansionApiRef);
  return useAsyncRetry(async () => {
    const [partitions, locations, cells, readinessResult] = await Promise.all([
      api.listPartitions(),
      api.listLocations(),
      api.listCells(),
      api.listReadiness().then(
        items => ({
          readiness: indexReadiness(items),
          readinessError: undefined as Error | undefined,
        }),
        (error: Error) => ({
          readiness: new Map() as ReadinessByLocation,
          readinessError: error as Error | undefined,
        }),
      ),
    ]);
    return { partitions, locations, cells, ...readinessResult };
  }, [api]);
}
