/*
 * Governance coverage: the Regions each source proved it watches, per
 * target, as its last successful run reported them (Security Hub: the
 * aggregation Region and the Regions its finding aggregator links;
 * Resilience Hub: assessed applications; Audit Manager: active assessments
 * with the account in scope; AWS Config: conformance packs reported through
 * the aggregator). Readiness signals of a Region without a proof are
 * `unknown`.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('governance_coverage', table => {
    table.comment(
      'Regions a governance source proved it watches, per target, from its last successful run',
    );
    table.string('source', 32).notNullable();
    table.string('partition', 32).notNullable();
    table.string('account_id', 12).notNullable();
    table.string('region', 64).notNullable().comment('Region of the target');
    table
      .string('covered_region', 64)
      .notNullable()
      .comment('Region proved to be watched');
    table
      .string('method', 32)
      .notNullable()
      .comment(
        'aggregation-region, finding-aggregator, assessed-applications, active-assessments, config-aggregator',
      );
    table.text('detail').notNullable().comment('One sentence for readers');
    table.primary([
      'source',
      'partition',
      'account_id',
      'region',
      'covered_region',
    ]);
    table.index(
      ['partition', 'covered_region'],
      'governance_coverage_region_idx',
    );
  });
  await knex.schema.alterTable('governance_sync_state', table => {
    table
      .text('coverage_scope')
      .nullable()
      .comment(
        'What the source watches from this target, one sentence, from the last successful run',
      );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('governance_sync_state', table => {
    table.dropColumn('coverage_scope');
  });
  await knex.schema.dropTable('governance_coverage');
};
