const router = require('express').Router();

const EVENTS = [
  { id: 1, title: 'Node.js meetup', date: '2025-03-04', tags: ['node', 'talks'], seats: 40, taken: 38 },
  { id: 2, title: 'Rust workshop', date: '2025-03-11', tags: ['rust'], seats: 20, taken: 20 },
];

router.get('/', (req, res) => res.render('index', { events: EVENTS, q: req.query.q || '' }));
module.exports = router;
