import { Config, readDurationFromConfig } from '@backstage/config';
import { withRetries } from './errors';
import type {
  GovernanceAwsContext,
  GovernanceClientSettings,
} from './GovernanceAwsContext';
import type { GovernanceRateLimiter } from './limits';
import { syncTargets, TargetReadResult } from './runTargets';
import type {
  GovernanceSource,
  GovernanceSyncContext,
  GovernanceSyncReport,
  GovernanceTarget,
} from './types';

/**
 * One AWS call of a target: sends, repeating the whole call (the SDK's own
 * retries included) on retryable failures. Every HTTP attempt takes its
 * rate-limiter token in the client (see {@link limitEveryAttempt}).
 *
 * @public
 */
export type GovernanceCall = <T>(send: () => Promise<T>) => Promise<T>;

/**
 * The {@link GovernanceCall} of a sync run: page-level retries with
 * jittered backoff above the SDK's, stopped by the run's signal.
 *
 * @public
 */
export function governanceCall(signal: AbortSignal): GovernanceCall {
  return <T>(send: () => Promise<T>) => withRetries(send, { signal });
}

/**
 * An AWS SDK v3 middleware of the `finalizeRequest` step, typed by its
 * shape so this package needs no `@smithy/types`.
 *
 * @public
 */
export type GovernanceSdkMiddleware = <Args, Output>(
  next: (args: Args) => Promise<Output>,
  context: { commandName?: string },
) => (args: Args) => Promise<Output>;

/**
 * The part of an AWS SDK v3 client the rate limiter hooks into.
 *
 * @public
 */
export interface GovernanceSdkClient {
  /** Releases the client's connections; called once the target was read. */
  destroy(): void;
  /** The client's middleware stack, where {@link limitEveryAttempt} adds the rate-limit middleware. */
  middlewareStack: {
    addRelativeTo(
      middleware: GovernanceSdkMiddleware,
      options: {
        name: string;
        relation: 'before' | 'after';
        toMiddleware: string;
        override?: boolean;
      },
    ): void;
  };
}

/**
 * Name of the middleware {@link limitEveryAttempt} adds.
 *
 * @public
 */
export const GOVERNANCE_RATE_LIMIT_MIDDLEWARE =
  'regionExpansionGovernanceRateLimit';

/**
 * Makes every HTTP attempt of `client` wait for a token of the limiter for
 * the client's account and Region and the command's operation (e.g.
 * `GetFindingsCommand` takes a `GetFindings` token). The middleware sits
 * right after the SDK's `retryMiddleware` in the `finalizeRequest` step,
 * i.e. inside its retry loop: a retry after throttling is paced like any
 * other request instead of bypassing the limiter.
 *
 * @public
 */
export function limitEveryAttempt(
  client: GovernanceSdkClient,
  limiter: Pick<GovernanceRateLimiter, 'acquire'>,
  target: GovernanceTarget,
  signal: AbortSignal,
): void {
  client.middlewareStack.addRelativeTo(
    (next, context) => async args => {
      const api = context.commandName?.replace(/Command$/, '') ?? '';
      await limiter.acquire(target, api, signal);
      return next(args);
    },
    {
      name: GOVERNANCE_RATE_LIMIT_MIDDLEWARE,
      relation: 'after',
      toMiddleware: 'retryMiddleware',
      override: true,
    },
  );
}

/**
 * Builds an SDK client with the context's settings for a target, every
 * attempt paced by the context's rate limiter ({@link limitEveryAttempt}),
 * hands it to `use` and destroys it afterwards, whatever `use` did.
 *
 * @public
 */
export async function withGovernanceClient<C extends GovernanceSdkClient, R>(
  context: Pick<GovernanceAwsContext, 'clientSettings' | 'rateLimiter'>,
  source: GovernanceSource,
  target: GovernanceTarget,
  signal: AbortSignal,
  create: (settings: GovernanceClientSettings) => C,
  use: (client: C) => Promise<R>,
): Promise<R> {
  const client = create(await context.clientSettings(source, target));
  try {
    limitEveryAttempt(client, context.rateLimiter, target, signal);
    return await use(client);
  } finally {
    client.destroy();
  }
}

