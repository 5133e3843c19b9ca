import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { regionExpansionPlugin } from '../plugin';
import { testDatabaseIds } from '../__testUtils__/testDatabases';
import { applyDatabaseMigrations } from './migrations';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: testDatabaseIds() });

describe.each(databases.eachSupportedId())(
  'applyDatabaseMigrations on %p',
  id => {
    it('brings every table of every store up to date, and again changes nothing', async () => {
      const knex = await databases.init(id);
      const client = await applyDatabaseMigrations(
        mockServices.database({ knex }),
      );
      for (const table of [
        'cells',
        'tenants',
        'placement_history',
        'readiness_evaluations',
        'governance_findings',
        'governance_sync_state',
        'availability_refreshes',
      ]) {
        expect([table, await client.schema.hasTable(table)]).toEqual([
          table,
          true,
        ]);
      }
      const [, pending] = await client.migrate.list({
        directory: `${__dirname}/../../migrations`,
      });
      expect(pending).toEqual([]);
      await expect(
        applyDatabaseMigrations(mockServices.database({ knex })),
      ).resolves.toBe(knex);
    });

    it('leaves the schema alone when the database service says to skip migrations', async () => {
      const knex = await databases.init(id);
      const client = await applyDatabaseMigrations(
        mockServices.database({ knex, migrations: { skip: true } }),
      );
      expect(client).toBe(knex);
      expect(await knex.schema.hasTable('cells')).toBe(false);
    });
  },
);

describe('the plugin start', () => {
  it('runs the migrations once for every store', async () => {
    // knex hands out a new Migrator per `knex.migrate`: count on its class.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { Migrator } = require('knex/lib/migrations/migrate/Migrator');
    const latest = jest.spyOn(Migrator.prototype, 'latest');
    try {
      const knex = await databases.init('SQLITE_3');
      const backend = await startTestBackend({
        features: [
          regionExpansionPlugin,
          mockServices.database.factory({ knex }),
          mockServices.rootConfig.factory({ data: {} }),
        ],
      });
      expect(latest).toHaveBeenCalledTimes(1);
      await backend.stop();
    } finally {
      latest.mockRestore();
    }
  });
});
