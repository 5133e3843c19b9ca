import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { regionExpansionGovernanceExtensionPoint } from '@region-expansion/plugin-region-expansion-node';
import { AuditManagerGovernanceProvider } from './AuditManagerGovernanceProvider';

/**
 * Adds the Audit Manager governance provider to the region-expansion backend.
 *
 * @public
 */
export const regionExpansionModuleAuditManager = createBackendModule({
  pluginId: 'region-expansion',
  moduleId: 'audit-manager',
  register(env) {
    env.registerInit({
      deps: {
        governance: regionExpansionGovernanceExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ governance, config }) {
        governance.addProvider(
          AuditManagerGovernanceProvider.fromConfig(config),
        );
      },
    });
  },
});
