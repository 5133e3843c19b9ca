import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { regionExpansionGovernanceExtensionPoint } from '@region-expansion/plugin-region-expansion-node';
import { AwsConfigGovernanceProvider } from './AwsConfigGovernanceProvider';

/**
 * Adds the AWS Config conformance pack provider to the region-expansion
 * backend.
 *
 * @public
 */
export const regionExpansionModuleAwsConfig = createBackendModule({
  pluginId: 'region-expansion',
  moduleId: 'aws-config',
  register(env) {
    env.registerInit({
      deps: {
        governance: regionExpansionGovernanceExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ governance, config }) {
        governance.addProvider(AwsConfigGovernanceProvider.fromConfig(config));
      },
    });
  },
});
