import { InputError } from '@backstage/errors';
import { describeZodError } from '@region-expansion/plugin-region-expansion-common';
import {
  DomainRuleError,
  UnknownLocationError,
} from '@region-expansion/plugin-region-expansion-node';
import { z } from 'zod';

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
 * Validates `value` with a schema from the common package; a failure becomes
 * an `InputError` listing every field and reason.
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  prefix = '',
): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const message = describeZodError(result.error)
      .split('; ')
      .map(part => `${prefix}${part}`)
      .join('; ');
    throw new InputError(message);
  }
  return result.data;
}
