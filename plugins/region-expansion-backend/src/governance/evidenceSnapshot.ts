import { Knex } from 'knex';
import { CampaignStore } from '../campaigns/CampaignStore';
import { KnexCampaignStore } from '../campaigns/KnexCampaignStore';
import { readSnapshot, snapshotIsolation } from '../database/readSnapshot';
import { KnexReadinessStore } from '../readiness/KnexReadinessStore';
import { ReadinessStore } from '../readiness/ReadinessStore';
import { EvidenceFinding, evidenceFindingPages } from './evidenceFindings';
import { GovernanceFilter } from './governanceFilter';
import { GovernanceFindingStore } from './GovernanceFindingStore';
import { GovernanceSnapshotStore } from './GovernanceSnapshotStore';
import { GovernanceSyncStateStore } from './GovernanceSyncStateStore';
import { KnexGovernanceFindingStore } from './KnexGovernanceFindingStore';
import { KnexGovernanceSnapshotStore } from './KnexGovernanceSnapshotStore';
import { KnexGovernanceSyncStateStore } from './KnexGovernanceSyncStateStore';

/**
 * The stores the evidence bundle reads, every one bound to the same
 * snapshot of the database.
 *
 * @public
 */
export interface EvidenceSnapshot {
  findings: GovernanceFindingStore;
  /**
   * Every finding of the filter, page by page in key order: the export's
   * read, whose cost per page does not grow with its depth.
   */
  findingPages(filter: GovernanceFilter): AsyncGenerator<EvidenceFinding[]>;
  snapshots: GovernanceSnapshotStore;
  syncState: GovernanceSyncStateStore;
  readiness: ReadinessStore;
  campaigns: Pick<CampaignStore, 'listCampaigns' | 'gateHistory'>;
}

/**
 * Opens one consistent snapshot of the governance, readiness and campaign
 * tables.
 *
 * @public
 */
export interface EvidenceSnapshotSource {
  /** How the snapshot isolates its reads, stated in the bundle. */
  readonly isolation: string;
  /**
   * Runs `read` against the stores of one snapshot; they are valid only
   * until `read` settles.
   */
  read<T>(read: (snapshot: EvidenceSnapshot) => Promise<T>): Promise<T>;
}

/**
 * Evidence snapshots over the plugin's database: a read-only REPEATABLE
 * READ transaction on PostgreSQL (concurrent syncs commit without waiting),
 * a transaction on SQLite's one connection.
 *
 * @public
 */
export function createEvidenceSnapshots(client: Knex): EvidenceSnapshotSource {
  return {
    isolation: snapshotIsolation(client),
    read: read =>
      readSnapshot(client, tx =>
        read({
          findings: KnexGovernanceFindingStore.create({ client: tx }),
          findingPages: filter => evidenceFindingPages(tx, filter),
          snapshots: KnexGovernanceSnapshotStore.create({ client: tx }),
          syncState: KnexGovernanceSyncStateStore.create({ client: tx }),
          readiness: KnexReadinessStore.create({ client: tx }),
          campaigns: KnexCampaignStore.create({ client: tx }),
        }),
      ),
  };
}
