import { createPermission } from '@backstage/plugin-permission-common';

/**
 * The resource type of what sits in one partition, Region and account: a
 * location, a cell, a governance record. Policies scope the permissions of
 * this type with the rules `isInPartition`, `isInRegion` and `isInAccount`
 * (see `regionExpansionConditions` of the node library).
 *
 * @public
 */
export const RESOURCE_TYPE_REGION_EXPANSION_LOCATION =
  'region-expansion-location';

/**
 * Read partitions, Regions, Local Zones and Outposts. A conditional
 * decision also scopes what belongs to a location: its cells, readiness
 * and their summaries (those routes check their own basic permission, then
 * this one's conditions).
 *
 * @public
 */
export const locationReadPermission = createPermission({
  name: 'region-expansion.location.read',
  attributes: { action: 'read' },
  resourceType: RESOURCE_TYPE_REGION_EXPANSION_LOCATION,
});

/**
 * Add, change or remove Local Zones and Outposts.
 *
 * @public
 */
export const locationManagePermission = createPermission({
  name: 'region-expansion.location.manage',
  attributes: { action: 'update' },
});

/**
 * Create and change control planes.
 *
 * @public
 */
export const controlPlaneManagePermission = createPermission({
  name: 'region-expansion.control-plane.manage',
  attributes: { action: 'update' },
});

/**
 * Read cells and their capacity.
 *
 * @public
 */
export const cellReadPermission = createPermission({
  name: 'region-expansion.cell.read',
  attributes: { action: 'read' },
});

/**
 * Create cells and change their lifecycle or capacity. A conditional
 * decision allows it only for cells inside its scope (403 outside).
 *
 * @public
 */
export const cellManagePermission = createPermission({
  name: 'region-expansion.cell.manage',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_REGION_EXPANSION_LOCATION,
});

/**
 * Read tenants and their placement history.
 *
 * @public
 */
export const tenantReadPermission = createPermission({
  name: 'region-expansion.tenant.read',
  attributes: { action: 'read' },
});

/**
 * Create, import and change tenants.
 *
 * @public
 */
export const tenantManagePermission = createPermission({
  name: 'region-expansion.tenant.manage',
  attributes: { action: 'update' },
});

/**
 * Place or migrate a tenant (writes a placement record). What-if runs need
 * only read permissions.
 *
 * @public
 */
export const placementExecutePermission = createPermission({
  name: 'region-expansion.placement.execute',
  attributes: { action: 'create' },
});

/**
 * Read readiness levels, blockers and their history.
 *
 * @public
 */
export const readinessReadPermission = createPermission({
  name: 'region-expansion.readiness.read',
  attributes: { action: 'read' },
});

/**
 * Request, approve and revoke readiness waivers.
 *
 * @public
 */
export const waiverManagePermission = createPermission({
  name: 'region-expansion.waiver.manage',
  attributes: { action: 'update' },
});

/**
 * Read the governance dashboard (Security Hub, Resilience Hub, audit data).
 * A conditional decision scopes every governance read and the evidence
 * bundle to the records of the partitions, Regions and accounts it names.
 *
 * @public
 */
export const governanceReadPermission = createPermission({
  name: 'region-expansion.governance.read',
  attributes: { action: 'read' },
  resourceType: RESOURCE_TYPE_REGION_EXPANSION_LOCATION,
});

/**
 * Export governance evidence. Separate from reading because an export leaves
 * the portal; what the bundle holds is scoped by
 * {@link governanceReadPermission}'s decision.
 *
 * @public
 */
export const governanceExportPermission = createPermission({
  name: 'region-expansion.governance.export',
  attributes: { action: 'read' },
});

/**
 * Start a governance sync now instead of waiting for the schedule. Separate
 * from reading because it spends the AWS API budget of every account.
 *
 * @public
 */
export const governanceSyncPermission = createPermission({
  name: 'region-expansion.governance.sync',
  attributes: { action: 'update' },
});

/**
 * Read Region launch campaigns: gates, burn-up and time to revenue.
 *
 * @public
 */
export const campaignReadPermission = createPermission({
  name: 'region-expansion.campaign.read',
  attributes: { action: 'read' },
});

/**
 * Create campaigns, re-evaluate their gates, approve their cost and record
 * paying tenants.
 *
 * @public
 */
export const campaignManagePermission = createPermission({
  name: 'region-expansion.campaign.manage',
  attributes: { action: 'update' },
});

/**
 * Every permission of the Region Expansion plugin, for registration with the
 * permission framework.
 *
 * @public
 */
export const regionExpansionPermissions = [
  locationReadPermission,
  locationManagePermission,
  controlPlaneManagePermission,
  cellReadPermission,
  cellManagePermission,
  tenantReadPermission,
  tenantManagePermission,
  placementExecutePermission,
  readinessReadPermission,
  waiverManagePermission,
  governanceReadPermission,
  governanceExportPermission,
  governanceSyncPermission,
  campaignReadPermission,
  campaignManagePermission,
];
