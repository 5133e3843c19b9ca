/**
 * Whether the tests have a PostgreSQL server (CI sets its connection
 * string): the benches' smoke tests measure on it when they do, else on
 * SQLite only.
 */
export const testPostgres = Boolean(
  process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING,
);

/** The one database a single-database bench's smoke test measures on. */
export const testDatabase = testPostgres ? 'postgres' : 'sqlite';
