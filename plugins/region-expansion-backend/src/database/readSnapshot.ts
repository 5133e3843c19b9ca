import { Knex } from 'knex';
import { isPostgres } from './writeTransaction';

/**
 * Runs `read` against one consistent view of every table: on PostgreSQL
 * a read-only REPEATABLE READ transaction (its snapshot is taken at its
 * first query; concurrent writers commit without waiting), on SQLite a
 * transaction on the one connection (writes wait until it ends). The
 * transaction handed to `read` is valid only until `read` settles.
 */
export async function readSnapshot<T>(
  db: Knex,
  read: (tx: Knex.Transaction) => Promise<T>,
): Promise<T> {
  return db.transaction(
    read,
    isPostgres(db)
      ? { isolationLevel: 'repeatable read', readOnly: true }
      : undefined,
  );
}

/** How {@link readSnapshot} isolates its reads on `db`, for the record. */
export function snapshotIsolation(db: Knex): string {
  return isPostgres(db)
    ? 'PostgreSQL read-only REPEATABLE READ transaction'
    : 'SQLite transaction';
}
