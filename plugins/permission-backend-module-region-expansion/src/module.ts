import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { RoleAssignments } from './RoleAssignments';
import { RoleBasedPermissionPolicy } from './RoleBasedPermissionPolicy';

/**
 * Sets the Region Expansion role policy on the permission backend, roles
 * read from `permission.regionExpansion` at start-up.
 *
 * @public
 */
export const permissionModuleRegionExpansionPolicy = createBackendModule({
  pluginId: 'permission',
  moduleId: 'region-expansion-policy',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        policy: policyExtensionPoint,
      },
      async init({ config, policy }) {
        policy.setPolicy(
          new RoleBasedPermissionPolicy(RoleAssignments.fromConfig(config)),
        );
      },
    });
  },
});
