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

/**
 * Runs node-library rules for an action and turns their
 * {@link @region-expansion/plugin-region-expansion-node#DomainRuleError}
 * into the input error the task log shows (`field: reason`); other errors
 * pass through unchanged.
 */
export function asInputErrors<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof DomainRuleError) throw new InputError(error.message);
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
