import { useApi } from '@backstage/core-plugin-api';
import { regionExpansionApiRef, type RegionExpansionApi } from '../api';

/**
 * The region-expansion client, for the components that change something
 * (waivers, evaluations, assessments, what-ifs, migrations, syncs). Reads
 * go through the resource hooks beside this one.
 */
export function useRegionExpansionApi(): RegionExpansionApi {
  return useApi(regionExpansionApiRef);
}
