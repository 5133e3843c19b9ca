import type {
  GovernanceFindingRow,
  GovernanceSource,
} from '@region-expansion/plugin-region-expansion-node';
import type {
  GovernanceGroupBy,
  GovernanceSummaryGroup,
} from '@region-expansion/plugin-region-expansion-common';
import { GovernanceFilter } from './governanceFilter';
import { GovernanceFindingsCommit } from './GovernanceSyncStateStore';

// The wire types of the summary, declared once with their schemas in the
// common package.
export type { GovernanceGroupBy, GovernanceSummaryGroup };

/**
 * Which page of findings to read: `limit` rows after the keyset `after`
 * (source, finding id), or `offset` rows in.
 *
 * @public
 */
export interface FindingsPageRequest {
  limit: number;
  offset?: number;
  after?: string[];
}

/**
 * A page of findings, how many match in all, and the key of the page's
 * last row when more rows follow.
 *
 * @public
 */
export interface FindingsPage {
  items: GovernanceFindingRow[];
  total: number;
  nextKey?: string[];
}

/**
 * Security Hub findings, upserted by natural key, with their rollups (counts
 * per group) kept in step on every write.
 *
 * @public
 */
export interface GovernanceFindingStore {
  /**
   * Upserts findings by (source, finding id) and moves their rollup counts
   * from the old groups to the new ones in the same transaction; with
   * `commit`, the target's cursor and progress are written in the last
   * chunk's transaction, so a run killed midway resumes exactly after the
   * stored rows. Re-running the same rows changes nothing.
   */
  upsertFindings(
    source: GovernanceSource,
    rows: GovernanceFindingRow[],
    commit?: GovernanceFindingsCommit,
  ): Promise<void>;
  /** Counts of findings per group, from the rollups where they can answer. */
  summary(
    groupBy: GovernanceGroupBy,
    filter?: GovernanceFilter,
  ): Promise<GovernanceSummaryGroup[]>;
  /**
   * The stored rollup rows with a non-zero count next to the rows recomputed
   * from the findings table, both in key order (consistency checks).
   */
  verifyRollups(): Promise<{
    stored: Array<Record<string, string | number>>;
    expected: Array<Record<string, string | number>>;
  }>;
  /**
   * A page of findings ordered by source and id: after the keyset `after`
   * (source, finding id), or `offset` rows in. `nextKey` is the key of the
   * page's last row when more rows follow.
   */
  listFindings(
    filter: GovernanceFilter,
    page: FindingsPageRequest,
  ): Promise<FindingsPage>;
  /** Every finding matching the filter, in batches (for exports). */
  streamFindings(
    filter: GovernanceFilter,
    batchSize?: number,
  ): AsyncGenerator<Array<GovernanceFindingRow & { source: string }>>;
}
