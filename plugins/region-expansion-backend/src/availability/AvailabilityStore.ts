import type { LiveAvailability } from '@region-expansion/plugin-region-expansion-node';

/**
 * What started a live availability refresh.
 *
 * @public
 */
export type AvailabilityRefreshTrigger = 'scheduled' | 'manual';

/**
 * A partition a refresh did not read, and why (no account configured for
 * it: it is never read with another partition's account).
 *
 * @public
 */
export interface AvailabilitySkippedPartition {
  partition: string;
  reason: string;
}

/**
 * A live availability refresh to store.
 *
 * @public
 */
export interface NewAvailabilityRefresh {
  /** The live data, dated with its `fetchedAt`. */
  live: LiveAvailability;
  /** Partition ids read. */
  partitions: string[];
  /** Partitions asked for but not read. */
  skipped: AvailabilitySkippedPartition[];
  trigger: AvailabilityRefreshTrigger;
  /** User entity ref, or `scheduler`. */
  requestedBy: string;
  /** Pages read. */
  pagesOk: number;
  /** Pages that failed (each listed in `live.failures`). */
  pagesFailed: number;
}

/**
 * A stored live availability refresh.
 *
 * @public
 */
export interface StoredAvailabilityRefresh extends NewAvailabilityRefresh {
  id: number;
}

/**
 * The lease of the running live availability refresh: whoever holds it
 * refreshes; every other replica gets a conflict until it is released or
 * expires.
 *
 * @public
 */
export interface AvailabilityRefreshLease {
  /** Random id of the refresh holding the lease. */
  holder: string;
  /** User entity ref, or `scheduler`. */
  requestedBy: string;
  acquiredAt: string;
  expiresAt: string;
}

/**
 * Outcome of {@link AvailabilityStore.acquireRefreshLease}: taken, or the
 * lease someone else holds.
 *
 * @public
 */
export type AvailabilityRefreshLeaseOutcome =
  | { acquired: true }
  | { acquired: false; lease: AvailabilityRefreshLease };

/**
 * Every live availability refresh, dated, with its page outcomes, and the
 * lease that lets one refresh run at a time across replicas. Refreshes are
 * never changed, so the latest refresh is the newest one.
 *
 * @public
 */
export interface AvailabilityStore {
  /** Stores a refresh; the failed pages stay listed next to the kept ones. */
  add(refresh: NewAvailabilityRefresh): Promise<StoredAvailabilityRefresh>;
  /**
   * Takes the refresh lease for `holder` until `now + durationMs`, atomically
   * across replicas: inserted when there is none, taken over when the
   * current one expired before `now` (its holder crashed), else refused
   * with the lease that is held. Each statement is atomic on SQLite and
   * PostgreSQL; reading the row back tells which of several takers won.
   */
  acquireRefreshLease(options: {
    holder: string;
    requestedBy: string;
    now: Date;
    durationMs: number;
  }): Promise<AvailabilityRefreshLeaseOutcome>;
  /**
   * Extends `holder`'s lease to `now + durationMs`; false when it no longer
   * holds it (it expired and another replica took over).
   */
  renewRefreshLease(
    holder: string,
    now: Date,
    durationMs: number,
  ): Promise<boolean>;
  /** Gives up `holder`'s lease; nothing when another holds it. */
  releaseRefreshLease(holder: string): Promise<void>;
  /** The lease held at `now`, if any (an expired one is not). */
  activeRefreshLease(now: Date): Promise<AvailabilityRefreshLease | undefined>;
  /**
   * The newest refresh (by fetch time, then id), if any; with
   * `withPagesRead`, the newest that read at least one page.
   */
  latest(options?: {
    withPagesRead?: boolean;
  }): Promise<StoredAvailabilityRefresh | undefined>;
}
