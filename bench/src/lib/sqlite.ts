import { rmSync } from 'node:fs';
import path from 'node:path';
import { knex as createKnex, Knex } from 'knex';

/**
 * A SQLite database (better-sqlite3, as the embedded default runs): a file
 * under `dir`, or in memory without one. `drop` closes it and removes the
 * file.
 */
export function sqliteDatabase(dir?: string): {
  knex: Knex;
  drop(): Promise<void>;
} {
  const filename = dir
    ? path.join(dir, `bench-${Math.random().toString(36).slice(2)}.sqlite`)
    : ':memory:';
  const knex = createKnex({
    client: 'better-sqlite3',
    connection: { filename },
    useNullAsDefault: true,
    pool: { min: 1, max: 1 },
  });
  return {
    knex,
    drop: async () => {
      await knex.destroy();
      if (dir) rmSync(filename, { force: true });
    },
  };
}
