import { ResponseError } from '@backstage/errors';
import type {
  Cell,
  ControlPlane,
  Location,
  MigrationPlan,
  Partition,
  PlacementDecision,
  PlacementRecord,
  QuotaRequest,
  Tenant,
  WhatIfResult,
} from '../types';
import type {
  CreateCellInput,
  CreateControlPlaneInput,
  CreateLocationInput,
  CreateTenantInput,
  UpdateCellInput,
  UpdateTenantInput,
} from '../schemas';
import type { z } from 'zod';
import type {
  createCellSchema,
  createTenantSchema,
  migrationRequestSchema,
  placementRequestSchema,
  quotaPlanRequestSchema,
  whatIfRequestSchema,
} from '../schemas';

/**
 * Where the region-expansion backend lives and how to call it.
 *
 * @public
 */
export interface RegionExpansionClientOptions {
  /** Resolves the plugin's base URL. */
  discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
  /** Fetch implementation that adds credentials; defaults to global fetch. */
  fetchApi?: { fetch: typeof fetch };
}

/**
 * Per-call options: a token for backend-to-backend calls.
 *
 * @public
 */
export interface RegionExpansionRequestOptions {
  /** Bearer token sent as the Authorization header. */
  token?: string;
}

/**
 * A page of tenants.
 *
 * @public
 */
export interface TenantListResponse {
  /** Tenants of this page. */
  items: Tenant[];
  /** Tenants matching the filter across all pages. */
  totalCount: number;
  /** Offset of this page. */
  offset: number;
  /** Page size. */
  limit: number;
}

/**
 * Filter of {@link RegionExpansionClient.listTenants}.
 *
 * @public
 */
export interface TenantListQuery {
  /** Only tenants in this cell. */
  cellId?: string;
  /** Only this tier. */
  tier?: Tenant['tier'];
  /** Only tenants whose cell is in this partition. */
  partition?: string;
  /** Only tenants whose cell is in this location. */
  locationId?: string;
  /** Only unplaced (`true`) or placed (`false`) tenants. */
  unplaced?: boolean;
  /** Tenants to skip. */
  offset?: number;
  /** Page size (at most 1000). */
  limit?: number;
}

/**
 * Typed client of the region-expansion REST API. Throws `ResponseError`
 * (with the server's message) on any non-2xx answer.
 *
 * @public
 */
export class RegionExpansionClient {
  readonly #discoveryApi: RegionExpansionClientOptions['discoveryApi'];
  readonly #fetch: typeof fetch;

  constructor(options: RegionExpansionClientOptions) {
    this.#discoveryApi = options.discoveryApi;
    this.#fetch = options.fetchApi
      ? options.fetchApi.fetch.bind(options.fetchApi)
      : (...args) => fetch(...args);
  }

