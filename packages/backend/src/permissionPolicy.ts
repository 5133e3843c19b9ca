import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';

/** The roles of the portal, from the most to the least privileged. */
export const PORTAL_ROLES = ['platform-admin', 'auditor', 'engineer'] as const;
export type PortalRole = (typeof PORTAL_ROLES)[number];

const REGION_EXPANSION_PREFIX = 'region-expansion.';
// Engineers may run placements and what-ifs, which change no configuration.
const ENGINEER_REGION_EXPANSION_EXTRAS = new Set([
  'region-expansion.placement.execute',
]);
// Auditors read everything and may export evidence, nothing else.
const AUDITOR_EXTRAS = new Set(['region-expansion.governance.export']);

/**
 * Role assignment read from `permission.roles`: members are user or group
 * entity refs; signed-in users in no role get `defaultRole` ("none" denies).
 */
export class RoleAssignments {
  private constructor(
    private readonly members: Map<PortalRole, Set<string>>,
    private readonly defaultRole: PortalRole | 'none',
  ) {}

  static fromConfig(config: Config): RoleAssignments {
    const rolesConfig = config.getOptionalConfig('permission.roles');
    const members = new Map<PortalRole, Set<string>>();
    for (const role of PORTAL_ROLES) {
      const refs = rolesConfig?.getOptionalStringArray(role) ?? [];
      members.set(
        role,
        new Set(refs.map(ref => ref.toLocaleLowerCase('en-US'))),
      );
    }
    const defaultRole = rolesConfig?.getOptionalString('defaultRole') ?? 'none';
    if (
      defaultRole !== 'none' &&
      !PORTAL_ROLES.includes(defaultRole as PortalRole)
    ) {
      throw new Error(
        `Invalid config at permission.roles.defaultRole: '${defaultRole}' is not one of ${[
          ...PORTAL_ROLES,
          'none',
        ].join(', ')}`,
      );
    }
    return new RoleAssignments(members, defaultRole as PortalRole | 'none');
  }

  /** The most privileged role any of the user's refs holds. */
  roleOf(ownershipEntityRefs: string[]): PortalRole | 'none' {
    const refs = ownershipEntityRefs.map(ref => ref.toLocaleLowerCase('en-US'));
    for (const role of PORTAL_ROLES) {
      const roleMembers = this.members.get(role)!;
      if (refs.some(ref => roleMembers.has(ref))) {
        return role;
      }
    }
    return this.defaultRole;
  }
}

/** Decides a permission for a role; pure, so it is tested as a table. */
export function decideForRole(
  role: PortalRole | 'none',
  permission: { name: string; attributes: { action?: string } },
): AuthorizeResult.ALLOW | AuthorizeResult.DENY {
  const isRead = permission.attributes.action === 'read';
  const isRegionExpansion = permission.name.startsWith(REGION_EXPANSION_PREFIX);
  switch (role) {
    case 'platform-admin':
      return AuthorizeResult.ALLOW;
    case 'auditor':
      return isRead || AUDITOR_EXTRAS.has(permission.name)
        ? AuthorizeResult.ALLOW
        : AuthorizeResult.DENY;
    case 'engineer':
      if (!isRegionExpansion) {
        return AuthorizeResult.ALLOW;
      }
      return (isRead && !permission.name.includes('.governance.export')) ||
        ENGINEER_REGION_EXPANSION_EXTRAS.has(permission.name)
        ? AuthorizeResult.ALLOW
        : AuthorizeResult.DENY;
    default:
      return AuthorizeResult.DENY;
  }
}

/** The portal's permission policy: roles from config, decisions by role. */
export class RoleBasedPermissionPolicy implements PermissionPolicy {
  constructor(private readonly roles: RoleAssignments) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const role = user
      ? this.roles.roleOf(user.info.ownershipEntityRefs ?? [])
      : 'none';
    return { result: decideForRole(role, request.permission) };
  }
}

export default createBackendModule({
  pluginId: 'permission',
  moduleId: 'role-based-policy',
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
