import {
  coreServices,
  createBackendPlugin,
  createServiceFactory,
  HttpRouterService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  catalogProcessingExtensionPoint,
  EntityProvider,
  EntityProviderConnection,
  EntityProviderMutation,
} from '@backstage/plugin-catalog-node';
import { cell, dublin, frankfurt } from '../__testUtils__/fixtures';
import { catalogModuleRegionExpansion } from '../module';

const LOCATIONS = [frankfurt, dublin];

const CELLS = [1, 2].map(i =>
  cell({
    id: `eu-central-1-p0${i}`,
    name: `Frankfurt ${i}`,
    accountId: `10000000000${i}`,
    usage: { tenants: 10 * i, loadUnits: 10, quotas: {} },
  }),
);

/** What the stand-in region-expansion backend saw and should answer. */
const backendState = {
  failWith: undefined as number | undefined,
  requests: [] as Array<{ path: string; subject: string }>,
};

type Handler = Parameters<HttpRouterService['use']>[0];

/**
 * A stand-in for the region-expansion backend plugin, mounted in the same
 * test backend: it serves GET /locations and GET /cells like the real router
 * and accepts only service credentials (checked by the real httpAuth).
 */
const regionExpansionStandIn = createBackendPlugin({
  pluginId: 'region-expansion',
  register(reg) {
    reg.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
      },
      async init({ httpRouter, httpAuth }) {
        const handler: Handler = async (req, res, next) => {
          try {
            const credentials = await httpAuth.credentials(req, {
              allow: ['service'],
            });
            backendState.requests.push({
              path: req.path,
              subject: credentials.principal.subject,
            });
            if (backendState.failWith) {
              res.status(backendState.failWith).json({
                error: { name: 'ServiceUnavailable', message: 'down' },
              });
              return;
            }
            const items: Record<string, unknown[]> = {
              '/locations': LOCATIONS,
              '/cells': CELLS,
            };
            if (req.method !== 'GET' || !items[req.path]) {
              next();
              return;
            }
            res.json({ items: items[req.path] });
          } catch (error) {
            next(error);
          }
        };
        httpRouter.use(handler);
      },
    });
  },
});

class FakeConnection implements EntityProviderConnection {
  readonly mutations: EntityProviderMutation[] = [];
  async applyMutation(mutation: EntityProviderMutation): Promise<void> {
    this.mutations.push(mutation);
  }
  async refresh(): Promise<void> {}
}

type ConfigData = NonNullable<
  Parameters<typeof mockServices.rootConfig.factory>[0]
>['data'];

async function start(config: ConfigData = {}) {
  const scheduler = mockServices.scheduler();
  const runnerSchedules: SchedulerServiceTaskScheduleDefinition[] = [];
  const createRunner = scheduler.createScheduledTaskRunner.bind(scheduler);
  scheduler.createScheduledTaskRunner = schedule => {
    runnerSchedules.push(schedule);
    return createRunner(schedule);
  };
  const providers: EntityProvider[] = [];
  const backend = await startTestBackend({
    extensionPoints: [
      [
        catalogProcessingExtensionPoint,
        {
          addEntityProvider: (
            ...added: Array<EntityProvider | EntityProvider[]>
          ) => providers.push(...added.flat()),
          addProcessor: () => {},
          addPlaceholderResolver: () => {},
          setOnProcessingErrorHandler: () => {},
        },
      ],
    ],
    features: [
      catalogModuleRegionExpansion,
      regionExpansionStandIn,
      mockServices.rootConfig.factory({ data: config }),
      createServiceFactory({
        service: coreServices.scheduler,
        deps: {},
        factory: () => scheduler,
      }),
    ],
  });
  return { backend, scheduler, providers, runnerSchedules };
}

describe('RegionExpansionEntityProvider', () => {
  let started: Awaited<ReturnType<typeof start>> | undefined;

  beforeEach(() => {
    backendState.failWith = undefined;
    backendState.requests = [];
  });
  afterEach(async () => {
    await started?.backend.stop();
    started = undefined;
  });

  it('registers one provider on the default schedule', async () => {
    started = await start();
    expect(started.providers.map(p => p.getProviderName())).toEqual([
      'RegionExpansionEntityProvider',
    ]);
    expect(started.runnerSchedules).toEqual([
      { frequency: { minutes: 5 }, timeout: { minutes: 3 } },
    ]);
  });

  it('reads the schedule from config', async () => {
    started = await start({
      catalog: {
        providers: {
          regionExpansion: {
            schedule: {
              frequency: { minutes: 30 },
              timeout: { seconds: 90 },
              initialDelay: { seconds: 15 },
            },
          },
        },
      },
    });
    expect(started.runnerSchedules).toEqual([
      {
        frequency: { minutes: 30 },
        timeout: { seconds: 90 },
        initialDelay: { seconds: 15 },
      },
    ]);
  });

  it('fetches over HTTP with a plugin token and applies a full mutation', async () => {
    started = await start({
      catalog: { providers: { regionExpansion: { owner: 'group:sre' } } },
    });
    const [provider] = started.providers;
    const connection = new FakeConnection();
    await provider.connect(connection);

    const tasks = await started.scheduler.getScheduledTasks();
    expect(tasks.map(t => t.id)).toEqual([
      'RegionExpansionEntityProvider:refresh',
    ]);
    expect(connection.mutations).toEqual([]);

    await started.scheduler.triggerTask(
      'RegionExpansionEntityProvider:refresh',
    );

    expect(backendState.requests.map(r => r.path).sort()).toEqual([
      '/cells',
      '/locations',
    ]);
    expect(new Set(backendState.requests.map(r => r.subject))).toEqual(
      new Set(['plugin:catalog']),
    );
    expect(connection.mutations).toHaveLength(1);
    const [mutation] = connection.mutations;
    expect(mutation.type).toBe('full');
    const deferred = mutation.type === 'full' ? mutation.entities : [];
    expect(
      deferred.map(d => [d.entity.metadata.name, d.entity.spec?.type]),
    ).toEqual([
      ['eu-central-1', 'aws-region'],
      ['eu-central-1-p01', 'cell'],
      ['eu-central-1-p02', 'cell'],
    ]);
    expect(new Set(deferred.map(d => d.locationKey))).toEqual(
      new Set(['region-expansion:backend']),
    );
    expect(deferred[0].entity).toMatchObject({
      metadata: {
        annotations: {
          'backstage.io/managed-by-location': 'region-expansion:backend',
          'region-expansion.io/tenant-count': '30',
        },
      },
      spec: { owner: 'group:default/sre' },
    });
    expect(deferred[2].entity.spec?.dependsOn).toEqual([
      'resource:default/eu-central-1',
    ]);
  });

  it('keeps the previous entities when the backend fails', async () => {
    started = await start();
    const [provider] = started.providers;
    const connection = new FakeConnection();
    await provider.connect(connection);

    backendState.failWith = 503;
    await started.scheduler.triggerTask(
      'RegionExpansionEntityProvider:refresh',
    );
    expect(backendState.requests.length).toBeGreaterThan(0);
    expect(connection.mutations).toEqual([]);

    backendState.failWith = undefined;
    await started.scheduler.triggerTask(
      'RegionExpansionEntityProvider:refresh',
    );
    expect(connection.mutations).toHaveLength(1);
  });
});
