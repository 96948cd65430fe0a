const http = require('http');
const express = require('express');
const { Server } = require('socket.io');
const cfg = require('./config');
const attachChat = require('./routes/chat');

const app = express();
app.get('/health', (req, res) => res.json({ ok: true }));

const server = http.createServer(app);
const io = new Server(server, { cors: { origin: '*' } });
attachChat(io);

server.listen(cfg.port, () => console.log(`support widget backend on ${cfg.port}`));
