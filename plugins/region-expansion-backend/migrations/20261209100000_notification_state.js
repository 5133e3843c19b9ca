/*
 * The last state the notifier sent or observed per topic (a location and a
 * condition), so an unchanged condition is not notified again.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('notification_state', table => {
    table.string('topic', 255).primary().notNullable();
    table.string('scope_key', 160).notNullable().index();
    table.string('state', 255).notNullable();
    table.string('updated_at', 32).notNullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('notification_state');
};
