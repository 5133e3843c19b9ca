import { createGovernanceProviderModule } from '@region-expansion/plugin-region-expansion-node';
import { SecurityHubGovernanceProvider } from './SecurityHubGovernanceProvider';

/**
 * Adds the Security Hub governance provider to the region-expansion backend.
 *
 * @public
 */
export const regionExpansionModuleSecurityHub = createGovernanceProviderModule({
  moduleId: 'security-hub',
  fromConfig: config => SecurityHubGovernanceProvider.fromConfig(config),
});
