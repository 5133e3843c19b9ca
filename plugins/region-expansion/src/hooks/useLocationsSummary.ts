import useAsync from 'react-use/esm/useAsync';
import { useRegionExpansionApi } from './useRegionExpansionApi';

/**
 * The cell totals per location (`GET /locations/summary`): one row per
 * location, so overviews never read every cell.
 */
export function useLocationsSummary() {
  const api = useRegionExpansionApi();
  return useAsync(async () => (await api.summarizeLocations()).items, [api]);
}
