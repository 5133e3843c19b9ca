export { EntityRegionReadinessCard } from './EntityRegionReadinessCard';
export { EntityRegionalDeploymentsCard } from './EntityRegionalDeploymentsCard';
export { EntityRegionExpansionContent } from './EntityRegionExpansionContent';
export { LaunchCampaignCard } from './LaunchCampaignCard';
