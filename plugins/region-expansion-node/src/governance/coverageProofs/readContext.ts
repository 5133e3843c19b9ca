import type {
  GovernanceAwsContext,
  GovernanceClientSettings,
  GovernancePartitionTargets,
} from '../GovernanceAwsContext';
import {
  governanceCall,
  GovernanceSdkClient,
  withGovernanceClient,
} from '../providerCalls';
import type { GovernanceSource } from '../types';
import type { CoverageFindings } from './types';

/**
 * What a coverage proof reads with: the configured accounts of the
 * Region's partition (credentials, endpoints, retries and the rate
 * limiter of the governance context) and the run's abort signal.
 *
 * @public
 */
export interface CoverageReadContext {
  /** The governance AWS context (never a request's choice of account). */
  aws: Pick<GovernanceAwsContext, 'clientSettings' | 'rateLimiter'>;
  /** The partition's configured targets: accounts and home Region. */
  targets: GovernancePartitionTargets;
  /** Stops the reads. */
  signal: AbortSignal;
}

/**
 * Sends `send` with an SDK client of `accountId` in `region`, built with
 * the context's settings, every attempt paced and repeated on retryable
 * failures like a sync's reads.
 */
export function sendAs<C extends GovernanceSdkClient, T>(
  ctx: CoverageReadContext,
  source: GovernanceSource,
  where: { accountId: string; region: string },
  create: (settings: GovernanceClientSettings) => C,
  send: (client: C, options: { abortSignal: AbortSignal }) => Promise<T>,
): Promise<T> {
  const call = governanceCall(ctx.signal);
  return withGovernanceClient(
    ctx.aws,
    source,
    { partition: ctx.targets.partition, ...where },
    ctx.signal,
    create,
    client => call(() => send(client, { abortSignal: ctx.signal })),
  );
}

/**
 * Reads one source's coverage findings of a Region.
 *
 * @public
 */
export type CoverageReader = (
  ctx: CoverageReadContext,
  region: string,
) => Promise<CoverageFindings>;
