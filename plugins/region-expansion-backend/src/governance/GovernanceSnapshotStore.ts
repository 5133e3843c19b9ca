import type {
  AuditControlRow,
  ConformanceScoreRow,
  GovernanceTarget,
  ResilienceAppRow,
} from '@region-expansion/plugin-region-expansion-node';
import { GovernanceFilter } from './governanceFilter';

/**
 * One page of a keyset-paged read; `nextKey` is the key of the page's last
 * row when more rows follow.
 *
 * @public
 */
export interface GovernanceKeysetPage<T> {
  items: T[];
  nextKey?: string[];
}

/**
 * The snapshot sources: each target's whole set of Resilience Hub apps,
 * Audit Manager controls and AWS Config conformance pack scores, replaced
 * by every successful run. Reads are scoped by partition, Region and
 * account; other filters do not apply.
 *
 * @public
 */
export interface GovernanceSnapshotStore {
  /** Replaces the Resilience Hub apps of a target. */
  replaceResilienceApps(
    target: GovernanceTarget,
    rows: ResilienceAppRow[],
  ): Promise<void>;
  /** Replaces the Audit Manager controls of a target. */
  replaceAuditControls(
    target: GovernanceTarget,
    rows: AuditControlRow[],
  ): Promise<void>;
  /** Replaces the conformance pack scores of a target. */
  replaceConformanceScores(
    target: GovernanceTarget,
    rows: ConformanceScoreRow[],
  ): Promise<void>;

  /** Every Resilience Hub app in the scope, ordered by ARN. */
  listResilienceApps(filter?: GovernanceFilter): Promise<ResilienceAppRow[]>;
  /** A page of {@link GovernanceSnapshotStore.listResilienceApps}, after the keyset `after` (ARN). */
  pageResilienceApps(
    filter: GovernanceFilter,
    page: { limit: number; after?: string[] },
  ): Promise<GovernanceKeysetPage<ResilienceAppRow>>;
  /** Every Audit Manager control in the scope, by assessment, control set and control. */
  listAuditControls(filter?: GovernanceFilter): Promise<AuditControlRow[]>;
  /** A page of {@link GovernanceSnapshotStore.listAuditControls}, after the keyset `after`. */
  pageAuditControls(
    filter: GovernanceFilter,
    page: { limit: number; after?: string[] },
  ): Promise<GovernanceKeysetPage<AuditControlRow>>;
  /** Every conformance pack score in the scope, by partition, account, Region and pack. */
  listConformanceScores(
    filter?: GovernanceFilter,
  ): Promise<ConformanceScoreRow[]>;
  /** A page of {@link GovernanceSnapshotStore.listConformanceScores}, after the keyset `after`. */
  pageConformanceScores(
    filter: GovernanceFilter,
    page: { limit: number; after?: string[] },
  ): Promise<GovernanceKeysetPage<ConformanceScoreRow>>;
}
