/**
 * A usage or input problem: reported on one line, exit code 2.
 *
 * @public
 */
export class CliInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliInputError';
  }
}

/**
 * Exit codes of the CLI; `engineFailed`: a CloudTrail Lake or Athena query
 * failed, timed out or stayed throttled.
 */
export const EXIT = { ok: 0, blockers: 1, usage: 2, engineFailed: 3 } as const;

const INPUT_ERROR_NAMES = new Set([
  'CliInputError',
  'FootprintInputError',
  'UnknownLocationError',
  'DomainRuleError',
  'CommanderError',
]);

/** True for errors caused by the user's input rather than a bug. */
export function isInputError(error: unknown): boolean {
  return error instanceof Error && INPUT_ERROR_NAMES.has(error.name);
}
