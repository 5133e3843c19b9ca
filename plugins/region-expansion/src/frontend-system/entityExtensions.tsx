import type { Entity } from '@backstage/catalog-model';
import { compatWrapper } from '@backstage/core-compat-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import {
  hasRegionalDeployments,
  isRegionExpansionResource,
} from '../components/EntityCards/conditions';
import { isLaunchLocationResource } from '../components/EntityCards/LaunchCampaignCard.filter';
import { regionExpansionTranslationRef } from '../translation';

/** An entity card of the plugin, shown where `filter` holds. */
function entityCard<TName extends string>(
  name: TName,
  filter: (entity: Entity) => boolean,
  load: () => Promise<JSX.Element>,
) {
  return EntityCardBlueprint.make({
    name,
    params: { filter, loader: () => load().then(compatWrapper) },
  });
}

/**
 * Readiness or cell capacity card for Region, Local Zone, Outpost and cell
 * resources.
 *
 * @alpha
 */
export const regionReadinessEntityCard = entityCard(
  'region-readiness',
  isRegionExpansionResource,
  () =>
    import('../components/EntityCards').then(m => (
      <m.EntityRegionReadinessCard />
    )),
);

/**
 * Regional deployments card for components with the deployments annotation.
 *
 * @alpha
 */
export const regionalDeploymentsEntityCard = entityCard(
  'regional-deployments',
  hasRegionalDeployments,
  () =>
    import('../components/EntityCards').then(m => (
      <m.EntityRegionalDeploymentsCard />
    )),
);

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

/**
 * Launch campaigns card for Region, Local Zone and Outpost resources, linking
 * to each campaign's page.
 *
 * @alpha
 */
export const launchCampaignEntityCard = entityCard(
  'launch-campaigns',
  isLaunchLocationResource,
  () => import('../components/EntityCards').then(m => <m.LaunchCampaignCard />),
);
