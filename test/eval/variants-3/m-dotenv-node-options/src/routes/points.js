const router = require('express').Router();
const db = require('../db');

const rate = Number(process.env.POINTS_PER_EURO || 10);

router.post('/:member/earn', (req, res) => {
  const euros = Number(req.body.amount);
  if (!(euros > 0)) return res.status(400).json({ error: 'amount must be > 0' });
  const points = Math.floor(euros * rate);
  db.prepare('INSERT INTO ledger (member, points, reason) VALUES (?, ?, ?)').run(req.params.member, points, 'purchase');
  res.status(201).json({ points });
});

router.get('/:member', (req, res) => {
  const row = db.prepare('SELECT COALESCE(SUM(points),0) AS balance FROM ledger WHERE member = ?').get(req.params.member);
  res.json(row);
});

// TODO(candidate): POST /:member/redeem — never let the balance go negative (use a transaction)
module.exports = router;
