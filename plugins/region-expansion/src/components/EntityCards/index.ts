export { EntityRegionReadinessCard } from './EntityRegionReadinessCard';
export { EntityRegionalDeploymentsCard } from './EntityRegionalDeploymentsCard';
