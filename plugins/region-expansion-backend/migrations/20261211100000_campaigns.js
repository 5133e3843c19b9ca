/*
 * Region launch campaigns: one per target location, the changes of their
 * gates' states, and the planned tenants recorded as paying.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('campaigns', table => {
    table.comment('Region launch campaigns');
    table.string('id', 64).primary().notNullable();
    table.string('location_id', 64).notNullable();
    table.string('owner', 255).notNullable();
    table.string('target_date', 10).notNullable().comment('YYYY-MM-DD');
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.string('created_by', 255).notNullable();
    table.text('plan').notNullable().comment('JSON CampaignPlan');
    table.text('gates').notNullable().comment('JSON CampaignGateId[]');
    table.string('required_readiness_level', 16).notNullable();
    table
      .text('cost_approval')
      .nullable()
      .comment('JSON CampaignCostApproval; null until approved');
    table.index(['location_id'], 'campaigns_location_idx');
  });
  await knex.schema.createTable('campaign_gate_history', table => {
    table.comment('Every change of state of a campaign gate');
    table.bigIncrements('id').primary();
    table
      .string('campaign_id', 64)
      .notNullable()
      .references('id')
      .inTable('campaigns');
    table.string('gate_id', 64).notNullable();
    table.string('state', 16).notNullable();
    table.text('reason').notNullable();
    table.timestamp('at', { useTz: true }).notNullable();
    table.index(['campaign_id', 'at'], 'campaign_gate_history_campaign_idx');
  });
  await knex.schema.createTable('campaign_paying_tenants', table => {
    table.comment('Planned tenants a campaign records as paying');
    table
      .string('campaign_id', 64)
      .notNullable()
      .references('id')
      .inTable('campaigns');
    table.string('tenant_id', 64).notNullable();
    table.string('paying_since', 10).notNullable().comment('YYYY-MM-DD');
    table.string('recorded_by', 255).notNullable();
    table.timestamp('recorded_at', { useTz: true }).notNullable();
    table.primary(['campaign_id', 'tenant_id']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('campaign_paying_tenants');
  await knex.schema.dropTable('campaign_gate_history');
  await knex.schema.dropTable('campaigns');
};
