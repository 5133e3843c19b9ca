import { InputError } from '@backstage/errors';
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

/** What a zod schema of any major version offers for safe parsing. */
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
