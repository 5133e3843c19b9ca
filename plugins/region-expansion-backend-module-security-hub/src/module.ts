import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { regionExpansionGovernanceExtensionPoint } from '@region-expansion/plugin-region-expansion-node';
import { SecurityHubGovernanceProvider } from './SecurityHubGovernanceProvider';

/**
 * Adds the Security Hub governance provider to the region-expansion backend.
 *
 * @public
 */
export const regionExpansionModuleSecurityHub = createBackendModule({
  pluginId: 'region-expansion',
  moduleId: 'security-hub',
  register(env) {
    env.registerInit({
      deps: {
        governance: regionExpansionGovernanceExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ governance, config }) {
        governance.addProvider(
          SecurityHubGovernanceProvider.fromConfig(config),
        );
      },
    });
  },
});
