import {
  convertLegacyRouteRef,
  convertLegacyRouteRefs,
} from '@backstage/core-compat-api';
import { createRouteRef } from '@backstage/frontend-plugin-api';
import { pluginRoutes, rootRouteRef } from '../routes';

/**
 * The plugin's routes in the new frontend system: the legacy route refs
 * converted, so links made with either system's `useRouteRef` resolve to
 * the same URLs and other plugins can bind to them.
 */
export const frontendPluginRoutes = convertLegacyRouteRefs(pluginRoutes);

/** The root page's route ref (the Regions map and grid). */
export const rootPageRouteRef = convertLegacyRouteRef(rootRouteRef);

/**
 * The Compare Regions page's own route ref: the app's sidebar only makes
 * nav items of pages with one. Links go through the legacy sub-route
 * `compareRouteRef`, which resolves to the same path.
 */
export const comparePageRouteRef = createRouteRef();
