import { EngineQueryError } from './EngineQueryError';

/**
 * How long to wait for an engine query: status reads start `initialDelayMs`
 * apart and back off by doubling up to `maxDelayMs`; after `maxWaitMs` in
 * all the query is given up.
 *
 * @public
 */
export interface EngineWaitOptions {
  /** Default 10 minutes. */
  maxWaitMs?: number;
  /** Default 500 ms. */
  initialDelayMs?: number;
  /** Default 10 s. */
  maxDelayMs?: number;
}

/** What one status read says. */
export type EngineQueryState =
  | { done: false; status: string }
  | { done: true }
  | { done: true; failure: EngineQueryError };

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

/**
 * Reads a query's status until it is done, backing off between reads,
 * for at most `maxWaitMs`. Returns the number of reads; throws the
 * failure the status gave, or a `timeout` {@link EngineQueryError}.
 */
export async function pollEngineQuery(
  read: () => Promise<EngineQueryState>,
  describe: string,
  options: EngineWaitOptions = {},
): Promise<number> {
  const maxWaitMs = options.maxWaitMs ?? 600_000;
  let delay = options.initialDelayMs ?? 500;
  const maxDelay = options.maxDelayMs ?? 10_000;
  const started = Date.now();
  for (let polls = 1; ; polls++) {
    const state = await read();
    if (state.done) {
      if ('failure' in state) throw state.failure;
      return polls;
    }
    const waited = Date.now() - started;
    if (waited >= maxWaitMs) {
      throw new EngineQueryError({
        field: 'maxWaitMs',
        reason: `${describe} still ${state.status} after ${waited} ms (limit ${maxWaitMs} ms); narrow the window or wait longer`,
        problem: 'timeout',
      });
    }
    await sleep(Math.min(delay, maxWaitMs - waited));
    delay = Math.min(delay * 2, maxDelay);
  }
}
