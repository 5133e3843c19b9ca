import {
  AuthService,
  DiscoveryService,
  LoggerService,
  RootConfigService,
  SchedulerService,
  SchedulerServiceTaskRunner,
} from '@backstage/backend-plugin-api';
import {
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import { RegionExpansionClient } from '@region-expansion/plugin-region-expansion-common';
import { locationsAndCellsToEntities } from '../transform/locationsAndCellsToEntities';
import {
  readRegionExpansionProviderConfig,
  RegionExpansionProviderConfig,
} from './config';

/** Plugin id of the region-expansion backend. */
const TARGET_PLUGIN_ID = 'region-expansion';

/**
 * Services the provider needs.
 *
 * @public
 */
export interface RegionExpansionEntityProviderOptions {
  /** Logs each run. */
  logger: LoggerService;
  /** Runs the refresh once across all backend instances. */
  scheduler: SchedulerService;
  /** Finds the region-expansion backend. */
  discovery: DiscoveryService;
  /** Issues the plugin request token for the calls. */
  auth: AuthService;
}

/**
 * Builds a fetch that sends a fresh plugin request token from this plugin to
 * the region-expansion backend with every call.
 */
function authenticatedFetch(auth: AuthService): { fetch: typeof fetch } {
  return {
    fetch: async (input, init) => {
      const { token } = await auth.getPluginRequestToken({
        onBehalfOf: await auth.getOwnServiceCredentials(),
        targetPluginId: TARGET_PLUGIN_ID,
      });
      const headers = new Headers(init?.headers);
      headers.set('Authorization', `Bearer ${token}`);
      return fetch(input, { ...init, headers });
    },
  };
}

/**
 * Emits the region-expansion estate into the catalog: a `Resource` per cell
 * and per location hosting a cell, replaced as a whole on every run.
 *
 * @public
 */
export class RegionExpansionEntityProvider implements EntityProvider {
  readonly #client: RegionExpansionClient;
  readonly #config: RegionExpansionProviderConfig;
  readonly #logger: LoggerService;
  readonly #taskRunner: SchedulerServiceTaskRunner;
  readonly #locationRef: string;
  #connection?: EntityProviderConnection;

  /**
   * Creates the provider from `catalog.providers.regionExpansion` (schedule,
   * owner, base URL; all optional).
   */
  static fromConfig(
    config: RootConfigService,
    options: RegionExpansionEntityProviderOptions,
  ): RegionExpansionEntityProvider {
    const providerConfig = readRegionExpansionProviderConfig(config);
    const { baseUrl } = providerConfig;
    const client = new RegionExpansionClient({
      discoveryApi: baseUrl
        ? { getBaseUrl: async () => baseUrl }
        : options.discovery,
      fetchApi: authenticatedFetch(options.auth),
    });
    return new RegionExpansionEntityProvider(
      client,
      providerConfig,
      options.logger,
      options.scheduler.createScheduledTaskRunner(providerConfig.schedule),
    );
  }

  private constructor(
    client: RegionExpansionClient,
    config: RegionExpansionProviderConfig,
    logger: LoggerService,
    taskRunner: SchedulerServiceTaskRunner,
  ) {
    this.#client = client;
    this.#config = config;
    this.#logger = logger;
    this.#taskRunner = taskRunner;
    this.#locationRef = `region-expansion:${config.baseUrl ?? 'backend'}`;
  }

  /** {@inheritdoc @backstage/plugin-catalog-node#EntityProvider.getProviderName} */
  getProviderName(): string {
    return 'RegionExpansionEntityProvider';
  }

  /** Id of the scheduled task that runs {@link RegionExpansionEntityProvider.refresh}. */
  get taskId(): string {
    return `${this.getProviderName()}:refresh`;
  }

  /** {@inheritdoc @backstage/plugin-catalog-node#EntityProvider.connect} */
  async connect(connection: EntityProviderConnection): Promise<void> {
    this.#connection = connection;
    await this.#taskRunner.run({
      id: this.taskId,
      fn: async () => {
        try {
          await this.refresh();
        } catch (error) {
          // The catalog keeps the previous entities; the next run retries.
          this.#logger.error(
            `Region expansion catalog refresh failed, keeping the previous entities: ${
              (error as Error).message
            }`,
          );
        }
      },
    });
  }

  /**
   * Reads locations and cells from the region-expansion backend and replaces
   * every entity of this provider with the result. Throws (and changes
   * nothing) when the backend cannot be read.
   */
  async refresh(): Promise<{ entities: number }> {
    if (!this.#connection) {
      throw new Error(`${this.getProviderName()} is not connected yet`);
    }
    const [locations, cells] = await Promise.all([
      this.#client.listLocations().then(r => r.items),
      this.#client.listCells().then(r => r.items),
    ]);
    const entities = locationsAndCellsToEntities({
      locations,
      cells,
      owner: this.#config.owner,
      locationRef: this.#locationRef,
    });
    await this.#connection.applyMutation({
      type: 'full',
      entities: entities.map(entity => ({
        entity,
        locationKey: this.#locationRef,
      })),
    });
    this.#logger.info(
      `Region expansion catalog refresh: ${entities.length} entities from ${cells.length} cells`,
    );
    return { entities: entities.length };
  }
}
