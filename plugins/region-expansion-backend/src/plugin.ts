import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import { regionExpansionPermissions } from '@region-expansion/plugin-region-expansion-common';
import {
  GovernanceAwsContext,
  GovernanceCoverageSignals,
  GuardrailDriftChecker,
  KmsEvidenceSigner,
  regionExpansionEstateSeedExtensionPoint,
  regionExpansionGovernanceExtensionPoint,
  regionExpansionLocationResourceRef,
  regionExpansionLocationRules,
} from '@region-expansion/plugin-region-expansion-node';
import { registerRegionExpansionActions } from './actions/registerRegionExpansionActions';
import { availabilityFromConfig } from './availability/availabilityFromConfig';
import { KnexAvailabilityStore } from './availability/KnexAvailabilityStore';
import { scheduleAvailabilityRefresh } from './availability/scheduleAvailabilityRefresh';
import { BackgroundWork } from './BackgroundWork';
import { campaignCostEstimator } from './campaigns/campaignCostEstimate';
import { CampaignService } from './campaigns/CampaignService';
import { costExplorerDailyCosts } from './campaigns/costExplorerConfig';
import { KnexCampaignStore } from './campaigns/KnexCampaignStore';
import {
  logNotConfigured,
  readDefaultStrategy,
  readImportBodyLimit,
} from './config';
import { applyDatabaseMigrations } from './database/migrations';
import { EstateService } from './estate/EstateService';
import { KnexEstateStore } from './estate/KnexEstateStore';
import { catalogLocationOwners } from './notifications/catalogLocationOwners';
import { readNotificationsConfig } from './notifications/config';
import { GovernanceSyncAnnouncer } from './notifications/GovernanceSyncAnnouncer';
import { KnexNotificationStateStore } from './notifications/KnexNotificationStateStore';
import { RegionExpansionNotifier } from './notifications/RegionExpansionNotifier';
import { storedCampaignGates } from './notifications/storedCampaignGates';
import { createEvidenceSnapshots } from './governance/evidenceSnapshot';
import { GovernanceProviders } from './governance/GovernanceProviders';
import { GovernanceReadinessSignals } from './governance/GovernanceReadinessSignals';
import { GovernanceService } from './governance/GovernanceService';
import { createGovernanceStores } from './governance/governanceStores';
import { GovernanceSyncService } from './governance/GovernanceSyncService';
import { KnexGovernanceRateLimitSlots } from './governance/KnexGovernanceRateLimitSlots';
import { createGovernanceRouter } from './governance/router';
import { KnexPlacementStore } from './placement/KnexPlacementStore';
import { KnexRunbookProgressStore } from './placement/KnexRunbookProgressStore';
import { PlacementService } from './placement/PlacementService';
import { readAssessConfig } from './readiness/assessConfig';
import { readReadinessConfig } from './readiness/config';
import { KnexReadinessStore } from './readiness/KnexReadinessStore';
import { ReadinessService } from './readiness/ReadinessService';
import { scheduleReadinessEvaluation } from './readiness/scheduleReadinessEvaluation';
import { scopedResourceLoader } from './service/scopedResources';
import { nameBodyErrors } from './routing/nameBodyErrors';
import { createRouter } from './routing/createRouter';
import { ComparisonService } from './comparison/ComparisonService';
import { CostService } from './cost';
import { EstateSeeders } from './seed/EstateSeeders';
import { estateSeedContext } from './seed/estateSeedContext';
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
    const governanceProviders = new GovernanceProviders();
    env.registerExtensionPoint(
      regionExpansionGovernanceExtensionPoint,
      governanceProviders,
    );
    const estateSeeders = new EstateSeeders();
    env.registerExtensionPoint(
      regionExpansionEstateSeedExtensionPoint,
      estateSeeders,
    );

    env.registerInit({
      deps: {
        logger: coreServices.logger,
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
        lifecycle: coreServices.lifecycle,
        actionsRegistry: actionsRegistryServiceRef,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        notifications: notificationService,
        signals: signalsServiceRef,
      },
      async init({
        logger,
        config,
        database,
        httpRouter,
        httpAuth,
        permissions,
        permissionsRegistry,
        scheduler,
        lifecycle,
        actionsRegistry,
        auth,
        catalog,
        notifications,
        signals,
      }) {
        const readinessConfig = readReadinessConfig(config);
        const assessConfig = readAssessConfig(config);
        logNotConfigured(logger, config, {
          governanceProviders: governanceProviders.list().length,
        });

        // Stores, over the database migrated once.
        const client = await applyDatabaseMigrations(database);
        const estateStore = KnexEstateStore.create({ client });
        const tenantStore = KnexTenantStore.create({ client });
        const readinessStore = KnexReadinessStore.create({ client });
        const governanceStores = createGovernanceStores(client);

        // Services.
        const estate = EstateService.create({ store: estateStore });
        const placement = PlacementService.create({
          store: KnexPlacementStore.create({ client }),
          estate,
          tenants: tenantStore,
          runbookProgress: KnexRunbookProgressStore.create({ client }),
          defaultStrategy: readDefaultStrategy(config),
          readiness: () => readinessStore.readinessLookup(),
        });
        const tenants = TenantService.create({
          store: tenantStore,
          estate,
          placement,
        });
        const availability = availabilityFromConfig({
          config,
          store: KnexAvailabilityStore.create({ client }),
          logger,
        });
        const guardrailDrift = config.has('regionExpansion.guardrails.drift')
          ? GuardrailDriftChecker.fromConfig(config, { logger })
          : undefined;
        const governance = GovernanceService.create({
          stores: governanceStores,
          evidence: createEvidenceSnapshots(client),
          signer: KmsEvidenceSigner.fromConfig(config),
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
            GovernanceReadinessSignals.create({ store: governance }),
            // Per-Region coverage proofs, read with the configured
            // governance accounts of each partition.
            GovernanceCoverageSignals.create({
              aws: GovernanceAwsContext.fromConfig(config),
            }),
            // Guardrail drift from AWS Organizations, once configured.
            ...(guardrailDrift ? [guardrailDrift] : []),
          ],
          availabilitySource: () => availability.service.currentIndex(),
        });
        // Scheduled runs stop, and are waited for, before the database
        // closes on shutdown.
        const background = new BackgroundWork();
        lifecycle.addShutdownHook(() => background.stop());
        // Notifications after each evaluation cycle and governance sync,
        // and the sync's live progress on the governance page.
        const campaignStore = KnexCampaignStore.create({ client });
        const notifier = RegionExpansionNotifier.create({
          notifications,
          store: KnexNotificationStateStore.create({ client }),
          owners: catalogLocationOwners({ catalog, auth }),
          settings: readNotificationsConfig(config),
          campaigns: () => storedCampaignGates(campaignStore),
          logger,
        });
        const governanceSync = GovernanceSyncService.create({
          stores: governanceStores,
          providers: governanceProviders.list(),
          logger,
          scheduler,
          config,
          background,
          // Replicas on this database share each account's AWS rate limits.
          rateLimitSlots: KnexGovernanceRateLimitSlots.create({ client }),
          observer: GovernanceSyncAnnouncer.create({
            signals,
            freshness: () => governanceStores.syncState.freshness(),
            afterSync: freshness => notifier.afterGovernanceSync(freshness),
            logger,
          }),
        });

        // Prices are read once per Region and kept warm across comparisons.
        const prices = await CostService.create({ config, logger });
        // Campaign gates read the latest stored evaluation; costs come from
        // Cost Explorer per partition (regionExpansion.campaigns.costExplorer).
        // Built before seeding so a seeder can create a campaign.
        const campaigns = CampaignService.create({
          store: campaignStore,
          catalog: () => estate.catalog(),
          latestReadiness: locationId => readinessStore.getLatest(locationId),
          estimateCost: campaignCostEstimator({
            catalog: () => estate.catalog(),
            footprint: async () => (await readiness.getFootprint()).footprint,
            prices,
          }),
          dailyCosts: costExplorerDailyCosts(config),
        });

        // Seeded estates (the demo module's) are in place before the first
        // evaluation, so it judges them.
        const seededCampaigns: string[] = [];
        await estateSeeders.run(
          estateSeedContext({
            estateStore,
            tenantStore,
            estate,
            placement,
            readiness,
            campaignStore,
            campaigns,
            seededCampaigns,
          }),
          logger,
        );

        // Locations never evaluated get a level at once; the scheduled tasks
        // (each one run across replicas) keep levels and governance current.
        await readiness.evaluateAll('startup', { onlyUnevaluated: true });
        // A campaign seeded before that evaluation takes its gates from it,
        // not from "never evaluated".
        for (const campaignId of seededCampaigns) {
          await campaigns.evaluate(campaignId);
        }
        await scheduleReadinessEvaluation({
          scheduler,
          schedule: readinessConfig.schedule,
          background,
          readiness,
          // Campaign gates follow the cycle's evaluations; a campaign's
          // date passes without any gate changing, so every cycle looks at
          // the campaigns too.
          afterCycle: async evaluations => {
            await notifier.afterReadiness(evaluations);
            await campaigns.refreshGates();
            await notifier.afterCampaignCycle();
          },
        });
        await governanceSync.start();
        if (availability.settings.enabled) {
          await scheduleAvailabilityRefresh({
            scheduler,
            schedule: availability.settings.schedule,
            background,
            availability: availability.service,
            logger,
          });
        }

        // The permissions, and the resource type whose rules scope them.
        permissionsRegistry.addPermissions(regionExpansionPermissions);
        permissionsRegistry.addResourceType({
          resourceRef: regionExpansionLocationResourceRef,
          rules: Object.values(regionExpansionLocationRules),
          getResources: scopedResourceLoader(estate),
        });

        const comparison = ComparisonService.create({
          estate,
          readiness,
          prices,
          availability: () => availability.service.currentIndex(),
        });

        // Each route refuses a body type it does not read (mountRoutes).
        httpRouter.use(
          await createRouter({
            httpAuth,
            permissions,
            estate,
            tenants,
            placement,
            readiness,
            availability: availability.service,
            importBodyLimit: readImportBodyLimit(config),
            comparison,
            guardrailDrift,
            campaigns,
            prices,
          }),
        );
        httpRouter.use(
          await createGovernanceRouter({
            store: governance,
            sync: governanceSync,
            httpAuth,
            permissions,
          }),
        );
        httpRouter.use(nameBodyErrors());

        // The same services and permission checks, as actions the portal's
        // MCP server offers to AI agents.
        registerRegionExpansionActions({
          actionsRegistry,
          permissions,
          estate,
          tenants,
          placement,
          readiness,
          comparison,
        });
      },
    });
  },
});
