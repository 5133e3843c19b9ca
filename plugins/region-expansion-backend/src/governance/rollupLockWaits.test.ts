import { TestDatabases } from '@backstage/backend-test-utils';
import { migrated } from '../__testUtils__/database';
import { governanceFinding } from '../__testUtils__/governance';
import { testDatabaseIds } from '../__testUtils__/testDatabases';
import { createGovernanceStores } from './governanceStores';
import { ROLLUP_LEVELS } from './governanceRollups';

jest.setTimeout(60_000);

/** PostgreSQL only: concurrent write transactions exist only there. */
const postgresIds = testDatabaseIds().filter(id => id.startsWith('POSTGRES'));
const databases = TestDatabases.create({ ids: postgresIds });

/** Findings of one account in both Regions, every control and severity. */
function findingsOf(accountId: string, prefix: string) {
  return Array.from({ length: 60 }, (_, i) =>
    governanceFinding(i, { accountId, findingId: `${prefix}-${i}` }),
  );
}

(postgresIds.length ? describe.each : describe.skip.each)(
  postgresIds.length ? postgresIds : ['no PostgreSQL configured'],
)('rollup writes of different accounts on %s', databaseId => {
  it('do not wait for each other: a write of another account commits while one holds its rollup rows', async () => {
    const knex = await migrated(
      await databases.init(databaseId as (typeof postgresIds)[0]),
    );
    // Same partition, Regions, controls, severities and statuses: before
    // the shard column both writes needed the same partition, Region and
    // control rollup rows.
    const open = await knex.transaction();
    let outcome: string;
    try {
      await createGovernanceStores(open).findings.upsertFindings(
        'securityhub',
        findingsOf('100000000001', 'held'),
      );
      const write = createGovernanceStores(knex).findings.upsertFindings(
        'securityhub',
        findingsOf('100000000002', 'other'),
      );
      // A write that waits for the open transaction's locks is still
      // running after 5 s; one that does not commits in milliseconds.
      let timer: NodeJS.Timeout | undefined;
      outcome = await Promise.race([
        write.then(() => 'committed'),
        new Promise<string>(resolve => {
          timer = setTimeout(() => resolve('waiting for locks'), 5000);
        }),
      ]);
      clearTimeout(timer);
      await open.commit();
      await write;
    } finally {
      if (!open.isCompleted()) await open.rollback();
    }
    expect(outcome).toBe('committed');
    const { stored, expected } = await createGovernanceStores(
      knex,
    ).findings.verifyRollups();
    expect(stored).toEqual(expected);
    // Each of the two accounts' 60 findings counted once per level.
    expect(expected.reduce((n, r) => n + Number(r.count), 0)).toBe(
      2 * 60 * ROLLUP_LEVELS.length,
    );
  });
});
