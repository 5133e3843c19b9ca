import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { regionExpansionGovernanceExtensionPoint } from '@region-expansion/plugin-region-expansion-node';
import { ResilienceHubGovernanceProvider } from './ResilienceHubGovernanceProvider';

/**
 * Adds the Resilience Hub governance provider to the region-expansion backend.
 *
 * @public
 */
export const regionExpansionModuleResilienceHub = createBackendModule({
  pluginId: 'region-expansion',
  moduleId: 'resilience-hub',
  register(env) {
    env.registerInit({
      deps: {
        governance: regionExpansionGovernanceExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ governance, config }) {
        governance.addProvider(
          ResilienceHubGovernanceProvider.fromConfig(config),
        );
      },
    });
  },
});
