import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { regionExpansionApiRef, type RegionExpansionApi } from '../../api';
import { indexReadiness, type ReadinessByLocation } from './readiness';

/**
 * The latest readiness per location. Readiness that cannot be read (no
 * permission, backend without readiness) leaves every level `unknown` and
 * keeps the error so the page can say why, rather than failing the page.
 */
function loadReadiness(api: RegionExpansionApi) {
  return api.listReadiness().then(
    ({ items }) => ({
      readiness: indexReadiness(items),
      readinessError: undefined as Error | undefined,
    }),
    (error: Error) => ({
      readiness: new Map() as ReadinessByLocation,
      readinessError: error as Error | undefined,
    }),
  );
}

/**
 * What the Regions overview needs, in parallel: partitions, locations, the
 * cell totals per location (`GET /locations/summary`, one row per location
 * instead of every cell) and the latest readiness.
 */
export function useRegionOverviewData() {
  const api = useApi(regionExpansionApiRef);
  return useAsyncRetry(async () => {
    const [partitions, locations, summaries, readinessResult] =
      await Promise.all([
        api.listPartitions().then(r => r.items),
        api.listLocations().then(r => r.items),
        api.summarizeLocations().then(r => r.items),
        loadReadiness(api),
      ]);
    return { partitions, locations, summaries, ...readinessResult };
  }, [api]);
}

/**
 * Partitions and locations, in parallel: the small lists that filter
 * drop-downs and location look-ups need.
 */
export function usePartitionsAndLocations() {
  const api = useApi(regionExpansionApiRef);
  return useAsync(async () => {
    const [partitions, locations] = await Promise.all([
      api.listPartitions().then(r => r.items),
      api.listLocations().then(r => r.items),
    ]);
    return { partitions, locations };
  }, [api]);
}
