/*
 * The `fine` rollup level (account × Region × control × severity) goes: it
 * kept nearly one row per two findings (5.08M rows at 10M findings in 2,000
 * accounts), so every write upserted almost as many rollup rows for it as
 * findings. A summary by control filtered by account, the one read that
 * needed it, reads the findings table through its account index instead.
 */

// @ts-check

/** The columns the level kept besides the account, Region, control and severity. */
const GROUP = [
  'source',
  'partition',
  'account_id',
  'region',
  'severity',
  'record_state',
].join(', ');

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex('governance_rollups').where('level', 'fine').delete();
};

/**
 * Counts the findings into the level again, as its writes kept it (absent
 * values as '', no shard: the level has an account).
 *
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.raw(
    `INSERT INTO governance_rollups
       (level, shard, ${GROUP}, control_id, compliance_status, count)
     SELECT 'fine', '', ${GROUP}, COALESCE(control_id, ''),
            COALESCE(compliance_status, ''), COUNT(*)
       FROM governance_findings
      GROUP BY ${GROUP}, COALESCE(control_id, ''),
               COALESCE(compliance_status, '')`,
  );
};
