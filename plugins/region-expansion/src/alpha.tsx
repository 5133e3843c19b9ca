import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import {
  compatWrapper,
  convertLegacyRouteRef,
  convertLegacyRouteRefs,
} from '@backstage/core-compat-api';
import { RegionExpansionClient } from '@region-expansion/plugin-region-expansion-common';
import { regionExpansionApiRef } from './api';
import {
  cellRouteRef,
  governanceRouteRef,
  regionRouteRef,
  rootRouteRef,
  tenantsRouteRef,
} from './routes';
import {
  hasRegionalDeployments,
  isRegionExpansionResource,
} from './components/EntityCards/conditions';

/**
 * The region-expansion API client, for the new frontend system.
 *
 * @alpha
 */
export const regionExpansionApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: regionExpansionApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new RegionExpansionClient({ discoveryApi, fetchApi }),
    }),
});

/**
 * The Region Expansion page at `/region-expansion`.
 *
 * @alpha
 */
export const regionExpansionPage = PageBlueprint.make({
  params: {
    path: '/region-expansion',
    title: 'Regions',
    routeRef: convertLegacyRouteRef(rootRouteRef),
    loader: () =>
      import('./components/RegionExpansionPage').then(m =>
        compatWrapper(<m.RegionExpansionPage />),
      ),
  },
});

/**
 * Readiness or cell capacity card for Region, Local Zone, Outpost and cell
 * resources.
 *
 * @alpha
 */
export const regionReadinessEntityCard = EntityCardBlueprint.make({
  name: 'region-readiness',
  params: {
    filter: isRegionExpansionResource,
    loader: () =>
      import('./components/EntityCards').then(m =>
        compatWrapper(<m.EntityRegionReadinessCard />),
      ),
  },
});

/**
 * Regional deployments card for components with the deployments annotation.
 *
 * @alpha
 */
export const regionalDeploymentsEntityCard = EntityCardBlueprint.make({
  name: 'regional-deployments',
  params: {
    filter: hasRegionalDeployments,
    loader: () =>
      import('./components/EntityCards').then(m =>
        compatWrapper(<m.EntityRegionalDeploymentsCard />),
      ),
  },
});

/**
 * The Region Expansion plugin for the new frontend system.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'region-expansion',
  routes: convertLegacyRouteRefs({
    root: rootRouteRef,
    region: regionRouteRef,
    cell: cellRouteRef,
    tenants: tenantsRouteRef,
    governance: governanceRouteRef,
  }),
  extensions: [
    regionExpansionApi,
    regionExpansionPage,
    regionReadinessEntityCard,
    regionalDeploymentsEntityCard,
  ],
});
