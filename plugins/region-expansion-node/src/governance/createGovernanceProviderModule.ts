import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { regionExpansionGovernanceExtensionPoint } from './extensionPoint';
import type { GovernanceProvider } from './types';

/**
 * Options of {@link createGovernanceProviderModule}.
 *
 * @public
 */
export interface GovernanceProviderModuleOptions {
  /** The backend module's id, e.g. `security-hub`. */
  moduleId: string;
  /** Builds the provider from the root config when the backend starts. */
  fromConfig(config: Config): GovernanceProvider;
}

/**
 * A backend module of the region-expansion plugin that adds one governance
 * provider, built from the root config, through
 * {@link regionExpansionGovernanceExtensionPoint}.
 *
 * @public
 */
export function createGovernanceProviderModule(
  options: GovernanceProviderModuleOptions,
) {
  return createBackendModule({
    pluginId: 'region-expansion',
    moduleId: options.moduleId,
    register(env) {
      env.registerInit({
        deps: {
          governance: regionExpansionGovernanceExtensionPoint,
          config: coreServices.rootConfig,
        },
        async init({ governance, config }) {
          governance.addProvider(options.fromConfig(config));
        },
      });
    },
  });
}
