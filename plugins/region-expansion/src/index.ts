/**
 * Region Expansion frontend plugin: Regions map and grid, Region, cell and
 * tenant views with what-if, Compare Regions, governance, entity cards and
 * the RegionPicker scaffolder field.
 *
 * The default export is the plugin for the new frontend system (what
 * feature discovery and `createApp({ features })` install). The named
 * exports are for legacy apps (`@backstage/core-plugin-api`):
 * `regionExpansionPlugin`, the routable `RegionExpansionPage`, the entity
 * cards and `RegionPickerFieldExtension`, mounted in `App.tsx` and the
 * entity page.
 *
 * @packageDocumentation
 */
export { regionExpansionFrontendPlugin as default } from './frontend-system/plugin';
export { regionExpansionPlugin } from './plugin';
export {
  RegionExpansionPage,
  EntityRegionReadinessCard,
  EntityRegionalDeploymentsCard,
  EntityRegionExpansionContent,
  EntityLaunchCampaignCard,
} from './extensions';
export { isLaunchLocationResource } from './components/EntityCards/LaunchCampaignCard.filter';
export {
  isRegionExpansionResource,
  hasRegionalDeployments,
  deploymentLocationIds,
  LOCATION_ANNOTATION,
  CELL_ANNOTATION,
  DEPLOYMENTS_ANNOTATION,
} from './components/EntityCards/conditions';
export { regionExpansionApiRef } from './api';
export type { RegionExpansionApi } from './api';
export {
  rootRouteRef,
  regionRouteRef,
  cellRouteRef,
  tenantsRouteRef,
  governanceRouteRef,
  compareRouteRef,
  campaignsRouteRef,
  campaignRouteRef,
} from './routes';
export { RegionPickerFieldExtension } from './scaffolder/extensions';
export { regionExpansionTranslationRef } from './translation';
