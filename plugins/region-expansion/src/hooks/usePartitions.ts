import useAsync from 'react-use/esm/useAsync';
import { useRegionExpansionApi } from './useRegionExpansionApi';

/** Every partition the backend knows (`GET /partitions`). */
export function usePartitions() {
  const api = useRegionExpansionApi();
  return useAsync(async () => (await api.listPartitions()).items, [api]);
}
