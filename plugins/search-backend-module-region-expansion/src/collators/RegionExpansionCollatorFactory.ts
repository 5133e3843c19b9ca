import type {
  AuthService,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import type { Permission } from '@backstage/plugin-permission-common';
import type { DocumentCollatorFactory } from '@backstage/plugin-search-common';
import { RegionExpansionClient } from '@region-expansion/plugin-region-expansion-common';
import { Readable } from 'node:stream';
import {
  DocumentSource,
  DocumentSourceName,
  documentSources,
  RegionExpansionReadApi,
} from './documentSources';

/** Plugin id of the region-expansion backend. */
const TARGET_PLUGIN_ID = 'region-expansion';

/**
 * Services and settings of a {@link RegionExpansionCollatorFactory}.
 *
 * @public
 */
export interface RegionExpansionCollatorFactoryOptions {
  /** Issues the service token of each call to the region-expansion backend. */
  auth: AuthService;
  /** Finds the region-expansion backend. */
  discovery: DiscoveryService;
  /** Path of the region-expansion page in the app; results link below it. */
  basePath: string;
}

/**
 * Collates one kind of region-expansion resource (`locations`, `cells` or
 * `tenants`) into search documents, read through the region-expansion REST
 * API with this plugin's service credentials. Each kind is its own document
 * type with the read permission of its routes as visibility permission, so
 * the search backend shows a user only what the API would show them.
 *
 * @public
 */
export class RegionExpansionCollatorFactory implements DocumentCollatorFactory {
  /** The search document type this factory indexes. */
  readonly type: string;
  /** The permission a reader needs to see this type's documents. */
  readonly visibilityPermission: Permission;
  readonly #source: DocumentSource;
  readonly #api: RegionExpansionReadApi;
  readonly #auth: AuthService;
  readonly #basePath: string;

  /** One factory per kind of resource, in the order they are registered. */
  static createAll(
    options: RegionExpansionCollatorFactoryOptions,
  ): RegionExpansionCollatorFactory[] {
    return (Object.keys(documentSources) as DocumentSourceName[]).map(name =>
      RegionExpansionCollatorFactory.create(name, options),
    );
  }

  /** The factory of one kind of resource. */
  static create(
    source: DocumentSourceName,
    options: RegionExpansionCollatorFactoryOptions,
  ): RegionExpansionCollatorFactory {
    return new RegionExpansionCollatorFactory(
      documentSources[source],
      new RegionExpansionClient({ discoveryApi: options.discovery }),
      options,
    );
  }

  private constructor(
    source: DocumentSource,
    api: RegionExpansionReadApi,
    options: RegionExpansionCollatorFactoryOptions,
  ) {
    this.type = source.type;
    this.visibilityPermission = source.visibilityPermission;
    this.#source = source;
    this.#api = api;
    this.#auth = options.auth;
    this.#basePath = options.basePath;
  }

  /**
   * A stream of the documents, read page by page as the indexer consumes
   * them. It fails, naming the route, when any call fails.
   */
  async getCollator(): Promise<Readable> {
    return Readable.from(
      this.#source.documents({
        api: this.#api,
        basePath: this.#basePath,
        requestOptions: async () =>
          this.#auth.getPluginRequestToken({
            onBehalfOf: await this.#auth.getOwnServiceCredentials(),
            targetPluginId: TARGET_PLUGIN_ID,
          }),
      }),
    );
  }
}
