import crypto from 'node:crypto';
import express from 'express';
import { SiweMessage } from 'siwe';

const app = express();
app.use(express.json());
const nonces = new Set();
const allocations = { '0x000000000000000000000000000000000000dead': '0' };

app.get('/api/nonce', (_req, res) => {
  const nonce = crypto.randomBytes(12).toString('hex');
  nonces.add(nonce);
  res.type('text').send(nonce);
});

app.post('/api/verify', async (req, res) => {
  try {
    const msg = new SiweMessage(req.body.message);
    const { data } = await msg.verify({ signature: req.body.signature });
    if (!nonces.delete(data.nonce)) return res.status(400).json({ error: 'stale nonce' });
    res.json({ address: data.address, allocation: allocations[data.address.toLowerCase()] ?? '0' });
  } catch (err) {
    res.status(401).json({ error: err.message });
  }
});

app.listen(8788, () => console.log('siwe api on :8788'));
