import {
  createApiFactory,
  createPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { RegionExpansionClient } from '@region-expansion/plugin-region-expansion-common';
import { regionExpansionApiRef } from './api';
import {
  cellRouteRef,
  governanceRouteRef,
  regionRouteRef,
  rootRouteRef,
  tenantsRouteRef,
} from './routes';

/**
 * The Region Expansion frontend plugin (legacy frontend system).
 *
 * @public
 */
export const regionExpansionPlugin = createPlugin({
  id: 'region-expansion',
  apis: [
    createApiFactory({
      api: regionExpansionApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new RegionExpansionClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    root: rootRouteRef,
    region: regionRouteRef,
    cell: cellRouteRef,
    tenants: tenantsRouteRef,
    governance: governanceRouteRef,
  },
});
