import type { Knex } from 'knex';
import type { Cleanups } from './Cleanups';
import type { BenchLog } from './log';
import { PgServer, startPostgres, StartPostgresOptions } from './postgres';
import { sqliteDatabase } from './sqlite';

/** Where a bench stores: PostgreSQL, a SQLite file, or SQLite in memory. */
export type BenchEngine = 'postgres' | 'sqlite' | 'sqlite-memory';

/** The database option of the benches that store findings. */
export interface BenchDatabaseOption {
  /** `postgres` (default: the figures' database) or `sqlite` in memory (smoke tests). */
  database?: 'postgres' | 'sqlite';
}

/** The engine a {@link BenchDatabaseOption} names. */
export function engineOf(option: BenchDatabaseOption): BenchEngine {
  return option.database === 'sqlite' ? 'sqlite-memory' : 'postgres';
}

/** A fresh database of a bench. */
export interface BenchDatabase {
  knex: Knex;
  /** Drops it now (it is also dropped when the run's cleanups run). */
  drop(): Promise<void>;
}

/**
 * The databases of one bench run. PostgreSQL is started on first use
 * (`postgres`, see {@link startPostgres}) and stopped by `cleanups`; each
 * database is dropped by them too.
 */
export function benchDatabases(
  cleanups: Cleanups,
  postgres: StartPostgresOptions,
  log: BenchLog,
) {
  let pg: PgServer | undefined;
  return {
    /** Where PostgreSQL came from, for the results; `undefined` until started. */
    postgresOrigin: (): string | undefined => pg?.origin,
    /**
     * A fresh database: on PostgreSQL `<name>_<pid>` with a pool of
     * `poolMax`; on SQLite a file under `sqliteDir` or in memory.
     */
    async create(
      engine: BenchEngine,
      name: string,
      options: { poolMax?: number; sqliteDir?: string } = {},
    ): Promise<BenchDatabase> {
      let db: { knex: Knex; drop(): Promise<void> };
      if (engine === 'postgres') {
        if (!pg) {
          const server = startPostgres(postgres);
          cleanups.add(() => server.stop());
          pg = server;
          log(`postgres: ${pg.origin}`);
        }
        db = await pg.database(`${name}_${process.pid}`, options.poolMax);
      } else {
        db = sqliteDatabase(
          engine === 'sqlite' ? options.sqliteDir : undefined,
        );
      }
      return { knex: db.knex, drop: cleanups.add(() => db.drop()) };
    },
  };
}
