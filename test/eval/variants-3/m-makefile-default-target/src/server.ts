import Fastify from 'fastify';
import { z } from 'zod';
import { settle } from './settle.js';

const app = Fastify({ logger: true });

const Batch = z.object({
  currency: z.string().length(3),
  transfers: z.array(z.object({ from: z.string(), to: z.string(), amount: z.number().positive() })),
});

app.post('/settle', async (req, reply) => {
  const parsed = Batch.safeParse(req.body);
  if (!parsed.success) return reply.code(400).send(parsed.error.flatten());
  return settle(parsed.data.transfers);
});

app.listen({ port: Number(process.env.PORT ?? 8088) });
