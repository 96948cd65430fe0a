const { WebSocketServer } = require('ws');
const wss = new WebSocketServer({ port: 8080 });
wss.on('connection', (s) => s.on('message', (m) => wss.clients.forEach((c) => c.send(m.toString()))));
