import useAsync from 'react-use/esm/useAsync';
import { useRegionExpansionApi } from './useRegionExpansionApi';

/**
 * The cells of one location or partition (`GET /cells`): views narrow it,
 * since the full list of a large estate is megabytes.
 */
export function useCells(query: { locationId?: string; partition?: string }) {
  const { locationId, partition } = query;
  const api = useRegionExpansionApi();
  return useAsync(
    async () =>
      (await api.listCells({ query: { locationId, partition } })).items,
    [api, locationId, partition],
  );
}
