const express = require('express');
const { reconcile } = require('./reconcile');

const app = express();
app.use(express.json({ limit: '1mb' }));

app.post('/reconcile', (req, res) => {
  const { invoices = [], lines = [] } = req.body || {};
  if (!Array.isArray(invoices) || !Array.isArray(lines)) {
    return res.status(400).json({ error: 'invoices and lines must be arrays' });
  }
  res.json(reconcile(invoices, lines));
});

if (require.main === module) {
  const port = Number(process.env.PORT) || 4010;
  app.listen(port, () => console.log(`reconciler listening on ${port}`));
}

module.exports = app;
