import useAsync from 'react-use/esm/useAsync';
import { useRegionExpansionApi } from './useRegionExpansionApi';

/** One cell by id (`GET /cells/:id`); a 404 is the error, with the server's message. */
export function useCell(cellId: string) {
  const api = useRegionExpansionApi();
  return useAsync(() => api.getCell({ path: { id: cellId } }), [api, cellId]);
}
