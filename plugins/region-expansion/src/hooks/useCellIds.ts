import useAsyncFn from 'react-use/esm/useAsyncFn';
import { useRegionExpansionApi } from './useRegionExpansionApi';

/**
 * The ids of the cells in a location or partition, read on demand: the
 * returned function reads them (a filter calls it when it opens), so a page
 * never waits for a cell list it may not need.
 */
export function useCellIds(query: { locationId?: string; partition?: string }) {
  const { locationId, partition } = query;
  const api = useRegionExpansionApi();
  return useAsyncFn(
    async () =>
      (await api.listCells({ query: { locationId, partition } })).items.map(
        cell => cell.id,
      ),
    [api, locationId, partition],
  );
}
