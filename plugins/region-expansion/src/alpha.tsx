import {
  ApiBlueprint,
  createFrontendPlugin,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import {
  compatWrapper,
  convertLegacyRouteRef,
  convertLegacyRouteRefs,
} from '@backstage/core-compat-api';
import { regionExpansionApiFactory } from './api/regionExpansionApiFactory';
import { pluginRoutes, rootRouteRef } from './routes';
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
  params: defineParams => defineParams(regionExpansionApiFactory),
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
  routes: convertLegacyRouteRefs(pluginRoutes),
  extensions: [
    regionExpansionApi,
    regionExpansionPage,
    regionReadinessEntityCard,
    regionalDeploymentsEntityCard,
  ],
});
