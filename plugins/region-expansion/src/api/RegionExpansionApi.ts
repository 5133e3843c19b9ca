import { createApiRef } from '@backstage/core-plugin-api';
import type { RegionExpansionApi as RouteTableApi } from '@region-expansion/plugin-region-expansion-common';

/**
 * What the portal needs from the region-expansion backend: one method per
 * route of the common package's route table (`regionExpansionRoutes`),
 * which the common `RegionExpansionClient` implements. Tests can swap in
 * any implementation.
 *
 * @public
 */
export type RegionExpansionApi = RouteTableApi;

/**
 * API reference of {@link RegionExpansionApi}.
 *
 * @public
 */
export const regionExpansionApiRef = createApiRef<RegionExpansionApi>({
  id: 'plugin.region-expansion.service',
});
