import {
  coreServices,
  createBackendPlugin,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { RegionExpansionStore } from './database/RegionExpansionStore';
import { seedDemoData } from './demo/seedDemoData';
import { RegionExpansionService } from './service/RegionExpansionService';
import { createRouter } from './service/router';

const PLACEMENT_STRATEGIES = ['pack', 'spread'] as const;

function readDefaultStrategy(
  config: RootConfigService,
): (typeof PLACEMENT_STRATEGIES)[number] | undefined {
  const key = 'regionExpansion.placement.defaultStrategy';
  const value = config.getOptionalString(key);
  if (value === undefined) {
    return undefined;
  }
  if (!(PLACEMENT_STRATEGIES as readonly string[]).includes(value)) {
    throw new Error(
      `Invalid config at ${key}: '${value}' is not one of ${PLACEMENT_STRATEGIES.join(', ')}`,
    );
  }
  return value as (typeof PLACEMENT_STRATEGIES)[number];
}

/**
 * The region-expansion backend plugin: partitions, locations, control planes,
 * cells, tenants and placement over a REST API.
 *
 * @public
 */
export const regionExpansionPlugin = createBackendPlugin({
  pluginId: 'region-expansion',
  register(env) {
    env.registerInit({
      deps: {
        logger: coreServices.logger,
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        permissions: coreServices.permissions,
      },
      async init({
        logger,
        config,
        database,
        httpRouter,
        httpAuth,
        permissions,
      }) {
        const store = await RegionExpansionStore.create({ database });
        const service = RegionExpansionService.create({
          store,
          defaultStrategy: readDefaultStrategy(config),
        });
        if (config.getOptionalBoolean('regionExpansion.demoData.enabled')) {
          await seedDemoData({
            store,
            service,
            logger,
            tenants: config.getOptionalNumber(
              'regionExpansion.demoData.tenants',
            ),
          });
        }
        httpRouter.use(
          await createRouter({
            httpAuth,
            permissions,
            service,
            importBodyLimit: config.getOptionalString(
              'regionExpansion.import.maxBodySize',
            ),
          }),
        );
      },
    });
  },
});
