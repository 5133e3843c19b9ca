import { sleep } from './limits';

/**
 * What kind of failure an AWS call had.
 *
 * @public
 */
export type AwsFailureKind =
  | 'throttled'
  | 'server-error'
  | 'timeout'
  | 'malformed-response'
  | 'access-denied'
  | 'invalid-credentials'
  | 'not-subscribed'
  | 'invalid-request'
  | 'aborted'
  | 'other';

/**
 * A failure classified for retry and for the stale reason shown to users.
 *
 * @public
 */
export interface AwsFailure {
  /**
   * Category derived from the error's name, code, message and HTTP status;
   * `aborted` whenever the given signal was aborted.
   */
  kind: AwsFailureKind;
  /** True for throttling, timeouts, 5xx and malformed responses: {@link withRetries} repeats those calls. */
  retryable: boolean;
  /**
   * One line: error name, HTTP status and message. The message is the
   * service's and may hold ARNs and account ids: for the backend log only,
   * never for readers (they get {@link governanceReasonSentence}).
   */
  reason: string;
}

const THROTTLING = new Set([
  'ThrottlingException',
  'Throttling',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'ProvisionedThroughputExceededException',
  'RequestThrottled',
  'SlowDown',
  'LimitExceededException',
]);
const TIMEOUTS = new Set([
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'ETIMEDOUT',
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);
/** The request's signature or keys were refused: the credentials, not the permissions, are wrong. */
const INVALID_CREDENTIALS = new Set([
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
  'IncompleteSignature',
  'IncompleteSignatureException',
  'ExpiredToken',
  'ExpiredTokenException',
  'AuthFailure',
  'MissingAuthenticationToken',
  'MissingAuthenticationTokenException',
  'CredentialsProviderError',
]);
const NOT_SUBSCRIBED =
  /not subscribed|not enabled|complete AWS Audit Manager setup|not registered|InvalidAccessException|is not a member/i;

/**
 * Classifies an error thrown by an AWS SDK v3 client.
 *
 * @public
 */
export function classifyAwsError(
  error: unknown,
  signal?: AbortSignal,
): AwsFailure {
  const e = error as {
    name?: string;
    code?: string;
    message?: string;
    $metadata?: { httpStatusCode?: number };
    $response?: unknown;
  };
  const name = e?.name ?? 'Error';
  const status = e?.$metadata?.httpStatusCode;
  const message = String(e?.message ?? error)
    .split('\n')[0]
    .slice(0, 300);
  const reason = `${name}${status ? ` (HTTP ${status})` : ''}: ${message}`;
  if (signal?.aborted || name === 'AbortError')
    return { kind: 'aborted', retryable: false, reason };
  if (THROTTLING.has(name) || status === 429)
    return { kind: 'throttled', retryable: true, reason };
  if (TIMEOUTS.has(name) || TIMEOUTS.has(e?.code ?? ''))
    return { kind: 'timeout', retryable: true, reason };
  if (status !== undefined && status >= 500)
    return { kind: 'server-error', retryable: true, reason };
  if (
    name === 'SyntaxError' ||
    /Deserialization error|Unexpected end of JSON|is not valid JSON|Expected ',' or/i.test(
      message,
    ) ||
    (e?.$response && !status)
  ) {
    return { kind: 'malformed-response', retryable: true, reason };
  }
  if (INVALID_CREDENTIALS.has(name))
    return { kind: 'invalid-credentials', retryable: false, reason };
  if (
    (name === 'AccessDeniedException' || name === 'InvalidAccessException') &&
    NOT_SUBSCRIBED.test(message)
  ) {
    return { kind: 'not-subscribed', retryable: false, reason };
  }
  if (
    name === 'AccessDeniedException' ||
    name === 'AccessDenied' ||
    name === 'UnauthorizedOperation' ||
    status === 403
  ) {
    return { kind: 'access-denied', retryable: false, reason };
  }
  if (status !== undefined && status >= 400)
    return { kind: 'invalid-request', retryable: false, reason };
  return { kind: 'other', retryable: false, reason };
}

/**
 * Retry options of {@link withRetries}.
 *
 * @public
 */
export interface RetryOptions {
  /** Attempts including the first; default 5. */
  attempts?: number;
  /** Base delay in ms of the exponential backoff with full jitter; default 200. */
  baseDelayMs?: number;
  /** Upper bound of one delay; default 5000. */
  maxDelayMs?: number;
  /** Aborting it ends the retries: the wait between attempts rejects and the failure counts as not retryable. */
  signal?: AbortSignal;
}

/**
 * Runs a call and repeats it on retryable failures (throttling, 5xx,
 * timeouts, malformed bodies) with exponential backoff and full jitter. This
 * sits above the SDK's own retries so a page survives a longer burst.
 *
 * @public
 */
export async function withRetries<T>(
  call: () => Promise<T>,
  options: RetryOptions = {},
): Promise<T> {
  const attempts = options.attempts ?? 5;
  const base = options.baseDelayMs ?? 200;
  const max = options.maxDelayMs ?? 5000;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const failure = classifyAwsError(error, options.signal);
      if (!failure.retryable || attempt >= attempts) throw error;
      await sleep(
        Math.random() * Math.min(max, base * 2 ** (attempt - 1)),
        options.signal,
      );
    }
  }
}
