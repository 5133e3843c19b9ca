/*
 * A `shard` column in the rollups' primary key: the levels without an
 * account (`partition`, `region`, `control`) keep one row per group and
 * account-id last character, so concurrent writes of different accounts do
 * not wait for each other's COMMIT on the same rows (see `rollupShard` in
 * src/governance/governanceRollups.ts). Their stored rows are rebuilt from the
 * level that keeps the same columns plus the account.
 */

// @ts-check

const KEY = [
  'level',
  'account_id',
  'region',
  'control_id',
  'severity',
  'compliance_status',
  'record_state',
  'source',
  'partition',
];
const PKEY = 'governance_rollups_pkey';

/** Each level without an account, and the level it is the sum of. */
const FILLED_FROM = { partition: 'account', region: 'scope', control: 'fine' };

/** The columns kept by both levels of a {@link FILLED_FROM} pair. */
const GROUP = [
  'source',
  'partition',
  'region',
  'control_id',
  'severity',
  'compliance_status',
  'record_state',
].join(', ');

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('governance_rollups', table => {
    table
      .string('shard', 1)
      .notNullable()
      .defaultTo('')
      .comment(
        "last character of the account id at levels without an account, else ''",
      );
  });
  await knex.schema.alterTable('governance_rollups', table => {
    table.dropPrimary(PKEY);
    table.primary([...KEY, 'shard'], { constraintName: PKEY });
  });
  for (const [level, from] of Object.entries(FILLED_FROM)) {
    await knex('governance_rollups').where('level', level).delete();
    await knex.raw(
      `INSERT INTO governance_rollups
         (level, shard, account_id, ${GROUP}, count)
       SELECT ?, substr(account_id, length(account_id), 1), '', ${GROUP},
              SUM(count)
         FROM governance_rollups
        WHERE level = ?
        GROUP BY substr(account_id, length(account_id), 1), ${GROUP}
       HAVING SUM(count) <> 0`,
      [level, from],
    );
  }
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  for (const [level, from] of Object.entries(FILLED_FROM)) {
    await knex('governance_rollups').where('level', level).delete();
    await knex.raw(
      `INSERT INTO governance_rollups
         (level, shard, account_id, ${GROUP}, count)
       SELECT ?, '', '', ${GROUP}, SUM(count)
         FROM governance_rollups
        WHERE level = ?
        GROUP BY ${GROUP}
       HAVING SUM(count) <> 0`,
      [level, from],
    );
  }
  await knex.schema.alterTable('governance_rollups', table => {
    table.dropPrimary(PKEY);
    table.primary(KEY, { constraintName: PKEY });
  });
  await knex.schema.alterTable('governance_rollups', table => {
    table.dropColumn('shard');
  });
};
