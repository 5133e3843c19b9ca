/*
 * Governance data: Security Hub findings (upserted by natural key), sync
 * state per source and target, Resilience Hub applications, Audit Manager
 * controls, AWS Config conformance pack scores, rollups of the findings
 * maintained on write (the dashboard summary reads them), and daily history
 * points.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('governance_findings', table => {
    table.comment('Security Hub findings; natural key source + finding_id');
    table.string('source', 32).notNullable();
    table.string('finding_id', 1024).notNullable();
    table.string('partition', 32).notNullable();
    table.string('account_id', 12).notNullable();
    table.string('region', 64).notNullable();
    table.string('severity', 32).notNullable();
    table.string('compliance_status', 32).nullable();
    table.string('control_id', 64).nullable();
    table.string('workflow_status', 32).nullable();
    table.string('record_state', 16).notNullable();
    table.string('resource_type', 128).nullable();
    table.string('resource_id', 1024).nullable();
    table.string('product_name', 255).nullable();
    table.string('generator_id', 512).nullable();
    table.text('title').nullable();
    table.string('created_at', 32).notNullable().comment('ISO 8601');
    table.string('updated_at', 32).notNullable().comment('ISO 8601');
    table.primary(['source', 'finding_id']);
    table.index(
      ['partition', 'region', 'account_id'],
      'governance_findings_scope_idx',
    );
    table.index(['account_id', 'region'], 'governance_findings_account_idx');
    table.index(['region'], 'governance_findings_region_idx');
    table.index(['severity'], 'governance_findings_severity_idx');
    table.index(['control_id'], 'governance_findings_control_idx');
    table.index(['workflow_status'], 'governance_findings_workflow_idx');
  });

  await knex.schema.createTable('governance_rollups', table => {
    table.comment(
      'Finding counts per rollup level, maintained on every upsert (deltas in the upsert transaction)',
    );
    table
      .string('level', 16)
      .notNullable()
      .comment(
        'partition, region, account, control, scope or fine: which dimensions the row keeps',
      );
    table.string('source', 32).notNullable();
    table.string('partition', 32).notNullable();
    table
      .string('account_id', 12)
      .notNullable()
      .comment("'' when the level has no account");
    table
      .string('region', 64)
      .notNullable()
      .comment("'' when the level has no Region");
    table.string('severity', 32).notNullable();
    table
      .string('control_id', 64)
      .notNullable()
      .comment("'' when the level has no control or the finding has none");
    table
      .string('compliance_status', 32)
      .notNullable()
      .comment("'' when the finding has none");
    table.string('record_state', 16).notNullable();
    table.bigInteger('count').notNullable().defaultTo(0);
    table.primary(
      [
        'level',
        'account_id',
        'region',
        'control_id',
        'severity',
        'compliance_status',
        'record_state',
        'source',
        'partition',
      ],
      'governance_rollups_pkey',
    );
    table.index(['level', 'region'], 'governance_rollups_region_idx');
    table.index(['level', 'control_id'], 'governance_rollups_control_idx');
    table.index(['level', 'severity'], 'governance_rollups_severity_idx');
  });

  await knex.schema.createTable('governance_sync_state', table => {
    table.comment('Sync state per source and target');
    table.string('source', 32).notNullable();
    table.string('partition', 32).notNullable();
    table.string('account_id', 12).notNullable();
    table.string('region', 64).notNullable();
    table.text('cursor').nullable();
    table
      .string('status', 16)
      .notNullable()
      .comment('never, running, ok, unavailable, stale');
    table.string('last_attempt_at', 32).nullable();
    table.string('last_success_at', 32).nullable();
    table.text('stale_reason').nullable();
    table.integer('pages').notNullable().defaultTo(0);
    table.bigInteger('rows').notNullable().defaultTo(0);
    table.primary(['source', 'partition', 'account_id', 'region']);
  });

  await knex.schema.createTable('governance_resilience_apps', table => {
    table.comment(
      'Resilience Hub apps with their latest successful assessment',
    );
    table.string('app_arn', 1024).primary().notNullable();
    table.string('partition', 32).notNullable();
    table.string('account_id', 12).notNullable();
    table.string('region', 64).notNullable();
    table.string('app_name', 255).notNullable();
    table.string('assessment_arn', 1024).nullable();
    table.string('compliance_status', 64).notNullable();
    table.string('drift_status', 64).nullable();
    table.float('resiliency_score').nullable();
    table.string('assessed_at', 32).nullable();
    table
      .text('disruptions')
      .notNullable()
      .comment('JSON ResilienceDisruptionRow[]');
    table.index(
      ['partition', 'account_id', 'region'],
      'governance_resilience_scope_idx',
    );
  });

  await knex.schema.createTable('governance_audit_controls', table => {
    table.comment(
      'Audit Manager controls of active assessments, with evidence folder counts',
    );
    table.string('assessment_id', 64).notNullable();
    table.string('control_set_id', 300).notNullable();
    table.string('control_id', 64).notNullable();
    table.string('partition', 32).notNullable();
    table.string('account_id', 12).notNullable();
    table.string('region', 64).notNullable();
    table.string('assessment_name', 300).notNullable();
    table.string('framework', 300).notNullable();
    table.string('control_name', 300).notNullable();
    table.string('control_status', 32).notNullable();
    table.integer('evidence_count').notNullable();
    table.text('folders').notNullable().comment('JSON folder counts');
    table.primary(['assessment_id', 'control_set_id', 'control_id']);
    table.index(
      ['partition', 'account_id', 'region'],
      'governance_audit_scope_idx',
    );
  });

  await knex.schema.createTable('governance_conformance_scores', table => {
    table.comment(
      'AWS Config conformance pack compliance per account and Region',
    );
    table.string('partition', 32).notNullable();
    table.string('account_id', 12).notNullable();
    table.string('region', 64).notNullable();
    table.string('pack_name', 256).notNullable();
    table.string('compliance_type', 32).notNullable();
    table.integer('compliant_rules').notNullable();
    table.integer('non_compliant_rules').notNullable();
    table.integer('total_rules').notNullable();
    table.float('score').notNullable();
    table.primary(['partition', 'account_id', 'region', 'pack_name']);
  });

  await knex.schema.createTable('governance_history', table => {
    table.comment('One point per day, source and partition');
    table.string('day', 10).notNullable();
    table.string('source', 32).notNullable();
    table.string('partition', 32).notNullable();
    table.bigInteger('total').notNullable();
    table.bigInteger('failed').notNullable();
    table.bigInteger('critical_or_high_failed').notNullable();
    table.integer('stale_targets').notNullable();
    table.primary(['day', 'source', 'partition']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  for (const table of [
    'governance_history',
    'governance_conformance_scores',
    'governance_audit_controls',
    'governance_resilience_apps',
    'governance_sync_state',
    'governance_rollups',
    'governance_findings',
  ]) {
    await knex.schema.dropTableIfExists(table);
  }
};
