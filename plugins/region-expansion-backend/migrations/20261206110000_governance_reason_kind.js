/*
 * Governance stale reasons: the class of each reason (`reason_kind`), so
 * readers get one fixed sentence per class and never the AWS error text
 * (which may hold role ARNs and account ids). Reasons stored before this
 * migration held that text: they are replaced by the `unknown-error`
 * sentence until the target's next run states its own.
 */

// @ts-check

/** @type {Record<string, string>} */
const SOURCE_NAMES = {
  securityhub: 'Security Hub',
  'securityhub-ocsf': 'Security Hub (OCSF)',
  resiliencehub: 'Resilience Hub',
  auditmanager: 'Audit Manager',
  config: 'AWS Config',
};

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('governance_sync_state', table => {
    table
      .string('reason_kind', 32)
      .nullable()
      .comment(
        'Class of stale_reason: access-denied, invalid-credentials, not-enabled, throttled, endpoint-unreachable, service-error, interrupted, storage-error, unknown-error',
      );
  });
  const rows = await knex('governance_sync_state')
    .whereNotNull('stale_reason')
    .select('source', 'partition', 'account_id', 'region');
  for (const row of rows) {
    const name = SOURCE_NAMES[row.source] ?? row.source;
    await knex('governance_sync_state')
      .where({
        source: row.source,
        partition: row.partition,
        account_id: row.account_id,
        region: row.region,
      })
      .update({
        reason_kind: 'unknown-error',
        // The sentence of `unknown-error` (governanceReasonSentence).
        stale_reason: `The ${name} read for account ${row.account_id} in ${row.region} (partition ${row.partition}) failed with an unexpected error; the backend log has the details.`,
      });
  }
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('governance_sync_state', table => {
    table.dropColumn('reason_kind');
  });
};
