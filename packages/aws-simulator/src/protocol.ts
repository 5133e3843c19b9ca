import { HttpResponse } from 'msw';
import { AwsFault } from './AwsFault';
import type { SimulatedPartition, SyntheticOrganization } from './organization';
import type { SimulatedService, WireProtocol } from './services/types';

/**
 * What the simulator knows about one incoming AWS request.
 */
export interface SimulatedRequest {
  /** SigV4 signing name, e.g. `securityhub`. */
  service: string;
  region: string;
  partition: SimulatedPartition;
  /** Account of the caller's credentials. */
  callerAccountId: string;
  method: string;
  url: URL;
  headers: Headers;
  body: string;
}

const SCOPE =
  /Credential=([^/,\s]+)\/\d{8}\/([a-z0-9-]+)\/([a-z0-9-]+)\/aws4_request/;
const SIMULATED_KEY = /SIM(\d{12})/;

/**
 * The access key id the simulated STS hands out for an account. The account
 * is encoded so later requests are attributed to it.
 *
 * @public
 */
export function accessKeyIdFor(accountId: string): string {
  return `ASIASIM${accountId}`;
}

/**
 * Service, Region and caller of a request, from the SigV4 credential scope
 * (works for any endpoint override) or else from the host name.
 */
export function identifyRequest(
  org: SyntheticOrganization,
  request: Request,
  services: ReadonlyArray<
    Pick<SimulatedService, 'signingName' | 'hostPrefix' | 'anyRegion'>
  >,
): Omit<SimulatedRequest, 'body'> | undefined {
  const url = new URL(request.url);
  const authorization = request.headers.get('authorization') ?? '';
  const scope = SCOPE.exec(authorization);
  let service: string | undefined;
  let region: string | undefined;
  let accessKeyId: string | undefined;
  if (scope) {
    [, accessKeyId, region, service] = scope;
  } else {
    const byHost = services.find(s => url.hostname.startsWith(s.hostPrefix));
    if (!byHost) return undefined;
    service = byHost.signingName;
    region = url.hostname.slice(byHost.hostPrefix.length).split('.')[0];
  }
  const simulated = services.find(s => s.signingName === service);
  if (!simulated) return undefined;
  const partition =
    org.partitionOfRegion(region) ??
    org.partitions.find(
      p => url.hostname.endsWith(p.dnsSuffix) && region === p.homeRegion,
    ) ??
    (simulated.anyRegion ? org.partitions[0] : undefined);
  if (!partition) return undefined;
  const encoded = accessKeyId
    ? SIMULATED_KEY.exec(accessKeyId)?.[1]
    : undefined;
  const management =
    org.accounts.find(a => a.partition === partition.id)?.id ?? '000000000000';
  return {
    service,
    region,
    partition,
    callerAccountId: encoded ?? management,
    method: request.method,
    url,
    headers: request.headers,
  };
}

/** A restJson1 / awsJson success response. */
export function jsonResponse(
  body: unknown,
  contentType = 'application/json',
): Response {
  return new HttpResponse(JSON.stringify(body), {
    status: 200,
    headers: { 'content-type': contentType, 'x-amzn-requestid': requestId() },
  });
}

/** A restJson1 error: type in `x-amzn-errortype`, `{message}` body. */
export function restJsonError(
  status: number,
  type: string,
  message: string,
): Response {
  return new HttpResponse(JSON.stringify({ message, Message: message }), {
    status,
    headers: {
      'content-type': 'application/json',
      'x-amzn-errortype': `${type}:http://internal.amazon.com/coral/simulator/`,
      'x-amzn-requestid': requestId(),
    },
  });
}

/** An awsJson1_1 error: `__type` in the body (and the header). */
export function awsJsonError(
  status: number,
  type: string,
  message: string,
): Response {
  return new HttpResponse(JSON.stringify({ __type: type, message }), {
    status,
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amzn-errortype': type,
      'x-amzn-requestid': requestId(),
    },
  });
}

/** An awsQuery (STS) error document. */
export function queryError(
  status: number,
  code: string,
  message: string,
): Response {
  const xml = `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>${code}</Code><Message>${escapeXml(
    message,
  )}</Message></Error><RequestId>${requestId()}</RequestId></ErrorResponse>`;
  return new HttpResponse(xml, {
    status,
    headers: { 'content-type': 'text/xml' },
  });
}

/** An error in the envelope of a wire protocol. */
export function protocolError(
  protocol: WireProtocol,
  status: number,
  type: string,
  message: string,
): Response {
  if (protocol === 'restJson1') return restJsonError(status, type, message);
  if (protocol === 'awsJson1_1') return awsJsonError(status, type, message);
  return queryError(status, type, message);
}

/** A cut-off body that no JSON or XML parser accepts. */
export function malformedResponse(contentType: string): Response {
  return new HttpResponse('{"Findings":[{"Id":"trunc', {
    status: 200,
    headers: { 'content-type': contentType },
  });
}

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

let requestCounter = 0;
function requestId(): string {
  requestCounter += 1;
  return `sim-${requestCounter.toString(16).padStart(12, '0')}`;
}

/** Encodes a pagination position with a fingerprint of the query it belongs to. */
export function encodeToken(position: number, query: string): string {
  return Buffer.from(
    JSON.stringify({ p: position, q: fingerprint(query) }),
  ).toString('base64url');
}

/** Decodes a token made by {@link encodeToken}; `undefined` when invalid or for another query. */
export function decodeToken(
  token: string | undefined | null,
  query: string,
): number | undefined {
  if (!token) return 0;
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (parsed.q !== fingerprint(query) || typeof parsed.p !== 'number')
      return undefined;
    return parsed.p;
  } catch {
    return undefined;
  }
}

function fingerprint(text: string): string {
  let h = 0;
  for (let i = 0; i < text.length; i++)
    h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  return (h >>> 0).toString(36);
}

/**
 * One page of `items` from the position a token names (the first page
 * without one). A token of another query is answered with `invalidToken`.
 */
export function pageOf<T>(
  items: T[],
  token: string | undefined | null,
  limit: number,
  query: string,
  invalidToken: AwsFault,
): { slice: T[]; next?: string } {
  const start = decodeToken(token, query);
  if (start === undefined) throw invalidToken;
  return {
    slice: items.slice(start, start + limit),
    next:
      start + limit < items.length
        ? encodeToken(start + limit, query)
        : undefined,
  };
}

/** `{ [key]: token }` when there is a next page, else nothing (AWS omits the field). */
export function tokenField(
  key: string,
  token: string | undefined,
): Record<string, string> {
  return token ? { [key]: token } : {};
}

/**
 * A page size a request asks for (a query-string or JSON value): `fallback`
 * when absent, else an integer from 1 to `max`; anything else is answered
 * with a 400 of `type` naming the field.
 */
export function pageSizeOf(
  value: unknown,
  field: string,
  fallback: number,
  max: number,
  type = 'ValidationException',
): number {
  if (value === undefined || value === null) return fallback;
  const n = Number(value);
  if (Number.isInteger(n) && n >= 1 && n <= max) return n;
  throw new AwsFault(400, type, `${field} must be between 1 and ${max}`);
}
