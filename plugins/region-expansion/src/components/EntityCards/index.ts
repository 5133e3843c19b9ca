export { EntityRegionReadinessCard } from './EntityRegionReadinessCard';
export { EntityRegionalDeploymentsCard } from './EntityRegionalDeploymentsCard';
export {
  isRegionExpansionResource,
  hasRegionalDeployments,
  deploymentLocationIds,
  LOCATION_ANNOTATION,
  CELL_ANNOTATION,
  DEPLOYMENTS_ANNOTATION,
} from './conditions';
