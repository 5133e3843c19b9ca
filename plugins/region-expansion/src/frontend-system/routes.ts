import {
  convertLegacyRouteRef,
  convertLegacyRouteRefs,
} from '@backstage/core-compat-api';
import { pluginRoutes, rootRouteRef } from '../routes';

/**
 * The plugin's routes in the new frontend system: the legacy route refs
 * converted, so links made with either system's `useRouteRef` resolve to
 * the same URLs and other plugins can bind to them.
 */
export const frontendPluginRoutes = convertLegacyRouteRefs(pluginRoutes);

/** The root page's route ref (the Regions map and grid). */
export const rootPageRouteRef = convertLegacyRouteRef(rootRouteRef);
