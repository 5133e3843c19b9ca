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
import type { Footprint } from '../types/assessment';
import type { ReadinessLevel } from '../types/readiness';
import type {
  AssessFootprintInput,
  AuditControl,
  ConformanceScore,
  CreateReadinessWaiverInput,
  CursorPage,
  CursorPageQuery,
  EvidenceBundleDownload,
  FootprintAssessment,
  GovernanceFindingFilter,
  GovernanceFindingPage,
  GovernanceFindingQuery,
  GovernanceFreshness,
  GovernanceGroupBy,
  GovernanceHistoryPoint,
  GovernanceHistoryQuery,
  GovernanceScope,
  GovernanceSourceId,
  GovernanceSummary,
  LocationCellSummary,
  ReadinessHistoryPage,
  ReadinessHistoryQuery,
  ReadinessSummary,
  ReadinessWaiverChange,
  ReadinessWaiverQuery,
  ResilienceApp,
  StoredFootprint,
  StoredReadinessEvaluation,
  StoredReadinessWaiver,
} from './types';
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

  /** Sends one request; throws `ResponseError` on a non-2xx answer. */
  async #request(
    method: string,
    path: string,
    options: RegionExpansionRequestOptions & {
      body?: unknown;
      query?: object;
      rawBody?: { contentType: string; text: string };
    } = {},
  ): Promise<Response> {
    const base = await this.#discoveryApi.getBaseUrl('region-expansion');
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(options.query ?? {})) {
      if (value !== undefined && value !== '') params.set(key, String(value));
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
    return res;
  }

  async #call<T>(
    method: string,
    path: string,
    options: RegionExpansionRequestOptions & {
      body?: unknown;
      query?: object;
      rawBody?: { contentType: string; text: string };
    } = {},
  ): Promise<T> {
    const res = await this.#request(method, path, options);
    return (await res.json()) as T;
  }

  /** Calls a route that answers `{ items }`, and answers the items. */
  async #items<T>(
    method: string,
    path: string,
    options?: RegionExpansionRequestOptions & {
      body?: unknown;
      query?: object;
    },
  ): Promise<T[]> {
    return (await this.#call<{ items: T[] }>(method, path, options)).items;
  }

  /** GET /partitions */
  async listPartitions(
    o?: RegionExpansionRequestOptions,
  ): Promise<Partition[]> {
    return this.#items<Partition>('GET', '/partitions', o);
  }

  /** GET /locations */
  async listLocations(
    query: { partition?: string } = {},
    o?: RegionExpansionRequestOptions,
  ): Promise<Location[]> {
    return this.#items<Location>('GET', '/locations', {
      ...o,
      query,
    });
  }

  /** GET /locations/summary: cell and tenant totals per location with cells. */
  async summarizeLocations(
    o?: RegionExpansionRequestOptions,
  ): Promise<LocationCellSummary[]> {
    return this.#items<LocationCellSummary>('GET', '/locations/summary', o);
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
    return this.#items<ControlPlane>('GET', '/control-planes', {
      ...o,
      query,
    });
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
    return this.#items<Cell>('GET', '/cells', { ...o, query });
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
    return this.#items<QuotaRequest>('POST', '/cells/quota-plan', {
      ...o,
      body: input,
    });
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
    return this.#items<PlacementRecord>(
      'GET',
      `/tenants/${encodeURIComponent(id)}/history`,
      o,
    );
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

  // ---------------------------------------------------------------- readiness

  /** GET /readiness: the latest level of every evaluated location. */
  async listReadiness(
    query: { partition?: string; level?: ReadinessLevel } = {},
    o?: RegionExpansionRequestOptions,
  ): Promise<ReadinessSummary[]> {
    return this.#items<ReadinessSummary>('GET', '/readiness', {
      ...o,
      query,
    });
  }

  /** GET /readiness/:locationId: the latest evaluation with its signals. */
  async getReadiness(
    locationId: string,
    o?: RegionExpansionRequestOptions,
  ): Promise<StoredReadinessEvaluation> {
    return this.#call('GET', `/readiness/${encodeURIComponent(locationId)}`, o);
  }

  /** GET /readiness/:locationId/history: newest first, with `becameReadyAt`. */
  async getReadinessHistory(
    locationId: string,
    query: ReadinessHistoryQuery = {},
    o?: RegionExpansionRequestOptions,
  ): Promise<ReadinessHistoryPage> {
    return this.#call(
      'GET',
      `/readiness/${encodeURIComponent(locationId)}/history`,
      { ...o, query },
    );
  }

  /** POST /readiness/:locationId/evaluate: evaluates and stores now. */
  async evaluateReadiness(
    locationId: string,
    o?: RegionExpansionRequestOptions,
  ): Promise<StoredReadinessEvaluation> {
    return this.#call(
      'POST',
      `/readiness/${encodeURIComponent(locationId)}/evaluate`,
      o,
    );
  }

  /** GET /waivers: a page of waivers, newest first (default 100, at most 500). */
  async listWaivers(
    query: ReadinessWaiverQuery = {},
    o?: RegionExpansionRequestOptions,
  ): Promise<CursorPage<StoredReadinessWaiver>> {
    return this.#call('GET', '/waivers', { ...o, query });
  }

  /** POST /waivers: grants a waiver and re-evaluates its location. */
  async addWaiver(
    input: CreateReadinessWaiverInput,
    o?: RegionExpansionRequestOptions,
  ): Promise<ReadinessWaiverChange> {
    return this.#call('POST', '/waivers', { ...o, body: input });
  }

  /** DELETE /waivers/:id: revokes a waiver and re-evaluates its location. */
  async revokeWaiver(
    id: string,
    o?: RegionExpansionRequestOptions,
  ): Promise<ReadinessWaiverChange> {
    return this.#call('DELETE', `/waivers/${encodeURIComponent(id)}`, o);
  }

  /** GET /application-plane/footprint */
  async getApplicationPlaneFootprint(
    o?: RegionExpansionRequestOptions,
  ): Promise<StoredFootprint> {
    return this.#call('GET', '/application-plane/footprint', o);
  }

  /** PUT /application-plane/footprint: stores it and re-evaluates every location. */
  async putApplicationPlaneFootprint(
    footprint: Footprint,
    query: { source?: string } = {},
    o?: RegionExpansionRequestOptions,
  ): Promise<{ footprint: StoredFootprint; evaluated: number }> {
    return this.#call('PUT', '/application-plane/footprint', {
      ...o,
      query,
      body: footprint,
    });
  }

  /**
   * POST /readiness/:locationId/assess: the footprint of one uploaded file
   * and the readiness the location would have with it; nothing is stored.
   */
  async assessFootprint(
    locationId: string,
    input: AssessFootprintInput,
    o?: RegionExpansionRequestOptions,
  ): Promise<FootprintAssessment> {
    return this.#call(
      'POST',
      `/readiness/${encodeURIComponent(locationId)}/assess`,
      { ...o, body: input },
    );
  }

  // --------------------------------------------------------------- governance

  /** GET /governance/summary: finding counts grouped by one dimension. */
  async getGovernanceSummary(
    query: GovernanceFindingFilter & { groupBy?: GovernanceGroupBy } = {},
    o?: RegionExpansionRequestOptions,
  ): Promise<GovernanceSummary> {
    return this.#call('GET', '/governance/summary', { ...o, query });
  }

  /** GET /governance/findings: a page of findings, by `cursor` or `offset`. */
  async listGovernanceFindings(
    query: GovernanceFindingQuery = {},
    o?: RegionExpansionRequestOptions,
  ): Promise<GovernanceFindingPage> {
    return this.#call('GET', '/governance/findings', { ...o, query });
  }

  /** GET /governance/freshness: sync state per source and target. */
  async getGovernanceFreshness(
    query: { partition?: string; source?: GovernanceSourceId } = {},
    o?: RegionExpansionRequestOptions,
  ): Promise<GovernanceFreshness[]> {
    return this.#items<GovernanceFreshness>('GET', '/governance/freshness', {
      ...o,
      query,
    });
  }

  /**
   * GET /governance/history: a page of daily points per source and
   * partition, by day (default 500, at most 2000).
   */
  async getGovernanceHistory(
    query: GovernanceHistoryQuery = {},
    o?: RegionExpansionRequestOptions,
  ): Promise<CursorPage<GovernanceHistoryPoint>> {
    return this.#call('GET', '/governance/history', { ...o, query });
  }

  /** GET /governance/resilience: a page of Resilience Hub applications (default 100, at most 500). */
  async listResilienceApps(
    scope: GovernanceScope & CursorPageQuery = {},
    o?: RegionExpansionRequestOptions,
  ): Promise<CursorPage<ResilienceApp>> {
    return this.#call('GET', '/governance/resilience', {
      ...o,
      query: scopeOf(scope),
    });
  }

  /** GET /governance/audit: a page of Audit Manager controls (default 100, at most 500). */
  async listAuditControls(
    scope: GovernanceScope & CursorPageQuery = {},
    o?: RegionExpansionRequestOptions,
  ): Promise<CursorPage<AuditControl>> {
    return this.#call('GET', '/governance/audit', {
      ...o,
      query: scopeOf(scope),
    });
  }

  /** GET /governance/conformance: a page of AWS Config conformance pack scores (default 100, at most 500). */
  async listConformanceScores(
    scope: GovernanceScope & CursorPageQuery = {},
    o?: RegionExpansionRequestOptions,
  ): Promise<CursorPage<ConformanceScore>> {
    return this.#call('GET', '/governance/conformance', {
      ...o,
      query: scopeOf(scope),
    });
  }

  /** GET /governance/evidence-bundle: the ZIP for a filter. */
  async downloadEvidenceBundle(
    filter: GovernanceFindingFilter = {},
    o?: RegionExpansionRequestOptions,
  ): Promise<EvidenceBundleDownload> {
    const res = await this.#request('GET', '/governance/evidence-bundle', {
      ...o,
      query: filter,
    });
    const disposition = res.headers.get('content-disposition') ?? '';
    const fileName =
      /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'governance-evidence.zip';
    return { blob: await res.blob(), fileName };
  }

  /** POST /governance/sync: starts a sync now; answers the providers triggered. */
  async triggerGovernanceSync(
    input: { provider?: string } = {},
    o?: RegionExpansionRequestOptions,
  ): Promise<{ triggered: string[] }> {
    return this.#call('POST', '/governance/sync', { ...o, body: input });
  }
}

/** The scope routes reject any other filter, so only these are sent. */
function scopeOf(
  scope: GovernanceScope & CursorPageQuery,
): GovernanceScope & CursorPageQuery {
  return {
    partition: scope.partition,
    region: scope.region,
    accountId: scope.accountId,
    limit: scope.limit,
    cursor: scope.cursor,
  };
}
