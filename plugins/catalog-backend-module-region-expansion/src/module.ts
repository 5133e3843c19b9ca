import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { RegionExpansionEntityProvider } from './provider/RegionExpansionEntityProvider';

/**
 * Catalog module that registers the {@link RegionExpansionEntityProvider}:
 * Regions, Local Zones, Outposts and cells of the region-expansion backend
 * as `Resource` entities.
 *
 * @public
 */
export const catalogModuleRegionExpansion = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'region-expansion-provider',
  register(reg) {
    reg.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
      },
      async init({ catalog, config, ...services }) {
        catalog.addEntityProvider(
          RegionExpansionEntityProvider.fromConfig(config, services),
        );
      },
    });
  },
});
