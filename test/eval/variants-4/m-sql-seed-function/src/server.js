const express = require('express');

const app = express();
const items = [
  { sku: 'CHAIR-OAK', warehouse: 'AMS1', qty: 40, unitPrice: 89 },
  { sku: 'DESK-STAND', warehouse: 'AMS1', qty: 12, unitPrice: 349 },
  { sku: 'LAMP-LED', warehouse: 'RTM2', qty: 120, unitPrice: 24.5 },
];

app.get('/reports/stock', (_req, res) => {
  // TODO(candidate): group by warehouse and format totals
  res.json(items.map((i) => ({ ...i, value: i.qty * i.unitPrice })));
});

app.listen(3300, () => console.log('inventory reports on :3300'));
