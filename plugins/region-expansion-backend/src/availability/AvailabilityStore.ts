import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import type { LiveAvailability } from '@region-expansion/plugin-region-expansion-node';
import { Knex } from 'knex';

const migrationsDir = resolvePackagePath(
  '@region-expansion/plugin-region-expansion-backend',
  'migrations',
);

const REFRESHES = 'availability_refreshes';

/**
 * What started a live availability refresh.
 *
 * @public
 */
export type AvailabilityRefreshTrigger = 'scheduled' | 'manual';

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

interface RefreshRow {
  id: number | string;
  fetched_at: string | Date;
  partitions: string;
  trigger: string;
  requested_by: string;
  pages_ok: number | string;
  pages_failed: number | string;
  live: string;
}

function toRefresh(row: RefreshRow): StoredAvailabilityRefresh {
  const live = JSON.parse(row.live) as Omit<LiveAvailability, 'fetchedAt'>;
  return {
    id: Number(row.id),
    live: { fetchedAt: new Date(row.fetched_at).toISOString(), ...live },
    partitions: JSON.parse(row.partitions),
    trigger: row.trigger as AvailabilityRefreshTrigger,
    requestedBy: row.requested_by,
    pagesOk: Number(row.pages_ok),
    pagesFailed: Number(row.pages_failed),
  };
}

/**
 * Every live availability refresh, dated, with its page outcomes. The table
 * comes from `migrations/20261126140000_availability.js`; rows are never
 * updated, so the latest refresh is the newest row.
 *
 * @public
 */
export class AvailabilityStore {
  readonly #db: Knex;

  /**
   * Connects to the plugin's database and brings the schema up to date,
   * unless the database service says to skip migrations.
   */
  static async create(options: {
    database: DatabaseService;
  }): Promise<AvailabilityStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new AvailabilityStore(client);
  }

  private constructor(db: Knex) {
    this.#db = db;
  }

  /** Stores a refresh; the failed pages stay listed next to the kept ones. */
  async add(
    refresh: NewAvailabilityRefresh,
  ): Promise<StoredAvailabilityRefresh> {
    const { fetchedAt, ...live } = refresh.live;
    const [inserted] = await this.#db(REFRESHES).insert(
      {
        fetched_at: new Date(fetchedAt),
        partitions: JSON.stringify(refresh.partitions),
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
   * The newest refresh (by fetch time, then id), if any; with
   * `withPagesRead`, the newest that read at least one page.
   */
  async latest(
    options: { withPagesRead?: boolean } = {},
  ): Promise<StoredAvailabilityRefresh | undefined> {
    const query = this.#db<RefreshRow>(REFRESHES);
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
