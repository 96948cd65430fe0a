const express = require('express');
const Mustache = require('mustache');
const knex = require('knex')(require('../db/knexfile'));

const app = express();

app.get('/members/:id', async (req, res) => {
  const member = await knex('members').where({ id: req.params.id }).first();
  if (!member) return res.sendStatus(404);
  res.json(member);
});

app.get('/members/:id/welcome', async (req, res) => {
  const member = await knex('members').where({ id: req.params.id }).first();
  const tpl = await knex('templates').where({ name: 'welcome' }).first();
  if (!member || !tpl) return res.sendStatus(404);
  res.type('text').send(Mustache.render(tpl.body, member));
});

// TODO(candidate): /members/:id/statement with expiring points

app.listen(3400, () => console.log('loyalty on :3400'));
