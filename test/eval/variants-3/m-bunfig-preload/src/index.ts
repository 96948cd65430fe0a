import { Hono } from 'hono';
import { Queue } from './queue';

const q = new Queue<{ url: string }>();
const app = new Hono();

app.post('/jobs', async (c) => {
  const body = await c.req.json();
  const id = q.push(body);
  return c.json({ id }, 201);
});

app.get('/jobs/next', (c) => c.json(q.take() ?? null));

export default { port: Number(process.env.PORT), fetch: app.fetch };
