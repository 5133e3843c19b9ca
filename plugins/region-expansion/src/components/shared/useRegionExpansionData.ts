import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { regionExpansionApiRef } from '../../api';

/**
 * Loads partitions, locations and cells in parallel: every overview page
 * needs all three and they are small (one row per location or cell).
 */
export function useRegionExpansionData() {
  const api = useApi(regionExpansionApiRef);
  return useAsyncRetry(async () => {
    const [partitions, locations, cells] = await Promise.all([
      api.listPartitions(),
      api.listLocations(),
      api.listCells(),
    ]);
    return { partitions, locations, cells };
  }, [api]);
}
