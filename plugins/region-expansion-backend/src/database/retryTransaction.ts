import { Knex } from 'knex';

/** Attempts of a write transaction that the database aborted as a deadlock or serialization failure. */
export const WRITE_ATTEMPTS = 3;

/**
 * Whether the database aborted a transaction for a reason that running it
 * again can cure: a PostgreSQL deadlock (40P01) or serialization failure
 * (40001), or a busy SQLite file.
 */
export function isRetryableWriteError(error: unknown): boolean {
  const code = (error as { code?: string } | undefined)?.code;
  return code === '40P01' || code === '40001' || code === 'SQLITE_BUSY';
}

/**
 * Runs `fn` in a transaction, and again (up to `attempts` times in all)
 * when the database aborted it with a retryable error. `fn` must be safe to
 * run again: everything it wrote was rolled back. Other errors, and the
 * last retryable one, are thrown as they are.
 */
export async function retryTransaction<T>(
  db: Knex,
  fn: (trx: Knex.Transaction) => Promise<T>,
  options: { attempts?: number } = {},
): Promise<T> {
  const attempts = options.attempts ?? WRITE_ATTEMPTS;
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(fn);
    } catch (error) {
      if (attempt >= attempts || !isRetryableWriteError(error)) throw error;
    }
  }
}
