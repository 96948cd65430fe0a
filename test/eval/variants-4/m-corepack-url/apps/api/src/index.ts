import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { aprToApy } from './apy.js';

const vaults = [
  { id: 'usdc-lend', apr: 0.071 },
  { id: 'eth-lst', apr: 0.034 },
];

const app = new Hono();
app.get('/vaults', (c) => c.json(vaults.map((v) => ({ ...v, apy: aprToApy(v.apr) }))));
serve({ fetch: app.fetch, port: 8787 });
