import type { Config } from '@backstage/config';
import { withRetries } from './errors';
import type {
  GovernanceAwsContext,
  GovernanceClientSettings,
} from './GovernanceAwsContext';
import { syncTargets, TargetReadResult } from './runTargets';
import type {
  GovernanceSource,
  GovernanceSyncContext,
  GovernanceSyncReport,
  GovernanceTarget,
} from './types';

/**
 * One AWS call of a target: waits for the rate limiter's token of `api`,
 * then sends, retrying retryable failures.
 *
 * @public
 */
export type GovernanceCall = <T>(
  api: string,
  send: () => Promise<T>,
) => Promise<T>;

/**
 * The {@link GovernanceCall} of a target (or of the account and Region a
 * target is read through, such as an aggregator's) under the context's
 * shared rate limiter.
 *
 * @public
 */
export function governanceCall(
  context: Pick<GovernanceAwsContext, 'rateLimiter'>,
  target: GovernanceTarget,
  signal: AbortSignal,
): GovernanceCall {
  return <T>(api: string, send: () => Promise<T>) =>
    withRetries(
      async () => {
        await context.rateLimiter.acquire(target, api, signal);
        return send();
      },
      { signal },
    );
}

/**
 * Builds an SDK client with the context's settings for a target, hands it to
 * `use` and destroys it afterwards, whatever `use` did.
 *
 * @public
 */
export async function withGovernanceClient<C extends { destroy(): void }, R>(
  context: Pick<GovernanceAwsContext, 'clientSettings'>,
  source: GovernanceSource,
  target: GovernanceTarget,
  create: (settings: GovernanceClientSettings) => C,
  use: (client: C) => Promise<R>,
): Promise<R> {
  const client = create(await context.clientSettings(source, target));
  try {
    return await use(client);
  } finally {
    client.destroy();
  }
}

/**
 * A provider run where each target is read with its own SDK client: for
 * every target (at the context's concurrency) a client is built with the
 * target's settings, `read` gets it with the target's {@link GovernanceCall},
 * and the client is destroyed afterwards. Outcomes are classified by
 * {@link syncTargets}.
 *
 * @public
 */
export function syncTargetsWithClient<C extends { destroy(): void }>(
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
  return syncTargets(source, ctx, context.concurrency, target =>
    withGovernanceClient(context, source, target, create, client =>
      read(client, governanceCall(context, target, ctx.signal), target),
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
