import { ConflictError } from '@backstage/errors';
import { Knex } from 'knex';
import { isRetryableWriteError, retryTransaction } from './retryTransaction';

/** Whether the database refused a row because its key exists. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return (
    e?.code === '23505' || // PostgreSQL unique_violation
    e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    e?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    e?.code === 'ER_DUP_ENTRY'
  );
}

/**
 * A write transaction, run again when the database aborted it as a
 * deadlock or serialization failure; if it still fails that way, a
 * `ConflictError` asks the caller to retry instead of a server error.
 */
export async function writeTransaction<T>(
  db: Knex,
  fn: (trx: Knex.Transaction) => Promise<T>,
): Promise<T> {
  try {
    return await retryTransaction(db, fn);
  } catch (error) {
    if (isRetryableWriteError(error)) {
      throw new ConflictError(
        'concurrent changes to the same cells kept aborting this write; retry',
      );
    }
    throw error;
  }
}

/**
 * A {@link writeTransaction} that adds rows under a natural key: a clash is
 * a `ConflictError` naming `what` and `id` (`id: cell 'x' already exists`).
 */
export async function insertTransaction(
  db: Knex,
  what: string,
  id: string,
  write: (trx: Knex.Transaction) => Promise<unknown>,
): Promise<void> {
  try {
    await writeTransaction(db, async trx => {
      await write(trx);
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ConflictError(`id: ${what} '${id}' already exists`);
    }
    throw error;
  }
}

/**
 * First row of `query`, locked for the rest of the transaction on
 * PostgreSQL. SQLite serialises writers anyway and has no row locks.
 */
export async function lockFirst<TRow extends {}>(
  trx: Knex.Transaction,
  query: Knex.QueryBuilder<TRow, TRow[]>,
): Promise<TRow | undefined> {
  const locked = isPostgres(trx) ? query.forUpdate() : query;
  const rows = (await locked.limit(1)) as TRow[];
  return rows[0];
}

/** Whether `db` talks to PostgreSQL. */
export function isPostgres(db: Knex): boolean {
  return /^(pg|postgres)/.test(String(db.client.config.client));
}

/**
 * Lets the event loop run between two statements of a bulk write. SQLite's
 * driver runs each statement synchronously and knex chains them through
 * promises only, so without this a 10,000-row import held the loop for
 * about 300 ms at once; other requests now wait for one chunk at most.
 */
export function nextTurn(): Promise<void> {
  return new Promise(resolve => setImmediate(resolve));
}

/** `items` in slices of at most `size`. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    result.push(items.slice(i, i + size));
  }
  return result;
}
