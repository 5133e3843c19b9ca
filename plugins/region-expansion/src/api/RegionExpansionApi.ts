import { createApiRef } from '@backstage/core-plugin-api';
import type { RegionExpansionClient } from '@region-expansion/plugin-region-expansion-common';

/**
 * What the portal needs from the region-expansion backend: the public surface
 * of the common package's typed client. Declared as a type over the client
 * (its `#private` fields are not part of `keyof`) so the portal and the
 * client cannot drift apart, and tests can swap in any implementation.
 *
 * @public
 */
export type RegionExpansionApi = {
  [K in keyof RegionExpansionClient]: RegionExpansionClient[K];
};

/**
 * API reference of {@link RegionExpansionApi}.
 *
 * @public
 */
export const regionExpansionApiRef = createApiRef<RegionExpansionApi>({
  id: 'plugin.region-expansion.service',
});
