import type { GovernanceFindingRow } from '@region-expansion/plugin-region-expansion-node';
import { migrated } from '../__testUtils__/database';
import {
  createGovernance,
  governanceDatabases,
  governanceFinding,
} from '../__testUtils__/governance';

const totals = require('../../migrations/20261212100000_governance_total_rollups');
const shards = require('../../migrations/20261213100000_governance_rollup_shards');

jest.setTimeout(60_000);
const { databases } = governanceDatabases();

/** A migrated database holding 300 findings, each patched by `patch`. */
async function withFindings(
  databaseId: Parameters<typeof databases.init>[0],
  patch: (i: number) => Partial<GovernanceFindingRow>,
) {
  const knex = await migrated(await databases.init(databaseId));
  const { stores } = createGovernance(knex);
  await stores.findings.upsertFindings(
    'securityhub',
    Array.from({ length: 300 }, (_, i) => governanceFinding(i, patch(i))),
  );
  return { knex, stores };
}

describe.each(databases.eachSupportedId())(
  'the severity-free rollup levels on %s',
  databaseId => {
    it('are filled from the stored rollups by their migration, so a database written before it answers every summary', async () => {
      const { knex, stores } = await withFindings(databaseId, i => ({
        severity: ['LOW', 'HIGH', 'CRITICAL'][i % 3],
        complianceStatus: i % 4 ? 'PASSED' : 'FAILED',
      }));
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

describe.each(databases.eachSupportedId())(
  'the rollup levels without an account on %s',
  databaseId => {
    it('are split into shards by their migration from one row per group, and merged back by its down', async () => {
      const { knex, stores } = await withFindings(databaseId, i => ({
        accountId: String(100000000000 + (i % 7)),
        complianceStatus: i % 4 ? 'PASSED' : 'FAILED',
      }));
      const summaries = async () =>
        Promise.all(
          (['severity', 'region', 'control', 'partition'] as const).map(g =>
            stores.findings.summary(g, {}),
          ),
        );
      const before = await summaries();
      const sharedRows = () =>
        knex('governance_rollups')
          .whereIn('level', ['partition', 'region', 'control'])
          .select();
      // As a database written before the migration stored them.
      await shards.down(knex);
      const unsharded = await sharedRows();
      expect(unsharded.every(r => !('shard' in r))).toBe(true);
      expect(await summaries()).toEqual(before);
      await shards.up(knex);
      const sharded = await sharedRows();
      expect(new Set(sharded.map(r => r.shard))).toEqual(
        new Set(['0', '1', '2', '3', '4', '5', '6']),
      );
      expect(sharded.length).toBeGreaterThan(unsharded.length);
      const { stored, expected } = await stores.findings.verifyRollups();
      expect(stored).toEqual(expected);
      expect(await summaries()).toEqual(before);
    });
  },
);
