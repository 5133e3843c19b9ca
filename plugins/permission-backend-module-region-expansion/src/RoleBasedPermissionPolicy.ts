import {
  AuthorizeResult,
  isResourcePermission,
  PermissionCondition,
  PermissionCriteria,
  PolicyDecision,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { RESOURCE_TYPE_REGION_EXPANSION_LOCATION } from '@region-expansion/plugin-region-expansion-common';
import {
  createRegionExpansionConditionalDecision,
  regionExpansionConditions,
} from '@region-expansion/plugin-region-expansion-node';
import { isScoped, RoleAssignments, RoleGrant } from './RoleAssignments';
import { decideForRole } from './roles';

type Criteria = PermissionCriteria<
  PermissionCondition<typeof RESOURCE_TYPE_REGION_EXPANSION_LOCATION>
>;

const oneOrAll = (criteria: Criteria[]): Criteria =>
  criteria.length === 1 ? criteria[0] : { allOf: criteria as any };
const oneOrAny = (criteria: Criteria[]): Criteria =>
  criteria.length === 1 ? criteria[0] : { anyOf: criteria as any };

/** A scoped grant's limits: every dimension it names must match. */
function conditionsOf(grant: RoleGrant): Criteria {
  const parts: Criteria[] = [];
  if (grant.partitions) {
    parts.push(
      regionExpansionConditions.isInPartition({ partitions: grant.partitions }),
    );
  }
  if (grant.regions) {
    parts.push(
      regionExpansionConditions.isInRegion({ regions: grant.regions }),
    );
  }
  if (grant.accounts) {
    parts.push(
      regionExpansionConditions.isInAccount({ accountIds: grant.accounts }),
    );
  }
  return oneOrAll(parts);
}

/**
 * The Region Expansion role policy: roles from config, decisions by role.
 * An unscoped grant decides as its role does. A scoped grant limits only
 * Region Expansion: its resource permissions (`region-expansion-location`)
 * are CONDITIONAL on its partitions, Regions and accounts; its reads that
 * the backend scopes through them (cells, tenants, readiness, evidence)
 * follow the role; its other Region Expansion changes are denied, since
 * they cannot be limited; permissions of other plugins follow the role.
 *
 * @public
 */
export class RoleBasedPermissionPolicy implements PermissionPolicy {
  constructor(private readonly roles: RoleAssignments) {}

  /** Decides one permission request for the user's roles. */
  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const { permission } = request;
    const grants = user
      ? this.roles.grantsOf(user.info.ownershipEntityRefs ?? [])
      : [];
    const allowing = grants.filter(
      g => decideForRole(g.role, permission) === AuthorizeResult.ALLOW,
    );
    if (allowing.length === 0) return { result: AuthorizeResult.DENY };
    if (
      allowing.some(g => !isScoped(g)) ||
      !permission.name.startsWith('region-expansion.')
    ) {
      return { result: AuthorizeResult.ALLOW };
    }
    if (
      isResourcePermission(permission, RESOURCE_TYPE_REGION_EXPANSION_LOCATION)
    ) {
      return createRegionExpansionConditionalDecision(
        permission as ResourcePermission<
          typeof RESOURCE_TYPE_REGION_EXPANSION_LOCATION
        >,
        oneOrAny(allowing.map(conditionsOf)),
      );
    }
    return {
      result:
        permission.attributes.action === 'read'
          ? AuthorizeResult.ALLOW
          : AuthorizeResult.DENY,
    };
  }
}
