import { AuthorizeResult } from '@backstage/plugin-permission-common';

/**
 * The roles of the portal, from the most to the least privileged.
 *
 * @public
 */
export const PORTAL_ROLES = ['platform-admin', 'auditor', 'engineer'] as const;

/**
 * A role of the portal.
 *
 * @public
 */
export type PortalRole = (typeof PORTAL_ROLES)[number];

const REGION_EXPANSION_PREFIX = 'region-expansion.';
// Engineers may run placements and what-ifs, which change no configuration.
const ENGINEER_REGION_EXPANSION_EXTRAS = new Set([
  'region-expansion.placement.execute',
]);
// Auditors read everything and may export evidence, nothing else.
const AUDITOR_EXTRAS = new Set(['region-expansion.governance.export']);

/**
 * Decides a permission for a role; pure, so it is tested as a table.
 *
 * @public
 */
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
