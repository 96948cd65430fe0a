const express = require('express');
const escrow = require('./escrow');

const app = express();
app.use(express.json());

app.post('/escrows', (req, res) => res.status(201).json(escrow.open(req.body)));
app.post('/escrows/:id/release', (req, res) => {
  try {
    res.json(escrow.release(req.params.id, req.body.by));
  } catch (e) {
    res.status(409).json({ error: e.message });
  }
});

app.listen(process.env.PORT || 4100, () => console.log('escrow api up'));
