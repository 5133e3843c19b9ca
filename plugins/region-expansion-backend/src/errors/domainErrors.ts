import { ConflictError, InputError } from '@backstage/errors';
import {
  DomainRuleError,
  UnknownLocationError,
} from '@region-expansion/plugin-region-expansion-node';

/**
 * Runs a domain function and turns its rule errors into `InputError`s (400)
 * that keep the field and the reason, prefixed with `prefix` when given
 * (for example `rows[17].`).
 */
export function withDomainErrors<T>(fn: () => T, prefix = ''): T {
  try {
    return fn();
  } catch (error) {
    throw toInputError(error, prefix);
  }
}

/** Maps a domain rule error to an `InputError`; other errors pass through. */
export function toInputError(error: unknown, prefix = ''): unknown {
  if (error instanceof DomainRuleError) {
    return new InputError(`${prefix}${error.field}: ${error.reason}`);
  }
  if (error instanceof UnknownLocationError) {
    return new InputError(
      `${prefix}locationId: '${error.locationId}' is not a known location`,
    );
  }
  return error;
}

/**
 * Runs a domain rule again inside a write's transaction, on the rows as
 * they are now: a rule error there is a `ConflictError` (409) keeping the
 * field and the reason, since the state changed after the request was
 * checked and asking again may be answered differently.
 */
export function withConflictErrors<T>(fn: () => T, prefix = ''): T {
  try {
    return fn();
  } catch (error) {
    if (!(error instanceof DomainRuleError)) throw error;
    throw new ConflictError(
      `${prefix}${error.field}: ${error.reason} (it changed while the request was checked; nothing was written)`,
    );
  }
}
