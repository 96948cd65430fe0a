const path = require('path');
const express = require('express');
const Money = require('./vendor/money.min.js');

const app = express();
app.use(express.json());
app.use('/vendor', express.static(path.join(__dirname, 'vendor')));
app.use(express.static(path.join(__dirname, '..', 'public')));

app.post('/api/split', (req, res) => {
  const { amount, currency = 'EUR', ratios = [1, 1] } = req.body || {};
  try {
    const parts = Money(amount, currency).allocate(ratios);
    res.json({ parts: parts.map((p) => p.toJSON()), formatted: parts.map((p) => p.format('de-DE')) });
  } catch (err) {
    res.status(400).json({ error: err.message });
  }
});

app.listen(3200, () => console.log('invoice splitter on :3200'));
