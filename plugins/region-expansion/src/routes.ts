import { createSubRouteRef, createRouteRef } from '@backstage/core-plugin-api';

/**
 * The plugin's root page: the Regions map and grid.
 *
 * @public
 */
export const rootRouteRef = createRouteRef({
  id: 'region-expansion',
});

/**
 * One Region, Local Zone or Outpost: readiness and cells.
 *
 * @public
 */
export const regionRouteRef = createSubRouteRef({
  id: 'region-expansion/region',
  parent: rootRouteRef,
  path: '/regions/:locationId',
});

/**
 * One cell: its capacity per dimension and its tenants.
 *
 * @public
 */
export const cellRouteRef = createSubRouteRef({
  id: 'region-expansion/cell',
  parent: rootRouteRef,
  path: '/cells/:cellId',
});

/**
 * The tenants table; `?tenant=<id>` opens that tenant's drawer.
 *
 * @public
 */
export const tenantsRouteRef = createSubRouteRef({
  id: 'region-expansion/tenants',
  parent: rootRouteRef,
  path: '/tenants',
});

/**
 * The auditors' governance dashboard; its filters live in the query string.
 *
 * @public
 */
export const governanceRouteRef = createSubRouteRef({
  id: 'region-expansion/governance',
  parent: rootRouteRef,
  path: '/governance',
});
