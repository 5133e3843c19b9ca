import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { regionExpansionEstateSeedExtensionPoint } from '@region-expansion/plugin-region-expansion-node';
import { DemoEstateSeeder } from './DemoEstateSeeder';
import { readDemoDataConfig } from './demoDataConfig';

/**
 * Adds the demo estate to the region-expansion backend: with
 * `regionExpansion.demoData.enabled`, a deterministic synthetic estate is
 * seeded on start (when no cell exists yet). The demo portal installs it;
 * a production backend does not.
 *
 * @public
 */
export const regionExpansionModuleDemo = createBackendModule({
  pluginId: 'region-expansion',
  moduleId: 'demo',
  register(env) {
    env.registerInit({
      deps: {
        seeds: regionExpansionEstateSeedExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ seeds, config, logger }) {
        const settings = readDemoDataConfig(config);
        if (!settings.enabled) return;
        seeds.addSeeder(
          DemoEstateSeeder.create({ tenants: settings.tenants, logger }),
        );
      },
    });
  },
});
