import type { z } from 'zod';

/**
 * A zod error option that reports a missing value as `is required` and a
 * value of the wrong type as `must be <expected>`.
 *
 * @public
 */
export function typeError(expected: string) {
  return {
    error: (issue: { input?: unknown }) =>
      issue.input === undefined ? 'is required' : `must be ${expected}`,
  };
}

/**
 * One validation problem, ready for a 400 response.
 *
 * @public
 */
export interface FieldError {
  /** Dotted path of the offending field (`(root)` for the body itself). */
  field: string;
  /** Why the value was rejected. */
  reason: string;
}

function fieldOf(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(root)' : path.map(String).join('.');
}

function reasonOf(issue: z.core.$ZodIssue): string {
  // Custom messages from the schemas are already reasons; only zod's
  // built-in "Invalid ..." messages are rephrased.
  if (!issue.message.startsWith('Invalid')) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      // zod reports a missing property as a type mismatch against undefined.
      if (/received undefined$/.test(issue.message)) return 'is required';
      if (issue.expected === 'int') return 'must be a whole number';
      return `must be ${issue.expected === 'array' ? 'an' : 'a'} ${
        issue.expected
      }`;
    case 'invalid_value':
      return `must be one of ${issue.values.map(v => String(v)).join(', ')}`;
    default:
      return issue.message;
  }
}

/**
 * Turns a zod error into a flat list of field and reason, one entry per
 * problem (unknown keys are listed one by one).
 *
 * @public
 */
export function formatZodError(error: z.ZodError): FieldError[] {
  const result: FieldError[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        result.push({
          field: fieldOf([...issue.path, key]),
          reason: 'is not a known field',
        });
      }
    } else {
      result.push({ field: fieldOf(issue.path), reason: reasonOf(issue) });
    }
  }
  return result;
}

/**
 * One-line message for an error response, for example
 * `country: must be an ISO 3166-1 alpha-2 country code; name: is required`.
 *
 * @public
 */
export function describeZodError(error: z.ZodError): string {
  return formatZodError(error)
    .map(e => `${e.field}: ${e.reason}`)
    .join('; ');
}
