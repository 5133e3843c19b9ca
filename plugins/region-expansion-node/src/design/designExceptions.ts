import type { DesignViolation } from '@region-expansion/plugin-region-expansion-common';
import { DomainRuleError } from '../locations/errors';

/**
 * An accepted design violation: who accepted it, why and when. Recorded
 * where the design is (the rendered catalog entity), never implied.
 *
 * @public
 */
export interface DesignException extends DesignViolation {
  /** Who accepted it (a user entity ref). */
  acceptedBy: string;
  /** Why, in the words of whoever accepted it. */
  justification: string;
  /** When it was accepted (ISO 8601). */
  acceptedAt: string;
}

/**
 * Shortest justification that says something beyond "ok".
 *
 * @public
 */
export const MIN_JUSTIFICATION_LENGTH = 20;

/**
 * Longest justification kept in an annotation.
 *
 * @public
 */
export const MAX_JUSTIFICATION_LENGTH = 1000;

/**
 * Options of {@link resolveDesignViolations}.
 *
 * @public
 */
export interface ResolveDesignViolationsOptions {
  /** Whether the template lets a user accept a weaker design. */
  allowExceptions: boolean;
  /** The user's justification, when one was given. */
  justification?: string;
  /** Field of the justification, for the error. */
  justificationField: string;
  /** Who asks (a user entity ref). */
  actor: string;
  /** Now (ISO 8601). */
  now: string;
  /** The name of each design part in the caller's input, for the error. */
  fieldNames: Record<DesignViolation['field'], string>;
}

/**
 * Either refuses a design with violations (a {@link DomainRuleError} naming
 * the first violating field and every reason), or, where exceptions are
 * allowed and a justification given, turns each violation into a recorded
 * {@link DesignException}. No violation: no exception.
 *
 * @public
 */
export function resolveDesignViolations(
  violations: DesignViolation[],
  options: ResolveDesignViolationsOptions,
): DesignException[] {
  if (violations.length === 0) return [];
  const justification = options.justification?.trim() ?? '';
  if (!options.allowExceptions || justification.length === 0) {
    const hint = options.allowExceptions
      ? ` (or give ${options.justificationField} to record an exception)`
      : '';
    const [first, ...others] = violations;
    const also = others.map(
      v => `; ${options.fieldNames[v.field]}: ${v.reason}`,
    );
    throw new DomainRuleError(
      options.fieldNames[first.field],
      `${first.reason}; choose ${first.required} or stronger${hint}${also.join(
        '',
      )}`,
    );
  }
  if (justification.length < MIN_JUSTIFICATION_LENGTH) {
    throw new DomainRuleError(
      options.justificationField,
      `must say why the weaker design is accepted, at least ${MIN_JUSTIFICATION_LENGTH} characters`,
    );
  }
  if (justification.length > MAX_JUSTIFICATION_LENGTH) {
    throw new DomainRuleError(
      options.justificationField,
      `must be at most ${MAX_JUSTIFICATION_LENGTH} characters`,
    );
  }
  return violations.map(v => ({
    ...v,
    acceptedBy: options.actor,
    justification,
    acceptedAt: options.now,
  }));
}
