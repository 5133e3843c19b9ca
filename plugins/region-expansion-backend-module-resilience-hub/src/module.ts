import { createGovernanceProviderModule } from '@region-expansion/plugin-region-expansion-node';
import { ResilienceHubGovernanceProvider } from './ResilienceHubGovernanceProvider';

/**
 * Adds the Resilience Hub governance provider to the region-expansion backend.
 *
 * @public
 */
export const regionExpansionModuleResilienceHub =
  createGovernanceProviderModule({
    moduleId: 'resilience-hub',
    fromConfig: config => ResilienceHubGovernanceProvider.fromConfig(config),
  });
