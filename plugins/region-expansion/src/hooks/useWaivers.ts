import { useCallback } from 'react';
import type {
  CursorPage,
  StoredReadinessWaiver,
} from '@region-expansion/plugin-region-expansion-common';
import { useMorePages } from '../components/shared/useMorePages';
import { useRegionExpansionApi } from './useRegionExpansionApi';

/**
 * A location's waivers: the `first` page its caller read (with the rest of
 * the readiness, see `useReadiness`), then the next page on `loadMore`.
 */
export function useWaivers(
  locationId: string,
  first: CursorPage<StoredReadinessWaiver>,
) {
  const api = useRegionExpansionApi();
  const loadPage = useCallback(
    (cursor: string) => api.listWaivers({ query: { locationId, cursor } }),
    [api, locationId],
  );
  return useMorePages(first, loadPage);
}
