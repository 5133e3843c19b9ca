import {
  createComponentExtension,
  createRoutableExtension,
} from '@backstage/core-plugin-api';
import { regionExpansionPlugin } from './plugin';
import { rootRouteRef } from './routes';

/**
 * The Region Expansion page: Regions map and grid, Region and cell pages,
 * tenants and what-if. Mount it at `/region-expansion`.
 *
 * @public
 */
export const RegionExpansionPage: () => JSX.Element =
  regionExpansionPlugin.provide(
    createRoutableExtension({
      name: 'RegionExpansionPage',
      component: () =>
        import('./components/RegionExpansionPage').then(
          m => m.RegionExpansionPage,
        ),
      mountPoint: rootRouteRef,
    }),
  );

/**
 * Entity card: readiness of a Region/Local Zone/Outpost resource, or the
 * capacity of a cell resource. Show it when `isRegionExpansionResource`.
 *
 * @public
 */
export const EntityRegionReadinessCard: () => JSX.Element =
  regionExpansionPlugin.provide(
    createComponentExtension({
      name: 'EntityRegionReadinessCard',
      component: {
        lazy: () =>
          import('./components/EntityCards').then(
            m => m.EntityRegionReadinessCard,
          ),
      },
    }),
  );

/**
 * Entity card: the locations a component is deployed to. Show it when
 * `hasRegionalDeployments`.
 *
 * @public
 */
export const EntityRegionalDeploymentsCard: () => JSX.Element =
  regionExpansionPlugin.provide(
    createComponentExtension({
      name: 'EntityRegionalDeploymentsCard',
      component: {
        lazy: () =>
          import('./components/EntityCards').then(
            m => m.EntityRegionalDeploymentsCard,
          ),
      },
    }),
  );

/**
 * Entity tab content: the Region or cell page of a Region, Local Zone,
 * Outpost or cell resource. Show it when `isRegionExpansionResource`.
 *
 * @public
 */
export const EntityRegionExpansionContent: () => JSX.Element =
  regionExpansionPlugin.provide(
    createComponentExtension({
      name: 'EntityRegionExpansionContent',
      component: {
        lazy: () =>
          import('./components/EntityCards').then(
            m => m.EntityRegionExpansionContent,
          ),
      },
    }),
  );

/**
 * Entity card: the launch campaigns of a Region, Local Zone or Outpost
 * resource, linking to each campaign. Show it when
 * `isLaunchLocationResource`.
 *
 * @public
 */
export const EntityLaunchCampaignCard: () => JSX.Element =
  regionExpansionPlugin.provide(
    createComponentExtension({
      name: 'EntityLaunchCampaignCard',
      component: {
        lazy: () =>
          import('./components/EntityCards').then(m => m.LaunchCampaignCard),
      },
    }),
  );
