import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

const migrationsDir = resolvePackagePath(
  '@region-expansion/plugin-region-expansion-backend',
  'migrations',
);

/**
 * Connects to the plugin's database and brings its schema up to date, once
 * for every store: the stores' `create()` take the client this returns.
 * Skipped when the database service says so (`migrations.skip`), for
 * deployments that migrate out of band.
 */
export async function applyDatabaseMigrations(
  database: Pick<DatabaseService, 'getClient' | 'migrations'>,
): Promise<Knex> {
  const client = await database.getClient();
  if (!database.migrations?.skip) {
    await client.migrate.latest({ directory: migrationsDir });
  }
  return client;
}
