import { Config } from '@backstage/config';
import {
  accountIdSchema,
  idSchema,
} from '@region-expansion/plugin-region-expansion-common';
import { partitionIdSchema } from '@region-expansion/plugin-region-expansion-node';
import { z } from 'zod';
import { PORTAL_ROLES, PortalRole } from './roles';

/** Where the module's config lives. */
export const CONFIG_KEY = 'permission.regionExpansion';

/**
 * One grant of a role: its members, and the partitions, Regions and
 * accounts it is limited to (none: unscoped).
 *
 * @public
 */
export interface RoleGrant {
  /** The role granted. */
  role: PortalRole;
  /** Lower-cased user or group entity refs. */
  members: Set<string>;
  /** Partition ids the grant is limited to, for example `aws-eusc`. */
  partitions?: string[];
  /** Region, Local Zone or Outpost ids the grant is limited to. */
  regions?: string[];
  /** 12-digit AWS account ids the grant is limited to. */
  accounts?: string[];
}

/** Whether a grant is limited to part of the estate. */
export const isScoped = (grant: RoleGrant) =>
  Boolean(grant.partitions || grant.regions || grant.accounts);

function checked<T>(schema: z.ZodType<T>, value: unknown, key: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new Error(
      `Invalid config at ${key}: '${String(value)}' ${
        result.error.issues[0].message
      }`,
    );
  }
  return result.data;
}

/** A list of a grant: absent, or at least one valid item. */
function readList(
  grant: Config,
  field: string,
  item: z.ZodType<string>,
  key: string,
): string[] | undefined {
  const values = grant.getOptionalStringArray(field);
  if (values === undefined) return undefined;
  if (values.length === 0) {
    throw new Error(
      `Invalid config at ${key}.${field}: leave it out or name at least one`,
    );
  }
  return values.map((v, i) => checked(item, v, `${key}.${field}[${i}]`));
}

function readGrant(role: PortalRole, grant: Config, key: string): RoleGrant {
  const members = grant.getOptionalStringArray('members') ?? [];
  if (members.length === 0) {
    throw new Error(
      `Invalid config at ${key}.members: name at least one user or group entity ref`,
    );
  }
  for (const field of grant.keys()) {
    if (!['members', 'partitions', 'regions', 'accounts'].includes(field)) {
      throw new Error(
        `Invalid config at ${key}.${field}: unknown key, one of members, partitions, regions, accounts`,
      );
    }
  }
  return {
    role,
    members: new Set(members.map(ref => ref.toLocaleLowerCase('en-US'))),
    partitions: readList(grant, 'partitions', partitionIdSchema, key),
    regions: readList(grant, 'regions', idSchema, key),
    accounts: readList(grant, 'accounts', accountIdSchema, key),
  };
}

/**
 * Role grants read from `permission.regionExpansion`: under `roles`, a list
 * of grants per role, each with its members (user or group entity refs)
 * and optionally the partitions, Regions and accounts it is limited to;
 * signed-in users in no grant get `defaultRole` ("none" denies). Bad
 * config fails start-up, naming the key.
 *
 * @public
 */
export class RoleAssignments {
  private constructor(
    private readonly grants: RoleGrant[],
    private readonly defaultRole: PortalRole | 'none',
  ) {}

  /** Reads and validates `permission.regionExpansion`; throws naming the key. */
  static fromConfig(config: Config): RoleAssignments {
    const section = config.getOptionalConfig(CONFIG_KEY);
    const rolesConfig = section?.getOptionalConfig('roles');
    const grants: RoleGrant[] = [];
    for (const role of rolesConfig?.keys() ?? []) {
      const key = `${CONFIG_KEY}.roles.${role}`;
      if (!PORTAL_ROLES.includes(role as PortalRole)) {
        throw new Error(
          `Invalid config at ${key}: unknown role, one of ${PORTAL_ROLES.join(
            ', ',
          )}`,
        );
      }
      rolesConfig!
        .getConfigArray(role)
        .forEach((grant, i) =>
          grants.push(readGrant(role as PortalRole, grant, `${key}[${i}]`)),
        );
    }
    const defaultRole = section?.getOptionalString('defaultRole') ?? 'none';
    if (
      defaultRole !== 'none' &&
      !PORTAL_ROLES.includes(defaultRole as PortalRole)
    ) {
      throw new Error(
        `Invalid config at ${CONFIG_KEY}.defaultRole: '${defaultRole}' is not one of ${[
          ...PORTAL_ROLES,
          'none',
        ].join(', ')}`,
      );
    }
    return new RoleAssignments(grants, defaultRole as PortalRole | 'none');
  }

  /**
   * The grants any of the user's refs holds; in none, the default role
   * unscoped (nothing for `none`).
   */
  grantsOf(ownershipEntityRefs: string[]): RoleGrant[] {
    const refs = ownershipEntityRefs.map(ref => ref.toLocaleLowerCase('en-US'));
    const held = this.grants.filter(g => refs.some(ref => g.members.has(ref)));
    if (held.length || this.defaultRole === 'none') return held;
    return [{ role: this.defaultRole, members: new Set() }];
  }

  /** The most privileged role any of the user's refs holds unscoped. */
  roleOf(ownershipEntityRefs: string[]): PortalRole | 'none' {
    const held = this.grantsOf(ownershipEntityRefs).filter(g => !isScoped(g));
    return PORTAL_ROLES.find(role => held.some(g => g.role === role)) ?? 'none';
  }
}
