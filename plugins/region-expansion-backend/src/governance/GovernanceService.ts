import type {
  AuditControlRow,
  ConformanceScoreRow,
  ResilienceAppRow,
} from '@region-expansion/plugin-region-expansion-node';
import {
  EvidenceBundleOptions,
  EvidenceManifestSigner,
  writeEvidenceBundle,
} from './evidenceBundle';
import { EvidenceSnapshotSource } from './evidenceSnapshot';
import { GovernanceFilter } from './governanceFilter';
import {
  FindingsPage,
  FindingsPageRequest,
  GovernanceGroupBy,
  GovernanceSummaryGroup,
} from './GovernanceFindingStore';
import { GovernanceHistoryRow } from './GovernanceHistoryStore';
import { GovernanceKeysetPage } from './GovernanceSnapshotStore';
import { GovernanceStores } from './governanceStores';
import {
  GovernanceFreshness,
  GovernanceTargetCoverage,
} from './GovernanceSyncStateStore';

/** A keyset page request of the governance reads. */
type KeysetPageRequest = { limit: number; after?: string[] };

/**
 * What the dashboard, the readiness signals and auditors read of the
 * governance data: summaries, findings, freshness and coverage, the
 * snapshot sources, history, and the evidence bundle (read from one
 * snapshot of the database). The syncs write through the stores.
 *
 * @public
 */
export class GovernanceService {
  readonly #stores: GovernanceStores;
  readonly #evidence: EvidenceSnapshotSource;
  readonly #signer?: EvidenceManifestSigner;

  /**
   * Creates the service over the governance stores and evidence snapshots;
   * with a signer, every evidence bundle's manifest is signed.
   */
  static create(options: {
    stores: GovernanceStores;
    evidence: EvidenceSnapshotSource;
    signer?: EvidenceManifestSigner;
  }): GovernanceService {
    return new GovernanceService(
      options.stores,
      options.evidence,
      options.signer,
    );
  }

  private constructor(
    stores: GovernanceStores,
    evidence: EvidenceSnapshotSource,
    signer?: EvidenceManifestSigner,
  ) {
    this.#stores = stores;
    this.#evidence = evidence;
    this.#signer = signer;
  }

  /** Counts of findings per group. */
  async summary(
    groupBy: GovernanceGroupBy,
    filter: GovernanceFilter = {},
  ): Promise<GovernanceSummaryGroup[]> {
    return this.#stores.findings.summary(groupBy, filter);
  }

  /** A page of findings (keyset `after`, or `offset` rows in) and the total. */
  async listFindings(
    filter: GovernanceFilter,
    page: FindingsPageRequest,
  ): Promise<FindingsPage> {
    return this.#stores.findings.listFindings(filter, page);
  }

  /** Sync state of every source and target. */
  async freshness(
    filter: Pick<GovernanceFilter, 'partition' | 'source' | 'scope'> = {},
  ): Promise<GovernanceFreshness[]> {
    return this.#stores.syncState.freshness(filter);
  }

  /** The Regions each target's source proved it watches. */
  async coverage(
    filter: Pick<GovernanceFilter, 'partition' | 'source' | 'scope'> = {},
  ): Promise<GovernanceTargetCoverage[]> {
    return this.#stores.syncState.coverage(filter);
  }

  /** A page of daily history points. */
  async pageHistory(
    filter: Pick<GovernanceFilter, 'partition' | 'source' | 'scope'> & {
      since?: string;
    },
    page: KeysetPageRequest,
  ): Promise<GovernanceKeysetPage<GovernanceHistoryRow>> {
    return this.#stores.history.pageHistory(filter, page);
  }

  /** Every Resilience Hub app in the scope. */
  async listResilienceApps(
    filter: GovernanceFilter = {},
  ): Promise<ResilienceAppRow[]> {
    return this.#stores.snapshots.listResilienceApps(filter);
  }

  /** A page of Resilience Hub apps. */
  async pageResilienceApps(
    filter: GovernanceFilter,
    page: KeysetPageRequest,
  ): Promise<GovernanceKeysetPage<ResilienceAppRow>> {
    return this.#stores.snapshots.pageResilienceApps(filter, page);
  }

  /** Every Audit Manager control in the scope. */
  async listAuditControls(
    filter: GovernanceFilter = {},
  ): Promise<AuditControlRow[]> {
    return this.#stores.snapshots.listAuditControls(filter);
  }

  /** A page of Audit Manager controls. */
  async pageAuditControls(
    filter: GovernanceFilter,
    page: KeysetPageRequest,
  ): Promise<GovernanceKeysetPage<AuditControlRow>> {
    return this.#stores.snapshots.pageAuditControls(filter, page);
  }

  /** Every conformance pack score in the scope. */
  async listConformanceScores(
    filter: GovernanceFilter = {},
  ): Promise<ConformanceScoreRow[]> {
    return this.#stores.snapshots.listConformanceScores(filter);
  }

  /** A page of conformance pack scores. */
  async pageConformanceScores(
    filter: GovernanceFilter,
    page: KeysetPageRequest,
  ): Promise<GovernanceKeysetPage<ConformanceScoreRow>> {
    return this.#stores.snapshots.pageConformanceScores(filter, page);
  }

  /**
   * Writes the ZIP evidence bundle of the filter to `options.out`, every
   * file read from one snapshot of the database (see
   * {@link writeEvidenceBundle}).
   */
  async writeEvidenceBundle(
    options: Omit<EvidenceBundleOptions, 'snapshots' | 'signer'>,
  ): Promise<void> {
    await writeEvidenceBundle({
      ...options,
      snapshots: this.#evidence,
      signer: this.#signer,
    });
  }
}
