import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  isResourcePermission,
  Permission,
  PermissionCondition,
  PermissionCriteria,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import { RESOURCE_TYPE_REGION_EXPANSION_LOCATION } from '@region-expansion/plugin-region-expansion-common';

/** A CONDITIONAL decision of the region-expansion-location resource type. */
export function conditionalDecision(
  conditions: PermissionCriteria<PermissionCondition>,
): PolicyDecision {
  return {
    result: AuthorizeResult.CONDITIONAL,
    pluginId: 'region-expansion',
    resourceType: RESOURCE_TYPE_REGION_EXPANSION_LOCATION,
    conditions,
  };
}

/** `isInPartition` with `partitions` (not checked here: the plugin checks them). */
export const inPartitions = (...partitions: string[]) => ({
  rule: 'isInPartition',
  resourceType: RESOURCE_TYPE_REGION_EXPANSION_LOCATION,
  params: { partitions },
});

/**
 * The permissions service of a policy that allows every basic permission
 * and answers every resource permission of the plugin CONDITIONAL with
 * `conditions`, as a policy scoping a role would.
 */
export function conditionalPermissions(
  conditions: PermissionCriteria<PermissionCondition>,
) {
  const decide = (requests: Array<{ permission: Permission }>) =>
    requests.map(({ permission }) =>
      isResourcePermission(permission, RESOURCE_TYPE_REGION_EXPANSION_LOCATION)
        ? conditionalDecision(conditions)
        : { result: AuthorizeResult.ALLOW },
    );
  return mockServices.permissions.mock({
    authorize: async (requests: any[]) => decide(requests) as any,
    authorizeConditional: async (requests: any[]) => decide(requests),
  });
}

/** Any signed-in user: the mock decides the same for everyone. */
export const someone = mockCredentials.user.header('user:default/audrey');
