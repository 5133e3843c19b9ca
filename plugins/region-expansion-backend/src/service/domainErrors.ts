import { InputError } from '@backstage/errors';
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
