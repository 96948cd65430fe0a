import Fastify from 'fastify';
import { mean, type Quote } from './aggregate.js';

const app = Fastify({ logger: true });
const quotes: Quote[] = [
  { source: 'a', symbol: 'BTC', price: 67010 },
  { source: 'b', symbol: 'BTC', price: 66990 },
];

app.get('/prices', async () => [{ symbol: 'BTC', price: mean(quotes.filter((q) => q.symbol === 'BTC')) }]);

export default app;
if (process.argv[1]?.endsWith('server.ts')) app.listen({ port: 3500 });
