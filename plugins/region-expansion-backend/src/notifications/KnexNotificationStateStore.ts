import { Knex } from 'knex';
import {
  NotificationStateStore,
  RememberedNotificationState,
} from './NotificationStateStore';

/** Rows per statement, under SQLite's bound-parameter limit. */
const CHUNK = 200;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) {
    out.push(items.slice(i, i + CHUNK));
  }
  return out;
}

/**
 * {@link NotificationStateStore} in the `notification_state` table.
 *
 * @public
 */
export class KnexNotificationStateStore implements NotificationStateStore {
  readonly #db: Knex;

  /** A store over a client the plugin's migrations were applied to. */
  static create(options: { client: Knex }): KnexNotificationStateStore {
    return new KnexNotificationStateStore(options.client);
  }

  private constructor(db: Knex) {
    this.#db = db;
  }

  async list(
    scopeKeys: readonly string[],
  ): Promise<RememberedNotificationState[]> {
    const rows: RememberedNotificationState[] = [];
    for (const keys of chunks(scopeKeys)) {
      const found = await this.#db('notification_state')
        .whereIn('scope_key', keys)
        .select('topic', 'scope_key', 'state');
      rows.push(
        ...found.map((r: any) => ({
          topic: r.topic,
          scopeKey: r.scope_key,
          state: r.state,
        })),
      );
    }
    return rows;
  }

  async put(
    states: readonly RememberedNotificationState[],
    at: string,
  ): Promise<void> {
    for (const batch of chunks(states)) {
      await this.#db('notification_state')
        .insert(
          batch.map(s => ({
            topic: s.topic,
            scope_key: s.scopeKey,
            state: s.state,
            updated_at: at,
          })),
        )
        .onConflict('topic')
        .merge(['scope_key', 'state', 'updated_at']);
    }
  }

  async remove(topics: readonly string[]): Promise<void> {
    for (const batch of chunks(topics)) {
      await this.#db('notification_state').whereIn('topic', batch).delete();
    }
  }
}
