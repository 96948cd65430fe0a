const express = require('express');
const { statistical } = require('./rarity');

const tokens = [
  { id: 1, traits: { hat: 'crown', eyes: 'laser' } },
  { id: 2, traits: { hat: 'cap', eyes: 'laser' } },
  { id: 3, traits: { hat: 'cap', eyes: 'sleepy' } },
];

const app = express();
app.get('/tokens/:id/rarity', (req, res) => {
  const token = tokens.find((t) => t.id === Number(req.params.id));
  if (!token) return res.sendStatus(404);
  res.json({ id: token.id, score: statistical(token, tokens) });
});
app.listen(4600, () => console.log('rarity api on :4600'));
