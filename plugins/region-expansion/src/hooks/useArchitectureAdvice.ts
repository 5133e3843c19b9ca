import useAsync from 'react-use/esm/useAsync';
import type { RegionExpansionApi } from '../api';
import { useRegionExpansionApi } from './useRegionExpansionApi';

/** The query of `GET /locations/{locationId}/advice`. */
export type AdviceQuery = NonNullable<
  Parameters<RegionExpansionApi['getArchitectureAdvice']>[0]['query']
>;

/**
 * Architecture advice for one location and tenant profile; read again
 * whenever the profile changes.
 */
export function useArchitectureAdvice(locationId: string, query: AdviceQuery) {
  const api = useRegionExpansionApi();
  const { classification, tier, homeCountry } = query;
  return useAsync(
    () =>
      api.getArchitectureAdvice({
        path: { locationId },
        query: { classification, tier, homeCountry },
      }),
    [api, locationId, classification, tier, homeCountry],
  );
}
