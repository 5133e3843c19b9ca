import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import { RegionExpansionCollatorFactory } from './collators/RegionExpansionCollatorFactory';
import { readRegionExpansionSearchConfig } from './config';

/**
 * Search module that registers the region-expansion collators: Regions,
 * Local Zones and Outposts, cells and tenants, each on the schedule of
 * `search.collators.regionExpansion.schedule`.
 *
 * @public
 */
export const searchModuleRegionExpansionCollator = createBackendModule({
  pluginId: 'search',
  moduleId: 'region-expansion-collator',
  register(env) {
    env.registerInit({
      deps: {
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        config: coreServices.rootConfig,
        scheduler: coreServices.scheduler,
        indexRegistry: searchIndexRegistryExtensionPoint,
      },
      async init({ auth, discovery, config, scheduler, indexRegistry }) {
        const { schedule, basePath } = readRegionExpansionSearchConfig(config);
        for (const factory of RegionExpansionCollatorFactory.createAll({
          auth,
          discovery,
          basePath,
        })) {
          indexRegistry.addCollator({
            schedule: scheduler.createScheduledTaskRunner(schedule),
            factory,
          });
        }
      },
    });
  },
});
