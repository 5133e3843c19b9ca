import { createPlugin } from '@backstage/core-plugin-api';
import { regionExpansionApiFactory } from './api/regionExpansionApiFactory';
import { pluginRoutes } from './routes';

/**
 * The Region Expansion frontend plugin (legacy frontend system).
 *
 * @public
 */
export const regionExpansionPlugin = createPlugin({
  id: 'region-expansion',
  apis: [regionExpansionApiFactory],
  routes: pluginRoutes,
});
