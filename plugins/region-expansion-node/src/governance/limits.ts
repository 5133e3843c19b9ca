/**
 * Rate and concurrency limits for calls to AWS APIs.
 */

/**
 * A rate limit: tokens per second and burst size.
 *
 * @public
 */
export interface RateLimit {
  ratePerSecond: number;
  burst: number;
}

/**
 * Documented Security Hub limits: GetFindings 3 requests per second with a
 * burst of 6, per account and Region.
 *
 * @public
 */
export const DEFAULT_GOVERNANCE_RATE_LIMITS: Readonly<
  Record<string, RateLimit>
> = {
  GetFindings: { ratePerSecond: 3, burst: 6 },
  GetFindingsV2: { ratePerSecond: 3, burst: 6 },
};

function abortError(signal: AbortSignal): Error {
  return signal.reason instanceof Error
    ? signal.reason
    : new Error('The sync was aborted');
}

/** Waits, or rejects when the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortError(signal));
      return;
    }
    let timer: ReturnType<typeof setTimeout> | undefined = undefined;
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal!));
    };
    timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Token buckets per key (account + Region + API); `acquire` waits for a token.
 *
 * @public
 */
export class GovernanceRateLimiter {
  readonly #limits: Record<string, RateLimit>;
  readonly #buckets = new Map<
    string,
    { tokens: number; at: number; queue: Promise<void> }
  >();

  constructor(
    limits: Record<string, RateLimit> = DEFAULT_GOVERNANCE_RATE_LIMITS,
  ) {
    this.#limits = limits;
  }

  /** Waits until a call of `api` for the account and Region may go out. */
  async acquire(
    target: { accountId: string; region: string },
    api: string,
    signal?: AbortSignal,
  ): Promise<void> {
    const limit = this.#limits[api];
    if (!limit) return;
    const key = `${target.accountId}/${target.region}/${api}`;
    let bucket = this.#buckets.get(key);
    if (!bucket) {
      bucket = {
        tokens: limit.burst,
        at: performance.now(),
        queue: Promise.resolve(),
      };
      this.#buckets.set(key, bucket);
    }
    const state = bucket;
    const turn = state.queue.then(async () => {
      for (;;) {
        const now = performance.now();
        state.tokens = Math.min(
          limit.burst,
          state.tokens + ((now - state.at) / 1000) * limit.ratePerSecond,
        );
        state.at = now;
        if (state.tokens >= 1) {
          state.tokens -= 1;
          return;
        }
        await sleep(
          Math.ceil(((1 - state.tokens) / limit.ratePerSecond) * 1000),
          signal,
        );
      }
    });
    state.queue = turn.catch(() => undefined);
    await turn;
  }
}

/**
 * Runs `fn` over items with at most `limit` at a time, in order of items.
 *
 * @public
 */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const workers = Array.from(
    { length: Math.max(1, Math.min(limit, items.length)) },
    async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await fn(items[index], index);
      }
    },
  );
  await Promise.all(workers);
  return results;
}
