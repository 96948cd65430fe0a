import { createReadStream } from 'node:fs';
import { createServer } from 'node:http';
import { WebSocketServer } from 'ws';
import { openStream } from './stream.js';

const server = createServer((req, res) => {
  if (req.url === '/' || req.url === '/index.html') {
    res.setHeader('content-type', 'text/html');
    createReadStream(new URL('../public/index.html', import.meta.url)).pipe(res);
  } else {
    res.statusCode = 404;
    res.end();
  }
});
const wss = new WebSocketServer({ server });

openStream(['BTCUSDT', 'ETHUSDT'], (trade) => {
  const msg = JSON.stringify(trade);
  for (const client of wss.clients) if (client.readyState === 1) client.send(msg);
});

server.listen(8090, () => console.log('relay on http://localhost:8090'));
