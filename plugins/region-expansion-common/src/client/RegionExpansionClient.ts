import { ResponseError } from '@backstage/errors';
import { regionExpansionRoutes, RegionExpansionApi } from '../routes';
import {
  DownloadedFile,
  isFileResponse,
  RegionExpansionRequestOptions,
  RouteClient,
  RouteDefinition,
} from '../routes/route';

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

/** A request as the generic sender reads it. */
interface AnyRequest {
  path?: Record<string, string>;
  query?: Record<string, unknown>;
  body?: unknown;
  contentType?: string;
}

/** `/cells/{id}` with `{ id: 'a b' }` is `/cells/a%20b`. */
function fillPath(template: string, params: Record<string, string> = {}) {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) {
      throw new TypeError(`path.${name} is required for ${template}`);
    }
    return encodeURIComponent(value);
  });
}

/** The query string of the set values: absent and empty ones are left out. */
function queryString(query: Record<string, unknown> = {}) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * Sends one request of a route and reads its answer: the JSON body, or the
 * file for a route that answers one. Throws `ResponseError` (with the
 * server's message) on any non-2xx answer.
 */
async function send(
  route: RouteDefinition,
  request: AnyRequest,
  options: RegionExpansionRequestOptions,
  baseUrl: string,
  fetchFn: typeof fetch,
): Promise<unknown> {
  const headers: Record<string, string> = {};
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (request.body !== undefined) {
    const text = typeof request.body === 'string' && request.contentType;
    headers['Content-Type'] = text || 'application/json';
    body = text ? (request.body as string) : JSON.stringify(request.body);
  }
  const url = `${baseUrl}${fillPath(route.path, request.path)}${queryString(
    request.query,
  )}`;
  const res = await fetchFn(url, { method: route.method, headers, body });
  if (!res.ok) {
    throw await ResponseError.fromResponse(res);
  }
  if (isFileResponse(route.response)) {
    const disposition = res.headers.get('content-disposition') ?? '';
    const length = Number(res.headers.get('content-length') ?? NaN);
    const file: DownloadedFile = {
      // A 204 or HEAD answer has no body: an empty file.
      body: res.body ?? new ReadableStream({ start: c => c.close() }),
      ...(Number.isSafeInteger(length) ? { bytes: length } : {}),
      fileName:
        /filename="([^"]+)"/.exec(disposition)?.[1] ??
        route.response.defaultFileName,
    };
    return file;
  }
  return res.json();
}

/**
 * A typed client of a route table: one method per route, each sending the
 * route's request and answering its response.
 *
 * @public
 */
export function createRouteClient<T extends Record<string, RouteDefinition>>(
  routes: T,
  pluginId: string,
  options: RegionExpansionClientOptions,
): RouteClient<T> {
  const fetchFn: typeof fetch = options.fetchApi
    ? options.fetchApi.fetch.bind(options.fetchApi)
    : (...args) => fetch(...args);
  const client: Record<string, unknown> = {};
  for (const [id, route] of Object.entries(routes)) {
    client[id] = async (
      request: AnyRequest = {},
      callOptions: RegionExpansionRequestOptions = {},
    ) =>
      send(
        route,
        request,
        callOptions,
        await options.discoveryApi.getBaseUrl(pluginId),
        fetchFn,
      );
  }
  return client as RouteClient<T>;
}

/**
 * Typed client of the region-expansion REST API: one method per route of
 * `regionExpansionRoutes`, named by its key, taking `{ path, query, body }`
 * as the route declares them. Throws `ResponseError` (with the server's
 * message) on any non-2xx answer.
 *
 * @public
 */
export class RegionExpansionClient {
  constructor(options: RegionExpansionClientOptions) {
    Object.assign(
      this,
      createRouteClient(regionExpansionRoutes, 'region-expansion', options),
    );
  }
}

/**
 * The methods of `RegionExpansionClient`: the constructor assigns one
 * per route of the table, so the class takes their types from
 * {@link RegionExpansionApi} by declaration merging.
 *
 * @public
 */
export interface RegionExpansionClient extends RegionExpansionApi {}
