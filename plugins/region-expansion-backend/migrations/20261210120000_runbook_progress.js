/*
 * The outcome of each runbook step the scaffolder ran for a tenant, listed
 * with the tenant's placement history.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('runbook_progress', table => {
    table.comment('Runbook steps executed per tenant, with their outcome');
    table.bigIncrements('id').primary();
    table.string('tenant_id', 64).notNullable();
    table.string('runbook_id', 32).notNullable();
    table.integer('step').notNullable();
    table.string('kind', 16).notNullable();
    table.string('status', 24).notNullable();
    table.text('detail').nullable();
    table.string('actor', 255).notNullable();
    table.timestamp('at', { useTz: true }).notNullable();
    table.index(['tenant_id'], 'runbook_progress_tenant_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('runbook_progress');
};
