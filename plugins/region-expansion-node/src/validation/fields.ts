import { DomainRuleError } from '../locations/errors';

/** Longest value {@link quoteValue} shows whole. */
const QUOTED_CHARACTERS = 64;

/**
 * A value of the input, quoted for a message: whole up to 64 characters,
 * else its start and its length, so a 10 KB value cannot flood a task log
 * or an error response.
 *
 * @public
 */
export function quoteValue(value: unknown): string {
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
 * Validates a value with one of the shared `-common` schemas; throws a
 * {@link DomainRuleError} naming `field.path` and the first problem.
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
  throw new DomainRuleError(where, issue.message);
}

/**
 * Runs a rule check and re-throws its {@link DomainRuleError} with the
 * field prefixed by `prefix` (`cells.3` + `accountId`), so a rule written
 * for one object names the field of the input that held it.
 *
 * @public
 */
export function withFieldPrefix<T>(prefix: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof DomainRuleError) {
      throw new DomainRuleError(`${prefix}.${error.field}`, error.reason);
    }
    throw error;
  }
}
