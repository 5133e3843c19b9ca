import useAsync from 'react-use/esm/useAsync';
import type { Cell } from '@region-expansion/plugin-region-expansion-common';
import type { RegionExpansionApi } from '../api';
import { useRegionExpansionApi } from './useRegionExpansionApi';

/**
 * A running cell to start the spec fields from, preferring a pooled one:
 * the cell totals per location name a location with pooled cells, and only
 * that location's cells load (never the full cell list).
 */
async function loadTemplateCell(
  api: RegionExpansionApi,
): Promise<Cell | undefined> {
  const { items: summaries } = await api.summarizeLocations();
  const location =
    summaries.find(s => s.pooledCellCount > 0) ??
    summaries.find(s => s.cellCount > 0);
  if (!location) return undefined;
  const { items: cells } = await api.listCells({
    query: { locationId: location.locationId },
  });
  return cells.find(c => c.isolation === 'pooled') ?? cells[0];
}

/**
 * The cell a what-if starts its spec from, read only when `enabled` (the
 * caller may read cells). Its value is `undefined` when there are no cells
 * or they cannot be read: the fields then start empty rather than fail.
 */
export function useTemplateCell(enabled: boolean) {
  const api = useRegionExpansionApi();
  return useAsync(
    async () =>
      enabled ? loadTemplateCell(api).catch(() => undefined) : undefined,
    [api, enabled],
  );
}
