import type { IndexableDocument } from '@backstage/plugin-search-common';
import type { Permission } from '@backstage/plugin-permission-common';
import {
  locationReadPermission,
  REGION_EXPANSION_SEARCH_TYPES,
  RegionExpansionApi,
  RegionExpansionRequestOptions,
  RegionExpansionSearchType,
  tenantReadPermission,
} from '@region-expansion/plugin-region-expansion-common';
import {
  cellToSearchDocument,
  locationToSearchDocument,
  tenantToSearchDocument,
} from '../documents/searchDocuments';

/**
 * Tenants read per `GET /tenants` call: one page's documents are all the
 * collator holds of them at a time.
 */
export const TENANT_PAGE_SIZE = 500;

/** The routes the collators read. */
export type RegionExpansionReadApi = Pick<
  RegionExpansionApi,
  'listLocations' | 'listReadiness' | 'listCells' | 'listTenants'
>;

/** How a source reads the region-expansion API. */
export interface SourceContext {
  api: RegionExpansionReadApi;
  /** Fresh service credentials for each call. */
  requestOptions(): Promise<RegionExpansionRequestOptions>;
  /** Path of the region-expansion page in the app. */
  basePath: string;
}

/** One kind of resource indexed as one search document type. */
export interface DocumentSource {
  type: RegionExpansionSearchType;
  /** The permission that reads these resources through the API. */
  visibilityPermission: Permission;
  documents(context: SourceContext): AsyncGenerator<IndexableDocument>;
}

/**
 * Runs one API call, naming the route in its error: a failed page fails
 * the whole run (the search engine then keeps its previous index) instead of
 * indexing what was read before it.
 */
async function read<T>(route: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw new Error(
      `Could not read ${route} from the region-expansion backend: ${
        (error as Error).message
      }`,
    );
  }
}

const locations: DocumentSource = {
  type: REGION_EXPANSION_SEARCH_TYPES.location,
  visibilityPermission: locationReadPermission,
  async *documents({ api, requestOptions, basePath }) {
    const [locationList, readinessList] = await Promise.all([
      read('GET /locations', async () =>
        api.listLocations(undefined, await requestOptions()),
      ),
      read('GET /readiness', async () =>
        api.listReadiness(undefined, await requestOptions()),
      ),
    ]);
    const levels = new Map(
      readinessList.items.map(r => [r.locationId, r.level]),
    );
    for (const location of locationList.items) {
      yield locationToSearchDocument(
        location,
        levels.get(location.id),
        basePath,
      );
    }
  },
};

const cells: DocumentSource = {
  type: REGION_EXPANSION_SEARCH_TYPES.cell,
  // The API reads cells under cell.read, then the conditions of
  // location.read. A type has one visibility permission and only
  // location.read carries a scope (a role scoped to a partition must not
  // find other partitions' cells), so cells show to who may read their
  // location.
  visibilityPermission: locationReadPermission,
  async *documents({ api, requestOptions, basePath }) {
    const { items } = await read('GET /cells', async () =>
      api.listCells(undefined, await requestOptions()),
    );
    for (const cell of items) {
      yield cellToSearchDocument(cell, basePath);
    }
  },
};

const tenants: DocumentSource = {
  type: REGION_EXPANSION_SEARCH_TYPES.tenant,
  visibilityPermission: tenantReadPermission,
  async *documents({ api, requestOptions, basePath }) {
    // Cells are few next to tenants; they give each tenant its location.
    const cellList = await read('GET /cells', async () =>
      api.listCells(undefined, await requestOptions()),
    );
    const cellsById = new Map(cellList.items.map(c => [c.id, c]));
    for (let offset = 0; ; offset += TENANT_PAGE_SIZE) {
      const page = await read(
        `GET /tenants?offset=${offset}&limit=${TENANT_PAGE_SIZE}`,
        async () =>
          api.listTenants(
            { query: { offset, limit: TENANT_PAGE_SIZE } },
            await requestOptions(),
          ),
      );
      for (const tenant of page.items) {
        const cell = tenant.cellId ? cellsById.get(tenant.cellId) : undefined;
        yield tenantToSearchDocument(tenant, cell, basePath);
      }
      if (
        page.items.length < TENANT_PAGE_SIZE ||
        offset + page.items.length >= page.totalCount
      ) {
        return;
      }
    }
  },
};

/**
 * The kind of resource one collator factory indexes: `locations`, `cells`
 * or `tenants`.
 *
 * @public
 */
export type DocumentSourceName = 'locations' | 'cells' | 'tenants';

/**
 * Every document source, by the name the collator factory takes.
 */
export const documentSources: Record<DocumentSourceName, DocumentSource> = {
  locations,
  cells,
  tenants,
};
