import { classifyAwsError } from './errors';
import { mapWithConcurrency } from './limits';
import type {
  GovernanceSource,
  GovernanceSyncContext,
  GovernanceSyncReport,
  GovernanceTarget,
  GovernanceTargetOutcome,
} from './types';

/**
 * What one target's read returns: pages and rows read, a stated reason why
 * the service is not available there, or a stated reason why this run could
 * not read it (`failed`: the target's previous data stays, marked stale).
 *
 * @public
 */
export type TargetReadResult =
  | { status: 'ok'; pages: number; rows: number }
  | { status: 'unavailable' | 'failed'; reason: string };

/**
 * Runs `read` for every target with a concurrency limit. A failing target
 * becomes a `failed` outcome with its reason (its previous data stays); an
 * abort stops remaining targets and is reported as their failure.
 *
 * @public
 */
export async function syncTargets(
  source: GovernanceSource,
  ctx: GovernanceSyncContext,
  concurrency: number,
  read: (target: GovernanceTarget) => Promise<TargetReadResult>,
): Promise<GovernanceSyncReport> {
  const outcomes = await mapWithConcurrency<
    GovernanceTarget,
    GovernanceTargetOutcome
  >(ctx.targets, concurrency, async target => {
    if (ctx.signal.aborted) {
      return {
        target,
        status: 'failed',
        reason: 'aborted before it started',
        pages: 0,
        rows: 0,
      };
    }
    try {
      const result = await read(target);
      if (result.status !== 'ok') {
        if (result.status === 'failed')
          ctx.logger.warn(
            `Governance source ${source} is stale for ${target.partition}/${target.accountId}/${target.region}: ${result.reason}`,
          );
        return {
          target,
          status: result.status,
          reason: result.reason,
          pages: 0,
          rows: 0,
        };
      }
      return { target, status: 'ok', pages: result.pages, rows: result.rows };
    } catch (error) {
      const failure = classifyAwsError(error, ctx.signal);
      ctx.logger.warn(
        `Governance source ${source} failed for ${target.partition}/${target.accountId}/${target.region}: ${failure.reason}`,
      );
      return {
        target,
        status: 'failed',
        reason:
          failure.kind === 'aborted'
            ? `aborted: ${failure.reason}`
            : failure.reason,
        pages: 0,
        rows: 0,
      };
    }
  });
  return { source, outcomes };
}
