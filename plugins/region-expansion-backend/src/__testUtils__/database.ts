import { mockServices } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { applyDatabaseMigrations } from '../database/migrations';

/** A test database's client with the plugin's migrations applied, as at plugin start. */
export async function migrated(knex: Knex): Promise<Knex> {
  return applyDatabaseMigrations(mockServices.database({ knex }));
}
