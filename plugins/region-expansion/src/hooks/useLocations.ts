import useAsync from 'react-use/esm/useAsync';
import { useRegionExpansionApi } from './useRegionExpansionApi';

/** Every Region, Local Zone and Outpost the backend knows (`GET /locations`). */
export function useLocations() {
  const api = useRegionExpansionApi();
  return useAsync(async () => (await api.listLocations()).items, [api]);
}
