import {
  type LiveAvailability,
  type SsmPageFailure,
  ssmPageFailureSentence,
} from '@region-expansion/plugin-region-expansion-node';
import { KnexStore } from '../database/KnexStore';
import {
  AvailabilityRefreshLease,
  AvailabilityRefreshLeaseOutcome,
  AvailabilityRefreshTrigger,
  AvailabilityStore,
  NewAvailabilityRefresh,
  StoredAvailabilityRefresh,
} from './AvailabilityStore';

const REFRESHES = 'availability_refreshes';
const LEASES = 'availability_refresh_leases';
const REFRESH_LEASE = 'availability-refresh';

interface LeaseRow {
  name: string;
  holder: string;
  requested_by: string;
  acquired_at: string | Date | number;
  expires_at: string | Date | number;
}

function toLease(row: LeaseRow): AvailabilityRefreshLease {
  return {
    holder: row.holder,
    requestedBy: row.requested_by,
    acquiredAt: new Date(row.acquired_at).toISOString(),
    expiresAt: new Date(row.expires_at).toISOString(),
  };
}

interface RefreshRow {
  id: number | string;
  fetched_at: string | Date;
  partitions: string;
  skipped: string;
  trigger: string;
  requested_by: string;
  pages_ok: number | string;
  pages_failed: number | string;
  live: string;
}

/**
 * A failure as readers may see it. Rows stored before failures were
 * classified hold the SDK's message (it may name role ARNs and account
 * ids): they read as `unknown-error` with its fixed sentence.
 */
function readFailure(
  failure: Omit<SsmPageFailure, 'reasonKind'> & { reasonKind?: string },
): SsmPageFailure {
  if (failure.reasonKind) return failure as SsmPageFailure;
  return {
    locationId: failure.locationId,
    path: failure.path,
    page: failure.page,
    reasonKind: 'unknown-error',
    error: ssmPageFailureSentence('unknown-error', failure),
  };
}

function toRefresh(row: RefreshRow): StoredAvailabilityRefresh {
  const { failures, ...live } = JSON.parse(row.live) as Omit<
    LiveAvailability,
    'fetchedAt'
  >;
  return {
    id: Number(row.id),
    live: {
      fetchedAt: new Date(row.fetched_at).toISOString(),
      ...live,
      failures: failures.map(readFailure),
    },
    partitions: JSON.parse(row.partitions),
    skipped: JSON.parse(row.skipped),
    trigger: row.trigger as AvailabilityRefreshTrigger,
    requestedBy: row.requested_by,
    pagesOk: Number(row.pages_ok),
    pagesFailed: Number(row.pages_failed),
  };
}

/**
 * The {@link AvailabilityStore} over the plugin's database (tables
 * `availability_refreshes` and `availability_refresh_leases`); refresh
 * rows are never updated.
 *
 * @public
 */
export class KnexAvailabilityStore
  extends KnexStore
  implements AvailabilityStore
{
  /** Stores a refresh; the failed pages stay listed next to the kept ones. */
  async add(
    refresh: NewAvailabilityRefresh,
  ): Promise<StoredAvailabilityRefresh> {
    const { fetchedAt, ...live } = refresh.live;
    const [inserted] = await this.db(REFRESHES).insert(
      {
        fetched_at: new Date(fetchedAt),
        partitions: JSON.stringify(refresh.partitions),
        skipped: JSON.stringify(refresh.skipped),
        trigger: refresh.trigger,
        requested_by: refresh.requestedBy,
        pages_ok: refresh.pagesOk,
        pages_failed: refresh.pagesFailed,
        live: JSON.stringify(live),
      },
      ['id'],
    );
    const id = typeof inserted === 'object' ? inserted.id : inserted;
    return { ...refresh, id: Number(id) };
  }

  /**
   * Takes the refresh lease for `holder` until `now + durationMs`, atomically
   * across replicas: inserted when there is none, taken over when the
   * current one expired before `now` (its holder crashed), else refused
   * with the lease that is held. Each statement is atomic on SQLite and
   * PostgreSQL; reading the row back tells which of several takers won.
   */
  async acquireRefreshLease(options: {
    holder: string;
    requestedBy: string;
    now: Date;
    durationMs: number;
  }): Promise<AvailabilityRefreshLeaseOutcome> {
    const { holder, requestedBy, now, durationMs } = options;
    const row = {
      holder,
      requested_by: requestedBy,
      acquired_at: now,
      expires_at: new Date(now.getTime() + durationMs),
    };
    // A second round only when the lease was released between the
    // statements: nobody holds it, so a refresh could run.
    for (let round = 0; ; round++) {
      await this.db(LEASES)
        .insert({ name: REFRESH_LEASE, ...row })
        .onConflict('name')
        .ignore();
      await this.db(LEASES)
        .where({ name: REFRESH_LEASE })
        .andWhere('expires_at', '<', now)
        .update(row);
      const current = await this.db<LeaseRow>(LEASES)
        .where({ name: REFRESH_LEASE })
        .first();
      if (current?.holder === holder) return { acquired: true };
      if (current) return { acquired: false, lease: toLease(current) };
      if (round > 0) {
        throw new Error('The availability refresh lease could not be taken');
      }
    }
  }

  /**
   * Extends `holder`'s lease to `now + durationMs`; false when it no longer
   * holds it (it expired and another replica took over).
   */
  async renewRefreshLease(
    holder: string,
    now: Date,
    durationMs: number,
  ): Promise<boolean> {
    const updated = await this.db(LEASES)
      .where({ name: REFRESH_LEASE, holder })
      .update({ expires_at: new Date(now.getTime() + durationMs) });
    return updated > 0;
  }

  /** Gives up `holder`'s lease; nothing when another holds it. */
  async releaseRefreshLease(holder: string): Promise<void> {
    await this.db(LEASES).where({ name: REFRESH_LEASE, holder }).delete();
  }

  /** The lease held at `now`, if any (an expired one is not). */
  async activeRefreshLease(
    now: Date,
  ): Promise<AvailabilityRefreshLease | undefined> {
    const row = await this.db<LeaseRow>(LEASES)
      .where({ name: REFRESH_LEASE })
      .andWhere('expires_at', '>=', now)
      .first();
    return row ? toLease(row) : undefined;
  }

  /**
   * The newest refresh (by fetch time, then id), if any; with
   * `withPagesRead`, the newest that read at least one page.
   */
  async latest(
    options: { withPagesRead?: boolean } = {},
  ): Promise<StoredAvailabilityRefresh | undefined> {
    const query = this.db<RefreshRow>(REFRESHES);
    if (options.withPagesRead) query.where('pages_ok', '>', 0);
    const row = await query
      .orderBy([
        { column: 'fetched_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .first();
    return row ? toRefresh(row) : undefined;
  }
}
