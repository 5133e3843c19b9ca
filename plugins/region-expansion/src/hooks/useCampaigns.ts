import useAsync from 'react-use/esm/useAsync';
import { useRegionExpansionApi } from './useRegionExpansionApi';

/** Launch campaigns (`GET /campaigns`), of one location when it is given. */
export function useCampaigns(locationId?: string) {
  const api = useRegionExpansionApi();
  return useAsync(
    async () =>
      (await api.listCampaigns({ query: locationId ? { locationId } : {} }))
        .items,
    [api, locationId],
  );
}