  async #call<T>(
    method: string,
    path: string,
    options: RegionExpansionRequestOptions & {
      body?: unknown;
      query?: Record<string, string | number | boolean | undefined>;
      rawBody?: { contentType: string; text: string };
    } = {},
  ): Promise<T> {
    const base = await this.#discoveryApi.getBaseUrl('region-expansion');
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(options.query ?? {})) {
      if (value !== undefined) params.set(key, String(value));
    }
    const qs = params.toString();
    const headers: Record<string, string> = {};
    if (options.token) headers.Authorization = `Bearer ${options.token}`;
    let body: string | undefined;
    if (options.rawBody) {
      headers['Content-Type'] = options.rawBody.contentType;
      body = options.rawBody.text;
    } else if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    const res = await this.#fetch(`${base}${path}${qs ? `?${qs}` : ''}`, {
      method,
      headers,
      body,
    });
    if (!res.ok) {
      throw await ResponseError.fromResponse(res);
    }
    return (await res.json()) as T;
  }

  /** GET /partitions */
  async listPartitions(
    o?: RegionExpansionRequestOptions,
  ): Promise<Partition[]> {
    return (await this.#call<{ items: Partition[] }>('GET', '/partitions', o))
      .items;
  }

  /** GET /locations */
  async listLocations(
    query: { partition?: string } = {},
    o?: RegionExpansionRequestOptions,
  ): Promise<Location[]> {
    return (
      await this.#call<{ items: Location[] }>('GET', '/locations', {
        ...o,
        query,
      })
    ).items;
  }

  /** POST /locations */
  async addLocation(
    input: CreateLocationInput,
    o?: RegionExpansionRequestOptions,
  ): Promise<Location> {
    return this.#call('POST', '/locations', { ...o, body: input });
  }

  /** GET /control-planes */
  async listControlPlanes(
    query: { partition?: string } = {},
    o?: RegionExpansionRequestOptions,
  ): Promise<ControlPlane[]> {
    return (
      await this.#call<{ items: ControlPlane[] }>('GET', '/control-planes', {
        ...o,
        query,
      })
    ).items;
  }

  /** POST /control-planes */
  async addControlPlane(
    input: CreateControlPlaneInput,
    o?: RegionExpansionRequestOptions,
  ): Promise<ControlPlane> {
    return this.#call('POST', '/control-planes', { ...o, body: input });
  }

  /** GET /cells */
  async listCells(
    query: {
      partition?: string;
      locationId?: string;
      lifecycle?: Cell['lifecycle'];
      controlPlaneId?: string;
    } = {},
    o?: RegionExpansionRequestOptions,
  ): Promise<Cell[]> {
    return (
      await this.#call<{ items: Cell[] }>('GET', '/cells', { ...o, query })
    ).items;
  }

  /** POST /cells */
  async addCell(
    input: z.input<typeof createCellSchema> | CreateCellInput,
    o?: RegionExpansionRequestOptions,
  ): Promise<Cell> {
    return this.#call('POST', '/cells', { ...o, body: input });
  }

  /** GET /cells/:id */
  async getCell(id: string, o?: RegionExpansionRequestOptions): Promise<Cell> {
    return this.#call('GET', `/cells/${encodeURIComponent(id)}`, o);
  }

  /** PATCH /cells/:id */
  async updateCell(
    id: string,
    input: UpdateCellInput,
    o?: RegionExpansionRequestOptions,
  ): Promise<Cell> {
    return this.#call('PATCH', `/cells/${encodeURIComponent(id)}`, {
      ...o,
      body: input,
    });
  }

  /** POST /cells/quota-plan */
  async planQuotas(
    input: z.input<typeof quotaPlanRequestSchema>,
    o?: RegionExpansionRequestOptions,
  ): Promise<QuotaRequest[]> {
    return (
      await this.#call<{ items: QuotaRequest[] }>('POST', '/cells/quota-plan', {
        ...o,
        body: input,
      })
    ).items;
  }

  /** GET /tenants */
  async listTenants(
    query: TenantListQuery = {},
    o?: RegionExpansionRequestOptions,
  ): Promise<TenantListResponse> {
    return this.#call('GET', '/tenants', { ...o, query: { ...query } });
  }

  /** POST /tenants */
  async addTenant(
    input: z.input<typeof createTenantSchema> | CreateTenantInput,
    o?: RegionExpansionRequestOptions,
  ): Promise<Tenant> {
    return this.#call('POST', '/tenants', { ...o, body: input });
  }

  /** GET /tenants/:id */
  async getTenant(
    id: string,
    o?: RegionExpansionRequestOptions,
  ): Promise<Tenant> {
    return this.#call('GET', `/tenants/${encodeURIComponent(id)}`, o);
  }

  /** PATCH /tenants/:id */
  async updateTenant(
    id: string,
    input: UpdateTenantInput,
    o?: RegionExpansionRequestOptions,
  ): Promise<Tenant> {
    return this.#call('PATCH', `/tenants/${encodeURIComponent(id)}`, {
      ...o,
      body: input,
    });
  }

  /** GET /tenants/:id/history */
  async getTenantHistory(
    id: string,
    o?: RegionExpansionRequestOptions,
  ): Promise<PlacementRecord[]> {
    return (
      await this.#call<{ items: PlacementRecord[] }>(
        'GET',
        `/tenants/${encodeURIComponent(id)}/history`,
        o,
      )
    ).items;
  }

  /** POST /tenants/import: rows as objects (sent as JSON) or a YAML document. */
  async importTenants(
    rows: unknown[] | { yaml: string },
    o?: RegionExpansionRequestOptions,
  ): Promise<{ imported: number; placed: number }> {
    return Array.isArray(rows)
      ? this.#call('POST', '/tenants/import', { ...o, body: rows })
      : this.#call('POST', '/tenants/import', {
          ...o,
          rawBody: { contentType: 'text/yaml', text: rows.yaml },
        });
  }

  /** POST /placements */
  async place(
    input: z.input<typeof placementRequestSchema>,
    o?: RegionExpansionRequestOptions,
  ): Promise<{ decision: PlacementDecision; record?: PlacementRecord }> {
    return this.#call('POST', '/placements', { ...o, body: input });
  }

  /** POST /placements/what-if */
  async whatIf(
    input: z.input<typeof whatIfRequestSchema>,
    o?: RegionExpansionRequestOptions,
  ): Promise<WhatIfResult> {
    return this.#call('POST', '/placements/what-if', { ...o, body: input });
  }

  /** POST /placements/migration-plan */
  async planMigration(
    input: z.input<typeof migrationRequestSchema>,
    o?: RegionExpansionRequestOptions,
  ): Promise<{ plan: MigrationPlan; record?: PlacementRecord }> {
    return this.#call('POST', '/placements/migration-plan', {
      ...o,
      body: input,
    });
  }
}
