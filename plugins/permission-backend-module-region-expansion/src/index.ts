/**
 * Role-based permission policy for Region Expansion, as a module of the
 * permission backend.
 *
 * @packageDocumentation
 */
export { permissionModuleRegionExpansionPolicy as default } from './module';
export { RoleAssignments, type RoleGrant } from './RoleAssignments';
export { RoleBasedPermissionPolicy } from './RoleBasedPermissionPolicy';
export { decideForRole, PORTAL_ROLES, type PortalRole } from './roles';
