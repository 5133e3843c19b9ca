import useAsync from 'react-use/esm/useAsync';
import { hasStatus } from '../components/shared/responseErrors';
import { useRegionExpansionApi } from './useRegionExpansionApi';

/**
 * The stored application-plane footprint, or `undefined` when none is
 * stored yet (a 404, which is not an error: the user can upload one).
 */
export function useApplicationPlaneFootprint() {
  const api = useRegionExpansionApi();
  return useAsync(
    () =>
      api.getApplicationPlaneFootprint().catch((error: Error) => {
        if (hasStatus(error, 404)) return undefined;
        throw error;
      }),
    [api],
  );
}
