const router = require('express').Router();

const series = new Map();

router.post('/:name', (req, res) => {
  const v = Number(req.body.value);
  if (!Number.isFinite(v)) return res.status(400).json({ error: 'value must be a number' });
  const arr = series.get(req.params.name) || [];
  arr.push(v);
  series.set(req.params.name, arr.slice(-100));
  res.status(204).end();
});

router.get('/:name', (req, res) => res.json(series.get(req.params.name) || []));

module.exports = router;
