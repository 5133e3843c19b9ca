import { migrated } from '../__testUtils__/database';
import {
  createGovernance,
  governanceDatabases,
  governanceFinding,
} from '../__testUtils__/governance';

const totals = require('../../migrations/20261212100000_governance_total_rollups');

jest.setTimeout(60_000);
const { databases } = governanceDatabases();

describe.each(databases.eachSupportedId())(
  'the severity-free rollup levels on %s',
  databaseId => {
    it('are filled from the stored rollups by their migration, so a database written before it answers every summary', async () => {
      const knex = await migrated(await databases.init(databaseId));
      const { stores } = createGovernance(knex);
      await stores.findings.upsertFindings(
        'securityhub',
        Array.from({ length: 300 }, (_, i) =>
          governanceFinding(i, {
            severity: ['LOW', 'HIGH', 'CRITICAL'][i % 3],
            complianceStatus: i % 4 ? 'PASSED' : 'FAILED',
          }),
        ),
      );
      // A database written before the migration has no such rows.
      await knex('governance_rollups')
        .whereIn('level', ['account_total', 'scope_total'])
        .delete();
      await totals.up(knex);
      const { stored, expected } = await stores.findings.verifyRollups();
      expect(stored).toEqual(expected);
      expect(
        stored.filter(r => r.level === 'account_total').length,
      ).toBeGreaterThan(0);
      expect(
        stored.filter(r => r.level === 'scope_total').length,
      ).toBeGreaterThan(0);
    });
  },
);
