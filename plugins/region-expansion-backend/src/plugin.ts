import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  GovernanceProvider,
  regionExpansionGovernanceExtensionPoint,
} from '@region-expansion/plugin-region-expansion-node';
import {
  AvailabilityRefreshService,
  AvailabilityStore,
  availabilityAwsContext,
  readAvailabilityConfig,
  ssmClientFactory,
} from './availability';
import { BackgroundWork } from './BackgroundWork';
import { notConfigured, readDefaultStrategy } from './config';
import { applyDatabaseMigrations } from './database/migrations';
import { seedDemoData } from './demo/seedDemoData';
import {
  createGovernanceRouter,
  GovernanceReadinessSignals,
  GovernanceStore,
  GovernanceSyncService,
} from './governance';
import {
  DEMO_FOOTPRINT,
  DEMO_FOOTPRINT_SOURCE,
  ReadinessService,
  ReadinessStore,
  readReadinessConfig,
} from './readiness';
import { readAssessConfig } from './readiness/assessConfig';
import { nameBodyErrors } from './service/nameBodyErrors';
import { requireBodyType } from './service/requireBodyType';
import { createRouter } from './service/router';
import { EstateService } from './estate/EstateService';
import { KnexEstateStore } from './estate/KnexEstateStore';
import { KnexPlacementStore } from './placement/KnexPlacementStore';
import { PlacementService } from './placement/PlacementService';
import { KnexTenantStore } from './tenants/KnexTenantStore';
import { TenantService } from './tenants/TenantService';

/**
 * The region-expansion backend plugin: partitions, locations, control planes,
 * cells, tenants, placement, readiness and governance over a REST API, with
 * scheduled readiness re-evaluation and governance syncs.
 *
 * @public
 */
export const regionExpansionPlugin = createBackendPlugin({
  pluginId: 'region-expansion',
  register(env) {
    const governanceProviders: GovernanceProvider[] = [];
    env.registerExtensionPoint(regionExpansionGovernanceExtensionPoint, {
      addProvider(provider) {
        governanceProviders.push(provider);
      },
    });

    env.registerInit({
      deps: {
        logger: coreServices.logger,
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        permissions: coreServices.permissions,
        scheduler: coreServices.scheduler,
        lifecycle: coreServices.lifecycle,
      },
      async init({
        logger,
        config,
        database,
        httpRouter,
        httpAuth,
        permissions,
        scheduler,
        lifecycle,
      }) {
        const readinessConfig = readReadinessConfig(config);
        const assessConfig = readAssessConfig(config);
        const client = await applyDatabaseMigrations(database);
        const estateStore = KnexEstateStore.create({ client });
        const tenantStore = KnexTenantStore.create({ client });
        const readinessStore = await ReadinessStore.create({ database });
        const governanceStore = await GovernanceStore.create({ database });
        const availabilityConfig = readAvailabilityConfig(config);
        const availability = AvailabilityRefreshService.create({
          store: await AvailabilityStore.create({ database }),
          logger,
          enabled: availabilityConfig.enabled,
          partitions: availabilityConfig.partitions,
          clientFor: availabilityConfig.enabled
            ? ssmClientFactory(
                availabilityAwsContext(config, availabilityConfig),
              )
            : undefined,
        });
        const estate = EstateService.create({ store: estateStore });
        const placement = PlacementService.create({
          store: KnexPlacementStore.create({ client }),
          estate,
          tenants: tenantStore,
          defaultStrategy: readDefaultStrategy(config),
          readiness: () => readinessStore.readinessLookup(),
        });
        const tenants = TenantService.create({
          store: tenantStore,
          estate,
          placement,
        });
        const readiness = ReadinessService.create({
          store: readinessStore,
          estate,
          logger,
          maxWaiverDays: readinessConfig.maxWaiverDays,
          capacityWarnRatio: readinessConfig.capacityWarnRatio,
          maxInflatedBytes: assessConfig.maxInflatedBytes,
          maxConcurrentAssessments: assessConfig.maxConcurrent,
          governanceSources: [
            GovernanceReadinessSignals.create({ store: governanceStore }),
          ],
          availabilitySource: () => availability.currentIndex(),
        });

        // Production starts with none of the demo's settings: say once what
        // is still off, so an empty dashboard is not mistaken for a fault.
        const missing = notConfigured(config, {
          governanceProviders: governanceProviders.length,
        });
        if (missing.length > 0) {
          logger.info(
            `region-expansion: not configured: ${missing.join(
              ', ',
            )}; see docs/configuration.md`,
          );
        }
        if (config.getOptionalBoolean('regionExpansion.demoData.enabled')) {
          await seedDemoData({
            estateStore,
            tenantStore,
            estate,
            placement,
            logger,
            tenants: config.getOptionalNumber(
              'regionExpansion.demoData.tenants',
            ),
          });
          await readiness.seedFootprint(DEMO_FOOTPRINT, DEMO_FOOTPRINT_SOURCE);
        }
        // Scheduled runs stop, and are waited for, before the database
        // closes on shutdown.
        const background = new BackgroundWork();
        lifecycle.addShutdownHook(() => background.stop());
        const governanceSync = GovernanceSyncService.create({
          store: governanceStore,
          providers: governanceProviders,
          logger,
          scheduler,
          config,
          background,
        });
        // Locations never evaluated get a level at once; the scheduled tasks
        // (each one run across replicas) keep levels and governance current.
        await readiness.evaluateAll('startup', { onlyUnevaluated: true });
        await scheduler.scheduleTask({
          id: 'region-expansion-readiness',
          ...readinessConfig.schedule,
          fn: signal =>
            background.run(signal, stop =>
              readiness.evaluateAll('scheduled', { signal: stop }),
            ),
        });
        await governanceSync.start();
        if (availabilityConfig.enabled) {
          // Once across replicas; a run while a manual one is going is skipped.
          await scheduler.scheduleTask({
            id: 'region-expansion-availability',
            ...availabilityConfig.schedule,
            fn: signal =>
              background.run(signal, async stop => {
                try {
                  await availability.refresh({
                    trigger: 'scheduled',
                    requestedBy: 'scheduler',
                    signal: stop,
                  });
                } catch (error) {
                  if ((error as Error).name !== 'ConflictError') throw error;
                  logger.info(`Availability refresh skipped: ${error}`);
                }
              }),
          });
        }

        // JSON everywhere; POST /tenants/import also reads YAML.
        httpRouter.use(
          requireBodyType({
            accepted: ['application/json'],
            byPath: {
              '/tenants/import': [
                'text/yaml',
                'application/yaml',
                'application/x-yaml',
              ],
            },
          }),
        );
        httpRouter.use(
          await createRouter({
            httpAuth,
            permissions,
            estate,
            tenants,
            placement,
            readiness,
            availability,
            importBodyLimit: config.getOptionalString(
              'regionExpansion.import.maxBodySize',
            ),
          }),
        );
        httpRouter.use(
          await createGovernanceRouter({
            store: governanceStore,
            sync: governanceSync,
            httpAuth,
            permissions,
          }),
        );
        httpRouter.use(nameBodyErrors());
      },
    });
  },
});
