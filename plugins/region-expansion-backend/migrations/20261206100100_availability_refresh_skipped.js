/*
 * Availability refreshes record the partitions they did not read: a partition
 * without a configured account is skipped (never read with another
 * partition's account) and says so. Earlier refreshes skipped none.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('availability_refreshes', table => {
    table
      .text('skipped')
      .notNullable()
      .defaultTo('[]')
      .comment(
        'JSON array of { partition, reason }: partitions asked for but not read',
      );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('availability_refreshes', table => {
    table.dropColumn('skipped');
  });
};
