/*
 * Availability: every live refresh of service availability from the SSM
 * public parameters (`/aws/service/global-infrastructure/...`), dated, with
 * the outcome of its pages. Rows are never updated.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('availability_refreshes', table => {
    table.comment(
      'Every live availability refresh from SSM public parameters, never updated',
    );
    table.bigIncrements('id').primary();
    table
      .timestamp('fetched_at', { useTz: true })
      .notNullable()
      .comment('When the parameters were read');
    table
      .text('partitions')
      .notNullable()
      .comment('JSON array of the partition ids read');
    table.string('trigger', 16).notNullable().comment('scheduled, manual');
    table.string('requested_by', 255).notNullable();
    table.integer('pages_ok').notNullable();
    table.integer('pages_failed').notNullable();
    table
      .text('live')
      .notNullable()
      .comment(
        'JSON { locations: code[] per location, incomplete, failures[] } (the node library LiveAvailability without fetchedAt)',
      );
    table.index(['fetched_at'], 'availability_refreshes_fetched_at_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('availability_refreshes');
};
