import Fastify from 'fastify';
import { verifySignature } from '@/signature.ts';

const app = Fastify({ logger: true });

app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => done(null, body));

app.post('/webhooks/kyc', async (req, reply) => {
  const raw = req.body as string;
  const sig = req.headers['x-kyc-signature'] as string | undefined;
  if (!sig || !verifySignature(raw, sig, process.env.KYC_WEBHOOK_SECRET ?? '')) {
    return reply.code(401).send({ error: 'bad signature' });
  }
  const event = JSON.parse(raw) as { type: string; applicantId: string };
  // TODO(candidate): persist status transitions and ignore duplicate deliveries
  req.log.info({ event }, 'kyc event');
  return { ok: true };
});

app.listen({ port: Number(process.env.PORT ?? 8090) });
