/**
 * Why an engine-side footprint query could not give a footprint:
 * `input` (a parameter is invalid or names something that does not exist),
 * `failed` (the engine ran the query and it failed), `timeout` (not done
 * within the bounded wait), `throttled` (still throttled after the SDK's
 * retries), `denied` (the credentials may not run it).
 *
 * @public
 */
export type EngineQueryProblem =
  | 'input'
  | 'failed'
  | 'timeout'
  | 'throttled'
  | 'denied';

/**
 * A CloudTrail Lake or Athena footprint query that cannot give a footprint.
 * The message is `field: reason`, in the project's words: raw AWS error
 * text (which may name roles and accounts) is never passed on.
 *
 * @public
 */
export class EngineQueryError extends Error {
  /** The option the problem is about, e.g. `eventDataStore`, `table`, `query`. */
  readonly field: string;
  /** What is wrong, without the field name. */
  readonly reason: string;
  /** The kind of failure, e.g. `input` for a caller error or `timeout`. */
  readonly problem: EngineQueryProblem;

  constructor(options: {
    field: string;
    reason: string;
    problem: EngineQueryProblem;
  }) {
    super(`${options.field}: ${options.reason}`);
    this.name = 'EngineQueryError';
    this.field = options.field;
    this.reason = options.reason;
    this.problem = options.problem;
  }
}

/**
 * An {@link EngineQueryError} about the caller's input (problem `input`).
 *
 * @public
 */
export function engineInputError(field: string, reason: string) {
  return new EngineQueryError({ field, reason, problem: 'input' });
}
