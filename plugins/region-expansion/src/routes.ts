import { createSubRouteRef, createRouteRef } from '@backstage/core-plugin-api';

/**
 * The plugin's root page: the Regions map and grid.
 *
 * @public
 */
export const rootRouteRef = createRouteRef({
  id: 'region-expansion',
});

/** A page under the root page, its route id named after it. */
function pageUnderRoot<Path extends string>(name: string, path: Path) {
  return createSubRouteRef({
    id: `region-expansion/${name}`,
    parent: rootRouteRef,
    path,
  });
}

/**
 * One Region, Local Zone or Outpost: readiness and cells.
 *
 * @public
 */
export const regionRouteRef = pageUnderRoot('region', '/regions/:locationId');

/**
 * One cell: its capacity per dimension and its tenants.
 *
 * @public
 */
export const cellRouteRef = pageUnderRoot('cell', '/cells/:cellId');

/**
 * The tenants table; `?tenant=<id>` opens that tenant's drawer.
 *
 * @public
 */
export const tenantsRouteRef = pageUnderRoot('tenants', '/tenants');

/**
 * The auditors' governance dashboard; its filters live in the query string.
 *
 * @public
 */
export const governanceRouteRef = pageUnderRoot('governance', '/governance');

/**
 * "Compare Regions": candidate locations ranked for a workload and one to
 * three tenant classes, with a side-by-side of two to four of them.
 *
 * @public
 */
export const compareRouteRef = pageUnderRoot('compare', '/compare');

/**
 * Region launch campaigns, `?location=<id>` filtering them by location.
 *
 * @public
 */
export const campaignsRouteRef = pageUnderRoot('campaigns', '/campaigns');

/**
 * One launch campaign: gates, burn-up and time to revenue.
 *
 * @public
 */
export const campaignRouteRef = pageUnderRoot(
  'campaign',
  '/campaigns/:campaignId',
);

/** Every route of the plugin, by the name both frontend systems give it. */
export const pluginRoutes = {
  root: rootRouteRef,
  region: regionRouteRef,
  cell: cellRouteRef,
  tenants: tenantsRouteRef,
  governance: governanceRouteRef,
  compare: compareRouteRef,
  campaigns: campaignsRouteRef,
  campaign: campaignRouteRef,
};
