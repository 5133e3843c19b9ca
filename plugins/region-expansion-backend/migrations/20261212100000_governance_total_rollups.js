/*
 * Two rollup levels without severity, `account_total` (account) and
 * `scope_total` (account × Region), filled from the `account` and `scope`
 * levels: a summary by account that filters no severity reads them (7,878
 * rows instead of 26,728 at 300,000 findings in 2,000 accounts).
 */

// @ts-check

const FILLED_FROM = { account_total: 'account', scope_total: 'scope' };

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  for (const [level, from] of Object.entries(FILLED_FROM)) {
    await knex.raw(
      `INSERT INTO governance_rollups
         (level, source, partition, account_id, region, severity, control_id,
          compliance_status, record_state, count)
       SELECT ?, source, partition, account_id, region, '', control_id,
              compliance_status, record_state, SUM(count)
         FROM governance_rollups
        WHERE level = ?
        GROUP BY source, partition, account_id, region, control_id,
                 compliance_status, record_state
       HAVING SUM(count) <> 0`,
      [level, from],
    );
  }
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex('governance_rollups')
    .whereIn('level', Object.keys(FILLED_FROM))
    .delete();
};
