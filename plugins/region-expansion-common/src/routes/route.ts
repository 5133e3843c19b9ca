import type {
  BasicPermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import type { z } from 'zod';

/**
 * An HTTP method of the REST API.
 *
 * @public
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * An answer that is a file rather than JSON (the evidence bundle).
 *
 * @public
 */
export interface FileResponse {
  /** Media type of the file, for example `application/zip`. */
  contentType: string;
  /** What the `Content-Disposition` header holds. */
  disposition: string;
  /** File name the client uses when the server names none. */
  defaultFileName: string;
}

/**
 * A body limit above express's default of 100 KB.
 *
 * @public
 */
export interface RouteBodyLimit {
  /** The limit, in express's syntax (`10mb`). */
  size: string;
  /** Config key that sets the limit, when one does. */
  configKey?: string;
  /** Field a 413 names. */
  field: string;
  /** What to do instead, said in the 413. */
  hint: string;
}

/**
 * A body sent as text in another media type besides JSON (tenant import
 * rows as YAML).
 *
 * @public
 */
export interface RouteTextBody {
  /** Media types read as text. */
  contentTypes: readonly [string, ...string[]];
  /** The text's schema, for the document. */
  schema: z.ZodType;
}

/**
 * One route of the REST API: how it is called, who may call it and what it
 * answers. The router, the OpenAPI document and the typed client follow
 * from these entries.
 *
 * @public
 */
export interface RouteDefinition {
  /** HTTP method of the route. */
  method: HttpMethod;
  /** Path below the plugin's base URL, parameters as `{name}`. */
  path: string;
  /**
   * Checked before anything reads the body. A resource permission is
   * decided for the whole route: its conditions scope what it answers.
   */
  permission: BasicPermission | ResourcePermission;
  /** Group of the route in the document. */
  tag: string;
  /** One line on what the route does, shown in the document. */
  summary: string;
  /** Longer prose for the document, when the summary is not enough. */
  description?: string;
  /** Path parameters (a strict object). */
  params?: z.ZodType;
  /** Query parameters (a strict object: an unknown key is a 400). */
  query?: z.ZodType;
  /** JSON body. */
  body?: z.ZodType;
  /** Whether a request may leave the body out; default false. */
  bodyOptional?: boolean;
  /** Text media types read besides JSON. */
  textBody?: RouteTextBody;
  /** Body limit, where it is not express's default. */
  bodyLimit?: RouteBodyLimit;
  /** JSON answer, or a file. */
  response: z.ZodType | FileResponse;
  /** Status of a success. */
  status: 200 | 201 | 202;
  /** What a success answers. */
  responseDescription: string;
  /** A second success status the handler may answer instead. */
  otherSuccess?: { status: 200 | 201; description: string };
  /** Errors beyond 400, 401 and 403 (and 413/415 on a body-reading method). */
  errors?: ReadonlyArray<404 | 409 | 429 | 503>;
  /** A request that succeeds against the demo estate. */
  example?: {
    params?: Record<string, string>;
    query?: Record<string, string>;
    body?: unknown;
  };
}

/**
 * Declares a route, keeping the literal types the client derives from.
 *
 * @public
 */
export function defineRoute<const R extends RouteDefinition>(route: R): R {
  return route;
}

/**
 * Whether a route's response is a file.
 *
 * @public
 */
export function isFileResponse(
  response: RouteDefinition['response'],
): response is FileResponse {
  return (response as FileResponse).contentType !== undefined;
}

/**
 * Whether every key of `T` may be left out.
 *
 * @public
 */
export type AllKeysOptional<T> = {} extends T ? true : false;

/**
 * One part of a request: required when its schema's input requires anything.
 *
 * @public
 */
export type RequestPart<K extends string, S> = S extends z.ZodType
  ? AllKeysOptional<z.input<S>> extends true
    ? { [P in K]?: z.input<S> }
    : { [P in K]: z.input<S> }
  : {};

/**
 * The body of a request, JSON or (where the route reads it) text.
 *
 * @public
 */
export type BodyPart<R extends RouteDefinition> = R['body'] extends z.ZodType
  ? R['textBody'] extends RouteTextBody
    ?
        | { body: z.input<R['body']>; contentType?: 'application/json' }
        | { body: string; contentType: R['textBody']['contentTypes'][number] }
    : R['bodyOptional'] extends true
    ? { body?: z.input<R['body']> }
    : { body: z.input<R['body']> }
  : {};

/**
 * What a client sends to a route: its path parameters, query and body.
 *
 * @public
 */
export type RouteRequest<R extends RouteDefinition> = RequestPart<
  'path',
  R['params']
> &
  RequestPart<'query', R['query']> &
  BodyPart<R>;

/**
 * A file a route answered with.
 *
 * @public
 */
export interface DownloadedFile {
  /**
   * The file as it arrives, not yet read: a large file is written to disk
   * chunk by chunk rather than held whole in memory. Read it once.
   */
  body: ReadableStream<Uint8Array>;
  /** Its size from `content-length`, when the server sent one. */
  bytes?: number;
  /** File name the server suggested in `content-disposition`. */
  fileName: string;
}

/**
 * What a route answers on success.
 *
 * @public
 */
export type RouteResponse<R extends RouteDefinition> =
  R['response'] extends z.ZodType ? z.output<R['response']> : DownloadedFile;

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
 * The client method of a route: the request is optional when nothing in it
 * is required.
 *
 * @public
 */
export type RouteMethod<R extends RouteDefinition> = AllKeysOptional<
  RouteRequest<R>
> extends true
  ? (
      request?: RouteRequest<R>,
      options?: RegionExpansionRequestOptions,
    ) => Promise<RouteResponse<R>>
  : (
      request: RouteRequest<R>,
      options?: RegionExpansionRequestOptions,
    ) => Promise<RouteResponse<R>>;

/**
 * A client of a route table: one method per route, named by its key.
 *
 * @public
 */
export type RouteClient<T extends Record<string, RouteDefinition>> = {
  [K in keyof T]: RouteMethod<T[K]>;
};
