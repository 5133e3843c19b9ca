/**
 * Region Expansion frontend plugin: Regions map and grid, Region, cell and
 * tenant views with what-if, and entity cards (legacy frontend system; the
 * new frontend system is under `/alpha`).
 *
 * @packageDocumentation
 */
export { regionExpansionPlugin } from './plugin';
export {
  RegionExpansionPage,
  EntityRegionReadinessCard,
  EntityRegionalDeploymentsCard,
} from './extensions';
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
} from './routes';
export { RegionPickerFieldExtension } from './scaffolder/extensions';
