const router = require('express').Router();

const tables = [
  { id: 1, name: 'Low stakes', blinds: [1, 2], seats: 6, players: 3 },
  { id: 2, name: 'High roller', blinds: [50, 100], seats: 6, players: 5 },
];

router.get('/tables', (req, res) => res.json(tables));

// TODO(candidate): POST /tables/:id/seat — reserve a seat, 409 when full

module.exports = router;
