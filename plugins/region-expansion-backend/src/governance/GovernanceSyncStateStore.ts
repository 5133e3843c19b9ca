import type {
  GovernanceSource,
  GovernanceTarget,
  GovernanceTargetOutcome,
} from '@region-expansion/plugin-region-expansion-node';
import type { GovernanceFreshness } from '@region-expansion/plugin-region-expansion-common';
import { GovernanceFilter } from './governanceFilter';

/**
 * The Regions one source proved it watches from one target, as its last
 * successful run reported them.
 *
 * @public
 */
export interface GovernanceTargetCoverage {
  source: string;
  partition: string;
  accountId: string;
  /** Region of the target. */
  region: string;
  /** What the source watches from this target, one sentence; absent when the provider reported no coverage. */
  scope?: string;
  /** Regions proved, with how. */
  proofs: Array<{ region: string; method: string; detail: string }>;
}

// The wire type, declared once with its schema in the common package.
export type { GovernanceFreshness };

/**
 * Where a page of findings leaves the sync of its target: the cursor and the
 * progress counters, written in the same transaction as the rows.
 *
 * @public
 */
export interface GovernanceFindingsCommit {
  target: GovernanceTarget;
  /** The target's cursor after these rows (absent: left as is). */
  cursor?: string;
  /** Progress counters of the running target after these rows. */
  progress?: { pages: number; rows: number };
}

/**
 * Per source and target: where its sync stands (running, ok, stale with a
 * fixed reason), its cursor and progress, and the Regions its last good
 * run proved the source watches (coverage).
 *
 * @public
 */
export interface GovernanceSyncStateStore {
  /** The target's stored cursor, if any. */
  getCursor(
    source: GovernanceSource,
    target: GovernanceTarget,
  ): Promise<string | undefined>;
  /** Stores the target's cursor. */
  setCursor(
    source: GovernanceSource,
    target: GovernanceTarget,
    cursor: string,
  ): Promise<void>;
  /** Marks targets as running (keeps their data, cursor and last success). */
  markRunning(
    source: GovernanceSource,
    targets: GovernanceTarget[],
    at: string,
  ): Promise<void>;
  /** Records progress counters of a running target. */
  recordProgress(
    source: GovernanceSource,
    target: GovernanceTarget,
    progress: { pages: number; rows: number },
  ): Promise<void>;
  /**
   * Records how a target's run ended; a failure keeps the data and marks it
   * stale. The stored reason is the fixed sentence of the outcome's
   * `reasonKind` (`unknown-error` for a failure without one, `not-enabled`
   * for an unavailable service), never `outcome.reason`: that may hold the
   * AWS error text, which the sync service logs instead. An `ok` outcome
   * replaces the target's coverage with the one it reports (none when it
   * reports none); an `unavailable` one removes it; a `failed` one keeps
   * the last good run's.
   */
  recordOutcome(
    source: GovernanceSource,
    outcome: GovernanceTargetOutcome,
    at: string,
  ): Promise<void>;
  /**
   * Coverage of every target of the filter that has a sync state: its
   * scope sentence and the Regions it proved, in target order.
   */
  coverage(
    filter?: Pick<GovernanceFilter, 'partition' | 'source' | 'scope'>,
  ): Promise<GovernanceTargetCoverage[]>;
  /** Sync state of every source and target. */
  freshness(
    filter?: Pick<GovernanceFilter, 'partition' | 'source' | 'scope'>,
  ): Promise<GovernanceFreshness[]>;
}
