/**
 * Rate and concurrency limits for calls to AWS APIs.
 */

/**
 * A rate limit: tokens per second and burst size.
 *
 * @public
 */
export interface RateLimit {
  /** Sustained requests per second the server allows, per account, Region and API. */
  ratePerSecond: number;
  /** Requests the server accepts at once (its bucket size); at least 1. */
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

/**
 * Waits, or rejects when the signal aborts.
 *
 * @public
 */
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
 * Options of {@link GovernanceRateLimiter}.
 *
 * @public
 */
export interface GovernanceRateLimiterOptions {
  /**
   * Fraction of a limit's rate the limiter paces at; default 0.95. Below 1 the
   * server's bucket regains `(1 - margin) × rate` tokens per second of
   * headroom.
   */
  safetyMargin?: number;
  /**
   * Tokens of a limit's burst never spent by the limiter; default 1 (the
   * limiter's burst is at least 1). They absorb requests that reach the
   * server closer together than they left (event-loop stalls, connection
   * set-up, SDK middleware): with rate `r`, burst `b`, margin `m` and reserve
   * `k`, arrivals delayed by anything between 0 and `k / (m × r)` seconds
   * (351 ms at 3 req/s) still fit the server's `(r, b)` bucket.
   */
  burstReserve?: number;
  /** Monotonic clock in milliseconds; default `performance.now()`. */
  now?: () => number;
  /** Waits `ms` milliseconds (or rejects on abort); default {@link sleep}. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /**
   * Where send times are reserved; absent: in this process. Backend replicas
   * pass one store shared through their database so that together they stay
   * within each limit.
   */
  slots?: GovernanceRateLimitSlots;
}

/**
 * Pacing of one limit: interval between requests and how far ahead of its
 * theoretical arrival time a request may go (the burst).
 *
 * @public
 */
export interface GovernanceRatePacing {
  /** Milliseconds between requests at the paced sustained rate. */
  intervalMs: number;
  /** How far ahead of its turn a request may go: (burst - 1) × interval. */
  toleranceMs: number;
}

/**
 * Send-time reservations shared by every process that calls the same
 * accounts: `reserve` runs one step of the limiter's schedule (GCRA)
 * atomically for `key` on the store's own clock and resolves with the
 * milliseconds the caller waits before sending. A reserved slot is never
 * given back (an aborted call only leaves a gap).
 *
 * @public
 */
export interface GovernanceRateLimitSlots {
  /**
   * Reserves the next send time of `key` (account, Region and API) under
   * `pacing`; resolves with the milliseconds to wait before sending.
   */
  reserve(key: string, pacing: GovernanceRatePacing): Promise<number>;
}

/**
 * One GCRA step: with the key's theoretical arrival time `tat` (or none) at
 * `now`, the new `tat` and how long the caller waits. The schedule is the
 * token bucket's: `toleranceMs / intervalMs + 1` calls at once, then one per
 * interval.
 *
 * @public
 */
export function nextRateSlot(
  tat: number | undefined,
  now: number,
  pacing: GovernanceRatePacing,
): { tat: number; waitMs: number } {
  const due = Math.max(tat ?? -Infinity, now);
  return {
    tat: due + pacing.intervalMs,
    waitMs: Math.max(0, due - pacing.toleranceMs - now),
  };
}

type Pacing = GovernanceRatePacing;

/**
 * Paces calls per account + Region + API so they never exceed the server's
 * token bucket: a token bucket of `safetyMargin × rate` and
 * `burst - burstReserve`, implemented as virtual scheduling (GCRA) on a monotonic
 * clock. Each `acquire` is given its send time when it is called (first come,
 * first served, no polling): `max(now, tat - tolerance)`, where `tat` (the
 * theoretical arrival time) then moves on by one interval. The schedule is
 * exactly the token bucket's: `burst - burstReserve` calls at once, then one
 * every `1000 / (safetyMargin × rate)` ms. The SDK's retries stay the
 * fallback for the rare throttle.
 *
 * @public
 */
export class GovernanceRateLimiter {
  readonly #limits: Record<string, RateLimit>;
  readonly #margin: number;
  readonly #reserve: number;
  readonly #now: () => number;
  readonly #sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly #tat = new Map<string, number>();
  readonly #pacing = new Map<string, Pacing | undefined>();
  readonly #slots?: GovernanceRateLimitSlots;

