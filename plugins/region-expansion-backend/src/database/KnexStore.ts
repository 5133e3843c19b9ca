import { Knex } from 'knex';

/**
 * A store over the plugin's migrated database client, or a transaction of
 * it: each store's `create({ client })` hands the client here.
 *
 * @public
 */
export abstract class KnexStore {
  protected readonly db: Knex;

  protected constructor(db: Knex) {
    this.db = db;
  }
}
