import { compatWrapper } from '@backstage/core-compat-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import {
  hasRegionalDeployments,
  isRegionExpansionResource,
} from '../components/EntityCards/conditions';
import { regionExpansionTranslationRef } from '../translation';

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
      import('../components/EntityCards').then(m =>
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
      import('../components/EntityCards').then(m =>
        compatWrapper(<m.EntityRegionalDeploymentsCard />),
      ),
  },
});

/**
 * A "Region expansion" tab on Region, Local Zone, Outpost and cell
 * resources: the plugin's Region or cell page for that entity.
 *
 * @alpha
 */
export const regionExpansionEntityContent = EntityContentBlueprint.make({
  params: {
    path: 'region-expansion',
    title: regionExpansionTranslationRef('entityContent.title'),
    filter: isRegionExpansionResource,
    loader: () =>
      import('../components/EntityCards').then(m =>
        compatWrapper(<m.EntityRegionExpansionContent />),
      ),
  },
});
