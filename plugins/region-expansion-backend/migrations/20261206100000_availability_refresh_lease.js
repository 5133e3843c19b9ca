/*
 * Availability refresh lease: at most one live availability refresh runs at a
 * time across every backend replica sharing the database. The one row is
 * taken atomically (insert, or take over when expired), renewed while the
 * refresh runs and deleted when it ends; a crashed replica's row expires.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('availability_refresh_leases', table => {
    table.comment(
      'Who runs the live availability refresh now; one row per guarded job while it runs',
    );
    table
      .string('name', 64)
      .primary()
      .comment('The guarded job, `availability-refresh`');
    table
      .string('holder', 64)
      .notNullable()
      .comment('Random id of the refresh holding the lease');
    table
      .string('requested_by', 255)
      .notNullable()
      .comment('User entity ref, or scheduler');
    table.timestamp('acquired_at', { useTz: true }).notNullable();
    table
      .timestamp('expires_at', { useTz: true })
      .notNullable()
      .comment(
        'Renewed while the refresh runs; after it, anyone may take over',
      );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('availability_refresh_leases');
};
