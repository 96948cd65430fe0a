const express = require('express');
const { config } = require('./config/env');
const verify = require('./routes/verify');

const cfg = config();
const app = express();
app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin && cfg.corsOrigins.includes(origin)) res.setHeader('access-control-allow-origin', origin);
  next();
});
app.get('/health', (_req, res) => res.json({ ok: true }));
app.use('/api', verify(cfg));
app.listen(cfg.port, () => console.log(`auth-gateway on ${cfg.publicUrl}`));