  constructor(
    limits: Record<string, RateLimit> = DEFAULT_GOVERNANCE_RATE_LIMITS,
    options: GovernanceRateLimiterOptions = {},
  ) {
    const margin = options.safetyMargin ?? 0.95;
    const reserve = options.burstReserve ?? 1;
    if (!(margin > 0 && margin <= 1))
      throw new Error(`safetyMargin must be in (0, 1], got ${margin}`);
    if (!(reserve >= 0))
      throw new Error(`burstReserve must be >= 0, got ${reserve}`);
    this.#limits = limits;
    this.#margin = margin;
    this.#reserve = reserve;
    this.#now = options.now ?? (() => performance.now());
    this.#sleep = options.sleep ?? sleep;
    this.#slots = options.slots;
  }

  /**
   * The same limits, margin and reserve with send times reserved in `slots`
   * (shared by backend replicas) instead of in this process.
   */
  sharedThrough(slots: GovernanceRateLimitSlots): GovernanceRateLimiter {
    return new GovernanceRateLimiter(this.#limits, {
      safetyMargin: this.#margin,
      burstReserve: this.#reserve,
      now: this.#now,
      sleep: this.#sleep,
      slots,
    });
  }

  #pacingOf(api: string): Pacing | undefined {
    if (this.#pacing.has(api)) return this.#pacing.get(api);
    const limit = this.#limits[api];
    let pacing: Pacing | undefined;
    if (limit && Number.isFinite(limit.ratePerSecond)) {
      if (!(limit.ratePerSecond > 0 && limit.burst >= 1))
        throw new Error(
          `rate limit of ${api} needs ratePerSecond > 0 and burst >= 1`,
        );
      const intervalMs = 1000 / (limit.ratePerSecond * this.#margin);
      const burst = Math.max(1, Math.floor(limit.burst - this.#reserve));
      pacing = { intervalMs, toleranceMs: (burst - 1) * intervalMs };
    }
    this.#pacing.set(api, pacing);
    return pacing;
  }

  /** Waits until a call of `api` for the account and Region may go out. */
  async acquire(
    target: { accountId: string; region: string },
    api: string,
    signal?: AbortSignal,
  ): Promise<void> {
    const pacing = this.#pacingOf(api);
    if (!pacing) return;
    if (signal?.aborted) throw abortError(signal);
    const key = `${target.accountId}/${target.region}/${api}`;
    if (this.#slots) {
      const waitMs = await this.#slots.reserve(key, pacing);
      // The wait counts from when the reservation came back: the request
      // leaves no earlier than the store's schedule says.
      await this.#wait(this.#now(), waitMs, signal);
      return;
    }
    const now = this.#now();
    const tat = this.#tat.get(key);
    const { tat: next, waitMs } = nextRateSlot(tat, now, pacing);
    this.#tat.set(key, next);
    try {
      await this.#wait(now, waitMs, signal);
    } catch (error) {
      // An aborted call gives its slot back when no later call took one.
      if (this.#tat.get(key) === next) {
        if (tat === undefined) this.#tat.delete(key);
        else this.#tat.set(key, tat);
      }
      throw error;
    }
  }

  /** Waits `waitMs` from the clock's reading `from`. */
  async #wait(from: number, waitMs: number, signal?: AbortSignal) {
    // Timers may fire a little early against the monotonic clock: wait
    // until the clock has reached the send time.
    const sendAt = from + waitMs;
    for (let wait = waitMs; wait > 0; wait = sendAt - this.#now()) {
      await this.#sleep(Math.ceil(wait), signal);
    }
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
