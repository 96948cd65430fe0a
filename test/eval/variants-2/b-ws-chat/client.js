const WebSocket = require('ws');
const handlers = {
  message: (m) => console.log(`${m.from}: ${m.text}`),
  join: (m) => console.log(`${m.from} joined`),
};
const ws = new WebSocket(process.env.CHAT_URL || 'ws://localhost:8080');
ws.on('message', (raw) => {
  const msg = JSON.parse(raw.toString());
  const h = handlers[msg.type];
  if (h) h(msg);
});
ws.on('open', () => ws.send(JSON.stringify({ type: 'join', from: process.env.USER })));
