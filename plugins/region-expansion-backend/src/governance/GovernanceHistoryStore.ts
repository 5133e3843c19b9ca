import type { GovernanceFilter } from './governanceFilter';
import type { GovernanceSource } from '@region-expansion/plugin-region-expansion-node';
import type { GovernanceHistoryPoint } from '@region-expansion/plugin-region-expansion-common';
import { GovernanceKeysetPage } from './GovernanceSnapshotStore';

/**
 * One day of a source's finding totals in a partition: the wire type
 * `GovernanceHistoryPoint`, declared with its schema in the common package.
 *
 * @public
 */
export type GovernanceHistoryRow = GovernanceHistoryPoint;

/**
 * A daily point per source and partition: active findings, failed ones,
 * failed critical or high ones, and stale targets, as a sync left them.
 *
 * @public
 */
export interface GovernanceHistoryStore {
  /** Writes (or overwrites) today's history point per partition of a source. */
  recordHistory(source: GovernanceSource, day: string): Promise<void>;
  /** Every history point, by day, source and partition. */
  history(
    filter?: Pick<GovernanceFilter, 'partition' | 'source' | 'scope'>,
  ): Promise<GovernanceHistoryRow[]>;
  /**
   * A page of history points from `since` (a day, inclusive), by day,
   * source and partition, after the keyset `after`.
   */
  pageHistory(
    filter: Pick<GovernanceFilter, 'partition' | 'source' | 'scope'> & {
      since?: string;
    },
    page: { limit: number; after?: string[] },
  ): Promise<GovernanceKeysetPage<GovernanceHistoryRow>>;
}
