import { Knex } from 'knex';

/**
 * A store over the plugin's migrated database client, or a transaction of
 * it: each store's `create({ client })` hands the client here.
 *
 * @public
 */
export abstract class KnexStore {
  /**
   * A store of the class it is called on (`KnexEstateStore.create(...)`)
   * over the plugin's migrated database client or a transaction of it.
   */
  static create<T extends KnexStore>(
    this: { prototype: T },
    options: { client: Knex },
  ): T {
    // The stores keep their constructor protected so that `create` is the one
    // way in; the cast reaches that constructor from here.
    const Store = this as unknown as new (db: Knex) => T;
    return new Store(options.client);
  }

  protected readonly db: Knex;

  protected constructor(db: Knex) {
    this.db = db;
  }
}
