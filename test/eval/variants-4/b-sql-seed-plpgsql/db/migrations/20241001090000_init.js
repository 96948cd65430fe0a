const fs = require('fs');
const path = require('path');

exports.up = async (knex) => {
  await knex.schema.createTable('members', (t) => {
    t.increments('id');
    t.string('email').unique().notNullable();
    t.integer('balance').notNullable().defaultTo(0);
  });
  await knex.schema.createTable('point_events', (t) => {
    t.increments('id');
    t.integer('member_id').references('members.id').notNullable();
    t.integer('delta').notNullable();
    t.string('reason');
    t.timestamp('created_at').defaultTo(knex.fn.now());
  });
  await knex.schema.createTable('templates', (t) => {
    t.string('name').primary();
    t.text('body').notNullable();
  });
  // trigger + function that keep members.balance in sync
  await knex.raw(fs.readFileSync(path.join(__dirname, '..', 'sql', 'functions.sql'), 'utf8'));
};

exports.down = async (knex) => {
  await knex.raw('DROP TRIGGER IF EXISTS point_events_balance ON point_events; DROP FUNCTION IF EXISTS apply_point_event();');
  await knex.schema.dropTable('templates').dropTable('point_events').dropTable('members');
};
