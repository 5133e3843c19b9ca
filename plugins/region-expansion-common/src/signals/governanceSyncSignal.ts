/**
 * Signals channel on which the backend announces governance sync progress;
 * the governance page re-reads the sync state on each message.
 *
 * @public
 */
export const GOVERNANCE_SYNC_SIGNAL_CHANNEL =
  'region-expansion:governance-sync';

/**
 * A governance sync progress signal. It is broadcast, so it names only the
 * source and the phase: readers fetch the details through the
 * permission-checked API.
 *
 * @public
 */
export type GovernanceSyncSignal = {
  source: string;
  phase: 'started' | 'progress' | 'finished';
};
