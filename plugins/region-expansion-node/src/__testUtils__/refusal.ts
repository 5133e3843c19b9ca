import { DomainRuleError } from '../locations/errors';

/** The message of the rule error `fn` throws (`field: reason`); fails if none. */
export function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainRuleError) return error.message;
    throw error;
  }
  throw new Error('expected a DomainRuleError');
}
