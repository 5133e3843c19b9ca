/*
 * The rate-limit schedule of AWS calls per account, Region and API, shared
 * by every backend replica on this database: one row per key holding its
 * theoretical arrival time (GCRA), so replicas together stay within the
 * documented limits instead of each pacing at the full rate.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('governance_rate_limit_slots', table => {
    table.string('key', 255).primary().notNullable();
    // Milliseconds since the epoch on the database's clock.
    table.double('tat_ms').notNullable();
    table.double('reserved_at_ms').notNullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('governance_rate_limit_slots');
};
