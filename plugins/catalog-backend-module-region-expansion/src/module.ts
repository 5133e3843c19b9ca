import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { RegionExpansionProvider } from './provider/RegionExpansionProvider';

export const catalogModuleRegionExpansion = createBackendModule({
  moduleId: 'region-expansion-provider',
  pluginId: 'catalog',
  register({ registerInit }) {
    registerInit({
      deps: {
        logger: coreServices.logger,
        config: coreServices.rootConfig,
        scheduler: coreServices.scheduler,
        processing: catalogProcessingExtensionPoint,
      },
      async init({ logger, scheduler, config, processing }) {
        processing.addEntityProvider(
          RegionExpansionProvider.fromConfig(config, {
            logger,
            scheduler,
          }),
        );
      }
    });
  },
})
