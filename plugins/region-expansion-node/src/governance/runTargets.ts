import type { GovernanceReasonKind } from '@region-expansion/plugin-region-expansion-common';
import { classifyAwsError } from './errors';
import { mapWithConcurrency } from './limits';
import { reasonKindOfFailure } from './reasons';
import type {
  GovernanceCoverage,
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
 * `reason` goes to the backend log; readers get the sentence of `kind`
 * (default `not-enabled` for `unavailable`, `unknown-error` for `failed`).
 *
 * @public
 */
export type TargetReadResult =
  | {
      status: 'ok';
      pages: number;
      rows: number;
      /** Regions this read proved the source watches; see {@link GovernanceCoverage}. */
      coverage: GovernanceCoverage;
    }
  | {
      status: 'unavailable' | 'failed';
      reason: string;
      kind?: GovernanceReasonKind;
    };

/**
 * Runs `read` for every target with a concurrency limit. A failing target
 * becomes a `failed` outcome with its reason and the reason's class (its
 * previous data stays); an abort stops remaining targets and is reported as
 * their failure (`interrupted`). Reasons are not logged here: the backend
 * logs them once, with every provider's outcomes.
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
        reasonKind: 'interrupted',
        pages: 0,
        rows: 0,
      };
    }
    try {
      const result = await read(target);
      if (result.status !== 'ok') {
        return {
          target,
          status: result.status,
          reason: result.reason,
          reasonKind:
            result.kind ??
            (result.status === 'unavailable' ? 'not-enabled' : 'unknown-error'),
          pages: 0,
          rows: 0,
        };
      }
      return {
        target,
        status: 'ok',
        pages: result.pages,
        rows: result.rows,
        coverage: result.coverage,
      };
    } catch (error) {
      const failure = classifyAwsError(error, ctx.signal);
      return {
        target,
        status: 'failed',
        reason:
          failure.kind === 'aborted'
            ? `aborted: ${failure.reason}`
            : failure.reason,
        reasonKind: reasonKindOfFailure(failure.kind),
        pages: 0,
        rows: 0,
      };
    }
  });
  return { source, outcomes };
}
