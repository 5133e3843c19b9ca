import type { GovernanceFindingRow } from '@region-expansion/plugin-region-expansion-node';
import { migrated } from '../__testUtils__/database';
import {
  createGovernance,
  governanceDatabases,
  governanceFinding,
} from '../__testUtils__/governance';

const totals = require('../../migrations/20261212100000_governance_total_rollups');
const shards = require('../../migrations/20261213100000_governance_rollup_shards');
const dropFine = require('../../migrations/20261214100000_governance_drop_fine_rollups');

jest.setTimeout(60_000);
const { databases } = governanceDatabases();

/** A migrated database holding 300 findings, each patched by `patch`, and those findings. */
async function withFindings(
  databaseId: Parameters<typeof databases.init>[0],
  patch: (i: number) => Partial<GovernanceFindingRow>,
) {
  const knex = await migrated(await databases.init(databaseId));
  const { stores } = createGovernance(knex);
  const findings = Array.from({ length: 300 }, (_, i) =>
    governanceFinding(i, patch(i)),
  );
  await stores.findings.upsertFindings('securityhub', findings);
  return { knex, stores, findings };
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
      // As a database written before the migration stored them: the shards
      // came before the fine level was dropped, so that migration is undone
      // first and redone after.
      await dropFine.down(knex);
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
      await dropFine.up(knex);
      const { stored, expected } = await stores.findings.verifyRollups();
      expect(stored).toEqual(expected);
      expect(await summaries()).toEqual(before);
    });
  },
);

/** Counts per account and control from the findings themselves. */
function controlCounts(findings: GovernanceFindingRow[], accountId: string) {
  const counts = new Map<string, { total: number; failed: number }>();
  for (const f of findings.filter(r => r.accountId === accountId)) {
    const key = f.controlId ?? 'NONE';
    const c = counts.get(key) ?? { total: 0, failed: 0 };
    c.total += 1;
    if (f.complianceStatus === 'FAILED') c.failed += 1;
    counts.set(key, c);
  }
  return [...counts]
    .map(([key, c]) => ({ key, ...c }))
    .sort((x, y) => (x.key < y.key ? -1 : 1));
}

describe.each(databases.eachSupportedId())(
  'the account × control rollup level on %s',
  databaseId => {
    it('is dropped by its migration and rebuilt from the findings by its down, while a summary by control in an account reads the findings', async () => {
      // Three accounts, five controls and some findings without one, a
      // quarter FAILED (the rest as governanceFinding makes them).
      const patch = (i: number): Partial<GovernanceFindingRow> => ({
        controlId: i % 7 === 0 ? undefined : `S3.${i % 5}`,
      });
      const { knex, stores, findings } = await withFindings(databaseId, patch);
      const account = '100000000001';
      const fineRows = () => knex('governance_rollups').where('level', 'fine');
      expect(await fineRows()).toEqual([]);
      const byControl = await stores.findings.summary('control', {
        accountId: account,
      });
      expect(byControl).toEqual(controlCounts(findings, account));

      await dropFine.down(knex);
      const rebuilt: Array<Record<string, string | number>> = await fineRows()
        .where('account_id', account)
        .select('control_id', 'compliance_status', 'count');
      const expected = controlCounts(findings, account);
      const idOf = (key: string) => (key === 'NONE' ? '' : key);
      expect(new Set(rebuilt.map(r => r.control_id))).toEqual(
        new Set(expected.map(c => idOf(c.key))),
      );
      for (const c of expected) {
        const rows = rebuilt.filter(r => r.control_id === idOf(c.key));
        expect(rows.reduce((n, r) => n + Number(r.count), 0)).toBe(c.total);
        expect(
          rows
            .filter(r => r.compliance_status === 'FAILED')
            .reduce((n, r) => n + Number(r.count), 0),
        ).toBe(c.failed);
      }

      await dropFine.up(knex);
      expect(await fineRows()).toEqual([]);
      const { stored, expected: recomputed } =
        await stores.findings.verifyRollups();
      expect(stored).toEqual(recomputed);
      expect(
        await stores.findings.summary('control', { accountId: account }),
      ).toEqual(byControl);
    });
  },
);
