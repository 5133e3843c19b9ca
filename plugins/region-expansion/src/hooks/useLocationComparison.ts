import useAsyncFn from 'react-use/esm/useAsyncFn';
import type { RegionExpansionApi } from '../api';
import { useRegionExpansionApi } from './useRegionExpansionApi';

/** What `POST /comparisons` takes. */
export type CompareLocationsBody = Parameters<
  RegionExpansionApi['compareLocations']
>[0]['body'];

/**
 * The ranked comparison of locations: `compare(body)` runs
 * `POST /comparisons` (nothing is stored) and the state holds its answer.
 */
export function useLocationComparison() {
  const api = useRegionExpansionApi();
  return useAsyncFn(
    (body: CompareLocationsBody) => api.compareLocations({ body }),
    [api],
  );
}
