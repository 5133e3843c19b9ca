import { AwsFault } from '../AwsFault';
import { jsonResponse, protocolError } from '../protocol';
import type {
  ServiceRequestContext,
  SimulatedService,
  WireProtocol,
} from './types';

/** What an operation gets to answer one request. */
export interface OperationRequest extends ServiceRequestContext {
  /**
   * The request's input: the JSON body (`{}` when empty) for awsJson1_1 and
   * restJson1, the form parameters for awsQuery.
   */
  input: any;
  /** restJson1: the captures of the path pattern, URI-decoded. */
  params: string[];
  /** The URL's query string (restJson1 GET inputs). */
  query: URLSearchParams;
}

/** One operation of a service. */
export interface OperationSpec {
  /**
   * API operation name (counted and rate-limited by it); for awsJson1_1 the
   * `X-Amz-Target` suffix, for awsQuery the `Action`.
   */
  name: string;
  /** restJson1 only: the HTTP method and the path (no trailing slash) it answers. */
  http?: { method: 'GET' | 'POST'; path: RegExp };
  /**
   * The answer: a body, sent as the protocol's JSON, or a ready Response
   * (awsQuery XML). An {@link AwsFault} thrown is sent in the protocol's
   * error envelope.
   */
  respond(request: OperationRequest): unknown;
}

/** A service as {@link defineService} takes it. */
export interface ServiceSpec
  extends Omit<SimulatedService, 'route' | 'hostPrefix' | 'deniesAccess'> {
  /** Default `<signingName>.`. */
  hostPrefix?: string;
  /** Default true. */
  deniesAccess?: boolean;
  /** awsJson1_1: the `X-Amz-Target` prefix, e.g. `AmazonSSM`. */
  targetPrefix?: string;
  /** Answer to a body that is not JSON; default a 400 `SerializationException`. */
  invalidBody?: AwsFault;
  operations: OperationSpec[];
}

const CONTENT_TYPE: Record<WireProtocol, string> = {
  restJson1: 'application/json',
  awsJson1_1: 'application/x-amz-json-1.1',
  awsQuery: 'text/xml',
};

/** Which operation a request asks for, and the path captures of a restJson1 one. */
function operationOf(
  spec: ServiceSpec,
  { req, target }: ServiceRequestContext,
): [OperationSpec, string[]] | undefined {
  if (spec.protocol === 'restJson1') {
    const path = req.url.pathname.replace(/\/+$/, '');
    for (const operation of spec.operations) {
      const match =
        req.method === operation.http?.method && operation.http.path.exec(path);
      if (match) return [operation, match.slice(1)];
    }
    return undefined;
  }
  if (req.method !== 'POST') return undefined;
  const name =
    spec.protocol === 'awsJson1_1'
      ? target.startsWith(`${spec.targetPrefix}.`) &&
        target.slice(spec.targetPrefix!.length + 1)
      : new URLSearchParams(req.body).get('Action');
  const operation = spec.operations.find(o => o.name === name);
  return operation ? [operation, []] : undefined;
}

function inputOf(spec: ServiceSpec, body: string): unknown {
  if (spec.protocol === 'awsQuery') return new URLSearchParams(body);
  try {
    return body ? JSON.parse(body) : {};
  } catch {
    throw (
      spec.invalidBody ??
      new AwsFault(
        400,
        'SerializationException',
        'The request body is not valid JSON',
      )
    );
  }
}

/**
 * A simulated service from its operations: recognises the operation a
 * request asks for (restJson1 by method and path, awsJson1_1 by the
 * `X-Amz-Target` header, awsQuery by `Action`), parses its input, and
 * answers in the protocol's envelope, errors included.
 */
export function defineService(spec: ServiceSpec): SimulatedService {
  const {
    operations: _operations,
    targetPrefix: _targetPrefix,
    invalidBody: _invalidBody,
    ...service
  } = spec;
  return {
    ...service,
    hostPrefix: spec.hostPrefix ?? `${spec.signingName}.`,
    deniesAccess: spec.deniesAccess ?? true,
    route(ctx) {
      const found = operationOf(spec, ctx);
      if (!found) return undefined;
      const [operation, captures] = found;
      return {
        operation: operation.name,
        respond: () => {
          try {
            const answer = operation.respond({
              ...ctx,
              input: inputOf(spec, ctx.req.body),
              params: captures.map(decodeURIComponent),
              query: ctx.req.url.searchParams,
            });
            return answer instanceof Response
              ? answer
              : jsonResponse(answer, CONTENT_TYPE[spec.protocol]);
          } catch (error) {
            if (!(error instanceof AwsFault)) throw error;
            return protocolError(
              spec.protocol,
              error.status,
              error.type,
              error.message,
            );
          }
        },
      };
    },
  };
}
