import {
  coreServices,
  createServiceFactory,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { JsonObject } from '@backstage/types';
import { Knex } from 'knex';
import {
  AuthorizeResult,
  Permission,
} from '@backstage/plugin-permission-common';
import { regionExpansionPlugin } from '../plugin';
import { regionExpansionModuleDemo } from '@region-expansion/plugin-region-expansion-backend-module-demo';

/**
 * The portal roles of the tests, plus `anonymous` (no role). Mirrors
 * `decideForRole` of the role-based policy module
 * (`plugins/permission-backend-module-region-expansion`):
 *
 * - platform-admin: everything;
 * - auditor: every read, and `region-expansion.governance.export`;
 * - engineer: every read but `region-expansion.governance.export`, and
 *   `region-expansion.placement.execute`;
 * - anonymous (or any other principal): nothing.
 */
export type TestRole = 'platform-admin' | 'auditor' | 'engineer' | 'anonymous';

/** The signed-in roles, with the letter `RouteCase.allowed` uses for each. */
export const ROLE_CODES: ReadonlyArray<[TestRole, string]> = [
  ['auditor', 'a'],
  ['engineer', 'e'],
  ['platform-admin', 'p'],
];

const ENGINEER_EXTRAS = new Set(['region-expansion.placement.execute']);
const AUDITOR_EXTRAS = new Set(['region-expansion.governance.export']);

/** The test policy's decision for one role and permission. */
export function decideForTestRole(
  role: TestRole,
  permission: Pick<Permission, 'name' | 'attributes'>,
): boolean {
  const isRead = permission.attributes.action === 'read';
  switch (role) {
    case 'platform-admin':
      return true;
    case 'auditor':
      return isRead || AUDITOR_EXTRAS.has(permission.name);
    case 'engineer':
      if (!permission.name.startsWith('region-expansion.')) {
        return true;
      }
      return (
        (isRead && !permission.name.includes('.governance.export')) ||
        ENGINEER_EXTRAS.has(permission.name)
      );
    default:
      return false;
  }
}

/** The role of a user entity ref `user:default/<role>`; anything else is anonymous. */
function roleOf(credentials: {
  principal: { type?: string; userEntityRef?: string };
}): TestRole {
  const ref = credentials.principal?.userEntityRef ?? '';
  const role = ref.replace(/^user:default\//, '');
  return ROLE_CODES.some(([r]) => r === role)
    ? (role as TestRole)
    : 'anonymous';
}

function decideAll(
  requests: Array<{ permission: Permission }>,
  credentials: any,
) {
  const role = roleOf(credentials);
  return requests.map(r => ({
    result: decideForTestRole(role, r.permission)
      ? AuthorizeResult.ALLOW
      : AuthorizeResult.DENY,
  }));
}

/** The permissions service deciding by the caller's role (see {@link TestRole}). */
export const rolePermissionsFactory = createServiceFactory({
  service: coreServices.permissions,
  deps: {},
  factory: (): PermissionsService =>
    ({
      async authorize(requests: any[], { credentials }: any) {
        return decideAll(requests, credentials);
      },
      // Roles are unscoped: a resource permission is decided outright.
      async authorizeConditional(requests: any[], { credentials }: any) {
        return decideAll(requests, credentials);
      },
    } as unknown as PermissionsService),
});

/** The Authorization header of a role; `anonymous` sends no credentials. */
export const as = (role: TestRole): string =>
  role === 'anonymous'
    ? mockCredentials.none.header()
    : mockCredentials.user.header(`user:default/${role}`);

/** Where the plugin's routes are mounted in a test backend. */
export const API = '/api/region-expansion';

/** A route of a routes × roles table. */
export type RouteCase<
  M extends string = 'get' | 'post' | 'put' | 'patch' | 'delete',
> = {
  method: M;
  path: string;
  body?: unknown;
  /** Roles allowed: a = auditor, e = engineer, p = platform-admin. */
  allowed: string;
};

/**
 * Starts a test backend with the region-expansion plugin, the role-based
 * test policy and `regionExpansion` config; on `knex` (a test database)
 * when given, else on the test backend's own SQLite.
 */
export async function startWithRoles(
  regionExpansion: JsonObject,
  options: { knex?: Knex } = {},
) {
  const { server } = await startTestBackend({
    features: [
      regionExpansionPlugin,
      regionExpansionModuleDemo,
      rolePermissionsFactory,
      mockServices.rootConfig.factory({ data: { regionExpansion } }),
      ...(options.knex
        ? [mockServices.database.factory({ knex: options.knex })]
        : []),
    ],
  });
  return server;
}

/**
 * Starts, before the tests of the calling `describe`, the plugin with the
 * demo estate of `tenants` tenants on `databaseId` of `databases`; the
 * returned object holds the database client and the server once started.
 */
export function demoBackendBeforeAll(
  databases: TestDatabases,
  databaseId: TestDatabaseId,
  tenants: number,
): { knex: Knex; server: Awaited<ReturnType<typeof startWithRoles>> } {
  const backend = {} as ReturnType<typeof demoBackendBeforeAll>;
  beforeAll(async () => {
    backend.knex = await databases.init(databaseId);
    backend.server = await startWithRoles(
      { demoData: { enabled: true, tenants } },
      { knex: backend.knex },
    );
  });
  return backend;
}
