/*
 * Readiness: every evaluation of a location (history), waivers of single
 * readiness checks, and the application-plane footprint readiness is judged
 * against.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('readiness_evaluations', table => {
    table.comment('Every readiness evaluation of a location, never updated');
    table.bigIncrements('id').primary();
    table.string('location_id', 64).notNullable();
    table.string('partition', 32).notNullable();
    table.string('level', 16).notNullable().comment('blocked, pilot, ready');
    table
      .text('evaluation')
      .notNullable()
      .comment('JSON { signals, blockers, openChecks }');
    table
      .string('trigger', 16)
      .notNullable()
      .comment('scheduled, startup, manual, waiver, footprint');
    table.timestamp('evaluated_at', { useTz: true }).notNullable();
    table.index(
      ['location_id', 'evaluated_at'],
      'readiness_evaluations_location_time_idx',
    );
    table.index(['location_id', 'id'], 'readiness_evaluations_location_id_idx');
  });

  await knex.schema.createTable('readiness_waivers', table => {
    table.comment('Scoped, expiring, approved exceptions to one check');
    table.string('id', 64).primary().notNullable();
    table.string('location_id', 64).notNullable();
    table.string('check_name', 16).notNullable();
    table.text('reason').notNullable();
    table.string('approver', 255).notNullable();
    table.string('created_by', 255).notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('expires_at', { useTz: true }).notNullable();
    table.timestamp('revoked_at', { useTz: true }).nullable();
    table.string('revoked_by', 255).nullable();
    table
      .string('active_key', 96)
      .nullable()
      .comment(
        'location_id/check_name while the waiver may apply; NULL once revoked or retired after expiry. Unique: one active waiver per location and check',
      );
    table.unique(['active_key'], {
      indexName: 'readiness_waivers_active_key_uq',
    });
    table.index(
      ['location_id', 'check_name'],
      'readiness_waivers_location_idx',
    );
  });

  await knex.schema.createTable('application_plane_footprints', table => {
    table.comment('Application-plane footprints readiness is judged against');
    table.string('id', 64).primary().notNullable();
    table.text('footprint').notNullable().comment('JSON Footprint');
    table.text('source').notNullable().comment('Where the footprint came from');
    table.string('updated_by', 255).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('application_plane_footprints');
  await knex.schema.dropTable('readiness_waivers');
  await knex.schema.dropTable('readiness_evaluations');
};
