/*
 * Load units are amounts (a tenant may use 2.5), as the request schemas
 * and the placement engine treat them, but the initial schema declared them
 * integer: PostgreSQL refused 2.5 with a server error. SQLite's integer
 * affinity already keeps such values as they are, so only PostgreSQL
 * columns change.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  if (knex.client.config.client !== 'pg') return;
  await knex.schema.alterTable('cells', table => {
    table.double('max_load_units').notNullable().alter();
    table.double('load_units').notNullable().defaultTo(0).alter();
  });
  await knex.schema.alterTable('tenants', table => {
    table.double('load_units').notNullable().alter();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  if (knex.client.config.client !== 'pg') return;
  // Rounds fractional amounts: the integer columns cannot hold them.
  await knex.schema.alterTable('tenants', table => {
    table.integer('load_units').notNullable().alter();
  });
  await knex.schema.alterTable('cells', table => {
    table.integer('max_load_units').notNullable().alter();
    table.integer('load_units').notNullable().defaultTo(0).alter();
  });
};
