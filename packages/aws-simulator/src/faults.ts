import { createRandom } from './random';

/**
 * A token bucket: `ratePerSecond` tokens are added per second up to `burst`.
 *
 * @public
 */
export class TokenBucket {
  readonly #ratePerSecond: number;
  readonly #burst: number;
  readonly #now: () => number;
  #tokens: number;
  #updatedAt: number;

  constructor(options: {
    ratePerSecond: number;
    burst: number;
    now?: () => number;
  }) {
    this.#ratePerSecond = options.ratePerSecond;
    this.#burst = options.burst;
    this.#now = options.now ?? (() => performance.now());
    this.#tokens = options.burst;
    this.#updatedAt = this.#now();
  }

  /** Takes one token if there is one. */
  tryTake(): boolean {
    this.#refill();
    if (this.#tokens >= 1) {
      this.#tokens -= 1;
      return true;
    }
    return false;
  }

  /** Milliseconds until one token is available (0 when one is). */
  waitTimeMs(): number {
    this.#refill();
    return this.#tokens >= 1
      ? 0
      : ((1 - this.#tokens) / this.#ratePerSecond) * 1000;
  }

  #refill() {
    const now = this.#now();
    this.#tokens = Math.min(
      this.#burst,
      this.#tokens + ((now - this.#updatedAt) / 1000) * this.#ratePerSecond,
    );
    this.#updatedAt = now;
  }
}

/**
 * A rate limit of one API operation.
 *
 * @public
 */
export interface OperationRateLimit {
  /** Requests let through per second once the burst is spent (the bucket's refill rate). */
  ratePerSecond: number;
  /** Requests let through back to back before the rate applies; the bucket starts full. */
  burst: number;
}

/**
 * The documented Security Hub limits the simulator models when rate limiting
 * is switched on (GetFindings: 3 requests per second, burst 6, per account and
 * Region). Other operations are not limited unless given.
 *
 * @public
 */
export const DEFAULT_RATE_LIMITS: Readonly<Record<string, OperationRateLimit>> =
  {
    GetFindings: { ratePerSecond: 3, burst: 6 },
    GetFindingsV2: { ratePerSecond: 3, burst: 6 },
  };

/**
 * Fault knobs. Mutable: a test may change them while a server runs.
 *
 * @public
 */
export interface AwsSimulatorFaults {
  /** Percent of requests answered with the service's throttling error. */
  throttlePercent?: number;
  /** Percent of requests answered with a 500/503. */
  serverErrorPercent?: number;
  /** Added latency per request in milliseconds. */
  latencyMs?: number;
  /** Percent of successful responses whose body is cut off (malformed). */
  malformedPercent?: number;
  /** Accounts whose requests (as caller or as filtered target) are denied. */
  accessDeniedAccounts?: string[];
  /** Accounts where Audit Manager is not set up (`AccessDeniedException`: not registered). */
  auditManagerUnregisteredAccounts?: string[];
  /**
   * Accounts whose Audit Manager status reads ACTIVE while every other call
   * is refused (`AccessDeniedException`: not subscribed).
   */
  auditManagerNotSubscribedAccounts?: string[];
  /** Rate limits per operation, per account + Region; `true` uses {@link DEFAULT_RATE_LIMITS}. */
  rateLimits?: boolean | Record<string, OperationRateLimit>;
  /** Seed of the fault dice, for reproducible runs; default 1. */
  seed?: number;
}

/**
 * Decides, per request, which fault (if any) applies.
 *
 * @public
 */
export class FaultInjector {
  /**
   * The knobs, read on every request: change them in place to change the
   * faults of a running server (`seed` is only read by the constructor).
   */
  readonly faults: AwsSimulatorFaults;
  readonly #random: () => number;
  readonly #buckets = new Map<string, TokenBucket>();
  /** Requests seen per operation, for tests and benchmarks. */
  readonly requestCounts = new Map<string, number>();
  /** Requests throttled by the modelled rate limits. */
  rateLimited = 0;

  constructor(faults: AwsSimulatorFaults = {}) {
    this.faults = faults;
    this.#random = createRandom(faults.seed ?? 1);
  }

  /** Counts a request of an operation. */
  count(operation: string) {
    this.requestCounts.set(
      operation,
      (this.requestCounts.get(operation) ?? 0) + 1,
    );
  }

  /** Total requests seen. */
  get totalRequests(): number {
    let total = 0;
    for (const n of this.requestCounts.values()) total += n;
    return total;
  }

  /** Whether to throttle this request: `true` with probability `throttlePercent` %. */
  rollThrottle(): boolean {
    return this.#roll(this.faults.throttlePercent);
  }

  /**
   * Whether to answer this request with a server error: `true` with probability
   * `serverErrorPercent` %.
   */
  rollServerError(): boolean {
    return this.#roll(this.faults.serverErrorPercent);
  }

  /** Whether to cut off this successful response: `true` with probability `malformedPercent` %. */
  rollMalformed(): boolean {
    return this.#roll(this.faults.malformedPercent);
  }

  /** Whether an account is in `accessDeniedAccounts`; `false` for `undefined`. */
  isDenied(accountId: string | undefined): boolean {
    return (
      !!accountId &&
      (this.faults.accessDeniedAccounts ?? []).includes(accountId)
    );
  }

  /** Whether the modelled rate limit of an operation lets this request through. */
  admit(accountId: string, region: string, operation: string): boolean {
    const configured = this.faults.rateLimits;
    if (!configured) return true;
    const limits = configured === true ? DEFAULT_RATE_LIMITS : configured;
    const limit = limits[operation];
    if (!limit) return true;
    const key = `${accountId}/${region}/${operation}`;
    let bucket = this.#buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket(limit);
      this.#buckets.set(key, bucket);
    }
    if (bucket.tryTake()) return true;
    this.rateLimited += 1;
    return false;
  }

  #roll(percent: number | undefined): boolean {
    return !!percent && this.#random() * 100 < percent;
  }
}

/**
 * Fault knobs with every fault off, as each test starts.
 *
 * @public
 */
export function quietFaults(): AwsSimulatorFaults {
  return {
    throttlePercent: 0,
    serverErrorPercent: 0,
    malformedPercent: 0,
    latencyMs: 0,
    accessDeniedAccounts: [],
    auditManagerUnregisteredAccounts: [],
    auditManagerNotSubscribedAccounts: [],
    rateLimits: false,
  };
}
