import {
  AuthenticationError,
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
  ResponseError,
} from '@backstage/errors';
import { DomainRuleError } from '@region-expansion/plugin-region-expansion-node';

/**
 * An input error whose message starts with the offending field, so the task
 * log says exactly which wizard value to change.
 *
 * @public
 */
export function fieldError(field: string, reason: string): InputError {
  return new InputError(`${field}: ${reason}`);
}

/** Longest value {@link quote} shows whole. */
const QUOTED_CHARACTERS = 64;

/**
 * A value of the input, quoted for a message: whole up to 64 characters,
 * else its start and its length, so a 10 KB value cannot flood the task
 * log.
 *
 * @public
 */
export function quote(value: unknown): string {
  const text = String(value);
  return text.length <= QUOTED_CHARACTERS
    ? `'${text}'`
    : `'${text.slice(0, 40)}…' (${text.length} characters)`;
}

/**
 * What {@link parseField} needs of a schema: zod's `safeParse` shape.
 *
 * @public
 */
export interface SafeParser<T> {
  /**
   * Parses `value` without throwing: the parsed data, or the issues, each
   * with its path inside the value and a message.
   */
  safeParse(value: unknown):
    | { success: true; data: T }
    | {
        success: false;
        error: { issues: Array<{ path: PropertyKey[]; message: string }> };
      };
}

/**
 * Validates a value with one of the shared `-common` schemas and reports the
 * first problem as `field.path: message`.
 *
 * @public
 */
export function parseField<T>(
  schema: SafeParser<T>,
  value: unknown,
  field: string,
): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = [field, ...issue.path.map(p => String(p))].join('.');
  throw fieldError(where, issue.message);
}

/**
 * Runs a domain rule check and re-throws its {@link @region-expansion/plugin-region-expansion-node#DomainRuleError} as an
 * input error whose field is prefixed with `prefix`.
 *
 * @public
 */
export function withFieldPrefix<T>(prefix: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof DomainRuleError) {
      throw fieldError(`${prefix}.${error.field}`, error.reason);
    }
    throw error;
  }
}

/** A message in the API's `field: reason` form: its field, and the rest. */
const FIELD_MESSAGE = /^([A-Za-z0-9_.()[\]-]+): ([\s\S]+)$/;

/**
 * The task error for a refusal of the region-expansion backend while it
 * records `field` (`controlPlane`, `cells.3`): the backend's own message
 * (the `ResponseError` body's, `field: reason`) with its field prefixed by
 * `field`, as an error of the same kind (400 → InputError, 401, 403, 404,
 * 409 …). A server failure keeps only its status; an error that is not a
 * `ResponseError` is returned as it is.
 *
 * @public
 */
export function backendRefusal(error: unknown, field: string): Error {
  if (!(error instanceof ResponseError)) return error as Error;
  const status = error.statusCode;
  if (status >= 500) {
    return new Error(
      `${field}: the region-expansion backend failed with ${status} ${error.statusText}; retry the task`,
    );
  }
  const message: string = error.body?.error?.message || error.message;
  const match = FIELD_MESSAGE.exec(message);
  const named = !match
    ? `${field}: ${message}`
    : `${match[1] === '(root)' ? field : `${field}.${match[1]}`}: ${match[2]}`;
  switch (status) {
    case 401:
      return new AuthenticationError(named);
    case 403:
      return new NotAllowedError(named);
    case 404:
      return new NotFoundError(named);
    case 409:
      return new ConflictError(named);
    case 400:
    case 413:
    case 415:
    case 422:
      return new InputError(named);
    default:
      return new Error(`${named} (the backend answered ${status})`);
  }
}