/**
 * A provider run where each target is read with its own SDK client: for
 * every target (at the context's concurrency) a client is built with the
 * target's settings (every attempt paced by the rate limiter), `read` gets
 * it with the run's {@link GovernanceCall}, and the client is destroyed
 * afterwards. Outcomes are classified by
 * {@link syncTargets}.
 *
 * @public
 */
export function syncTargetsWithClient<C extends GovernanceSdkClient>(
  context: Pick<
    GovernanceAwsContext,
    'clientSettings' | 'concurrency' | 'rateLimiter'
  >,
  source: GovernanceSource,
  ctx: GovernanceSyncContext,
  create: (settings: GovernanceClientSettings) => C,
  read: (
    client: C,
    call: GovernanceCall,
    target: GovernanceTarget,
  ) => Promise<TargetReadResult>,
): Promise<GovernanceSyncReport> {
  // Replicas pace together through the run's shared slots.
  const paced = {
    clientSettings: context.clientSettings.bind(context),
    rateLimiter: ctx.rateLimitSlots
      ? context.rateLimiter.sharedThrough(ctx.rateLimitSlots)
      : context.rateLimiter,
  };
  return syncTargets(source, ctx, context.concurrency, target =>
    withGovernanceClient(paced, source, target, ctx.signal, create, client =>
      read(client, governanceCall(ctx.signal), target),
    ),
  );
}

/**
 * Reads pages one after the other: `fetch` gets the previous page's token
 * (`undefined` first) until a page has none.
 *
 * @public
 */
export async function* paginate<P>(
  fetch: (nextToken: string | undefined) => Promise<P>,
  nextTokenOf: (page: P) => string | undefined,
): AsyncGenerator<P, void, undefined> {
  let nextToken: string | undefined;
  do {
    const page = await fetch(nextToken);
    yield page;
    nextToken = nextTokenOf(page);
  } while (nextToken);
}

/**
 * Reads the pages of one AWS list operation through the run's
 * {@link GovernanceCall}: `send` gets the previous page's token (`undefined`
 * first) and the options carrying the run's signal, until a page has no
 * `nextToken` (or `NextToken`, as some services spell it).
 *
 * @public
 */
export function callPages<P extends { nextToken?: string; NextToken?: string }>(
  call: GovernanceCall,
  signal: AbortSignal,
  send: (
    nextToken: string | undefined,
    options: { abortSignal: AbortSignal },
  ) => Promise<P>,
): AsyncGenerator<P, void, undefined> {
  return paginate(
    token => call(() => send(token, { abortSignal: signal })),
    page => page.nextToken ?? page.NextToken,
  );
}

/**
 * Reads an optional string setting that must be one of `allowed`; absent
 * gives `fallback`, anything else throws naming the key and the choices.
 *
 * @public
 */
export function readGovernanceChoice<T extends string>(
  config: Config,
  key: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const value = config.getOptionalString(key) ?? fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new Error(`${key} must be ${allowed.join(' or ')}, got ${value}`);
  }
  return value as T;
}

const FIXED_UNITS_MS: Record<string, number> = {
  weeks: 604_800_000,
  days: 86_400_000,
  hours: 3_600_000,
  minutes: 60_000,
  seconds: 1_000,
  milliseconds: 1,
};

/**
 * Reads an optional duration setting in the scheduler's formats (`1h`,
 * `PT1H`, `{ hours: 1 }`) as milliseconds; absent gives `fallbackMs`. Throws
 * `<key>: <reason>` for an unreadable, negative or calendar (months, years)
 * duration.
 *
 * @public
 */
export function readGovernanceDuration(
  config: Config,
  key: string,
  fallbackMs: number,
): number {
  if (!config.has(key)) return fallbackMs;
  let duration: Record<string, number | undefined>;
  try {
    duration = readDurationFromConfig(config, { key }) as Record<
      string,
      number | undefined
    >;
  } catch (error) {
    throw new Error(`${key}: ${(error as Error).message}`);
  }
  let ms = 0;
  for (const [unit, value] of Object.entries(duration)) {
    if (value === undefined) continue;
    const factor = FIXED_UNITS_MS[unit];
    if (factor === undefined)
      throw new Error(
        `${key}: ${unit} have no fixed length; give weeks, days, hours, minutes, seconds or milliseconds`,
      );
    ms += value * factor;
  }
  if (!(ms >= 0)) throw new Error(`${key}: must not be negative`);
  return ms;
}
