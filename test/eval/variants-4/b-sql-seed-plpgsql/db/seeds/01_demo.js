const fs = require('fs');
const path = require('path');

exports.seed = async (knex) => {
  await knex('point_events').del();
  await knex('members').del();
  await knex.raw('ALTER SEQUENCE members_id_seq RESTART WITH 1');
  await knex.raw(fs.readFileSync(path.join(__dirname, '..', 'sql', 'seed.sql'), 'utf8'));
};
