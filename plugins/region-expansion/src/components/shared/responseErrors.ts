/**
 * The server's own message of a failed call: `ResponseError` keeps the
 * backend's error body (`{ error: { message } }`) in `body`, while its
 * `message` only names the status.
 */
export function serverMessage(error: Error): string {
  const body = (error as { body?: { error?: { message?: unknown } } }).body;
  const message = body?.error?.message;
  return typeof message === 'string' && message ? message : error.message;
}

/** True for a `ResponseError` with the given HTTP status. */
export function hasStatus(error: Error | undefined, status: number): boolean {
  return !!error && (error as { statusCode?: unknown }).statusCode === status;
}
