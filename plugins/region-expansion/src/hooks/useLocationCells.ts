import useAsync from 'react-use/esm/useAsync';
import { useRegionExpansionApi } from './useRegionExpansionApi';

/**
 * The locations, and the cells of one location and of the Local Zones and
 * Outposts attached to it, ordered by id: its own cells load in parallel
 * with the locations, the attached ones' (if any) right after, never every
 * cell.
 */
export function useLocationCells(locationId: string) {
  const api = useRegionExpansionApi();
  return useAsync(async () => {
    const [locations, ownCells] = await Promise.all([
      api.listLocations().then(r => r.items),
      api.listCells({ query: { locationId } }).then(r => r.items),
    ]);
    const attached = locations.filter(l => l.parentRegion === locationId);
    const attachedCells = await Promise.all(
      attached.map(l =>
        api.listCells({ query: { locationId: l.id } }).then(r => r.items),
      ),
    );
    const cells = [...ownCells, ...attachedCells.flat()].sort((a, b) =>
      a.id.localeCompare(b.id),
    );
    return { locations, cells };
  }, [api, locationId]);
}
