/*
 * Initial schema of the region-expansion backend: extra locations (Local
 * Zones, Outposts), control planes, cells with usage counters, tenants and the
 * placement history.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('locations', table => {
    table.comment('Locations added at runtime: Local Zones and Outpost sites');
    table.string('id', 64).primary().notNullable();
    table.string('kind', 16).notNullable();
    table.string('partition', 32).notNullable();
    table.string('name', 255).notNullable();
    table.string('country', 2).notNullable();
    table.string('geography', 32).notNullable();
    table.text('jurisdictions').notNullable().comment('JSON Jurisdiction[]');
    table.string('parent_region', 64).notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.index(['partition'], 'locations_partition_idx');
  });

  await knex.schema.createTable('control_planes', table => {
    table.comment('Control planes: tenant management and metadata');
    table.string('id', 64).primary().notNullable();
    table.string('name', 255).notNullable();
    table.string('mode', 16).notNullable();
    table.string('partition', 32).notNullable();
    table.string('home_location', 64).notNullable();
    table.text('managed_locations').notNullable().comment('JSON string[]');
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.index(['partition'], 'control_planes_partition_idx');
  });

  await knex.schema.createTable('cells', table => {
    table.comment('Cells: capacity-bounded copies of the application plane');
    table.string('id', 64).primary().notNullable();
    table.string('name', 255).notNullable();
    table.string('location_id', 64).notNullable();
    table.string('partition', 32).notNullable();
    table
      .string('control_plane_id', 64)
      .notNullable()
      .references('id')
      .inTable('control_planes');
    table.string('lifecycle', 16).notNullable();
    table.string('isolation', 16).notNullable();
    table.string('account_id', 12).notNullable();
    table.string('spec_version', 32).notNullable();
    table.integer('max_tenants').notNullable();
    table.integer('max_load_units').notNullable();
    table
      .text('max_quotas')
      .notNullable()
      .comment('JSON Record<string, number>');
    table.integer('tenant_count').notNullable().defaultTo(0);
    table.integer('load_units').notNullable().defaultTo(0);
    table
      .text('quota_usage')
      .notNullable()
      .comment('JSON Record<string, number>');
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.index(['partition', 'location_id'], 'cells_partition_location_idx');
    table.index(['lifecycle'], 'cells_lifecycle_idx');
  });

  await knex.schema.createTable('tenants', table => {
    table.comment('Tenants: customers, placed into cells');
    table.string('id', 64).primary().notNullable();
    table.string('name', 255).notNullable();
    table.string('tier', 16).notNullable();
    table.text('residency').notNullable().comment('JSON Residency');
    table.string('classification', 16).notNullable();
    table.integer('load_units').notNullable();
    table.text('quota_usage').nullable().comment('JSON Record<string, number>');
    table.string('cell_id', 64).nullable().references('id').inTable('cells');
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.index(['cell_id'], 'tenants_cell_id_idx');
    table.index(['tier'], 'tenants_tier_idx');
  });

  await knex.schema.createTable('placement_history', table => {
    table.comment('Every placement or migration of a tenant, with its reason');
    table.bigIncrements('id').primary();
    table.string('tenant_id', 64).notNullable();
    table.string('kind', 16).notNullable();
    table.string('from_cell_id', 64).nullable();
    table.string('cell_id', 64).notNullable();
    table.string('strategy', 16).notNullable();
    table.text('reason').notNullable();
    table.string('actor', 255).notNullable();
    table.timestamp('at', { useTz: true }).notNullable();
    table.index(['tenant_id'], 'placement_history_tenant_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('placement_history');
  await knex.schema.dropTable('tenants');
  await knex.schema.dropTable('cells');
  await knex.schema.dropTable('control_planes');
  await knex.schema.dropTable('locations');
};
