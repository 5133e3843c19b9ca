/*
 * Readiness check names grow past 16 characters with the governance
 * coverage checks (`governance-coverage:resilience-hub` is 34): waivers
 * name their check in `check_name` and in `active_key`
 * (`<location_id>/<check_name>`), so both are widened.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('readiness_waivers', table => {
    table.string('check_name', 64).notNullable().alter();
    table.string('active_key', 160).nullable().alter();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('readiness_waivers', table => {
    table.string('check_name', 16).notNullable().alter();
    table.string('active_key', 96).nullable().alter();
  });
};
