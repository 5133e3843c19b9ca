import { Knex } from 'knex';
import { GovernanceFindingStore } from './GovernanceFindingStore';
import { GovernanceHistoryStore } from './GovernanceHistoryStore';
import { GovernanceSnapshotStore } from './GovernanceSnapshotStore';
import { GovernanceSyncStateStore } from './GovernanceSyncStateStore';
import { KnexGovernanceFindingStore } from './KnexGovernanceFindingStore';
import { KnexGovernanceHistoryStore } from './KnexGovernanceHistoryStore';
import { KnexGovernanceSnapshotStore } from './KnexGovernanceSnapshotStore';
import { KnexGovernanceSyncStateStore } from './KnexGovernanceSyncStateStore';

/**
 * The governance stores, one per capability: findings with their rollups,
 * the snapshot sources, the per-target sync state with coverage, and the
 * daily history.
 *
 * @public
 */
export interface GovernanceStores {
  findings: GovernanceFindingStore;
  snapshots: GovernanceSnapshotStore;
  syncState: GovernanceSyncStateStore;
  history: GovernanceHistoryStore;
}

/**
 * The Knex governance stores over one migrated client, or over one
 * transaction (the evidence bundle reads them all in one snapshot).
 *
 * @public
 */
export function createGovernanceStores(client: Knex): GovernanceStores {
  return {
    findings: KnexGovernanceFindingStore.create({ client }),
    snapshots: KnexGovernanceSnapshotStore.create({ client }),
    syncState: KnexGovernanceSyncStateStore.create({ client }),
    history: KnexGovernanceHistoryStore.create({ client }),
  };
}
