const http = require('http');
const express = require('express');
const { Server } = require('socket.io');
const metrics = require('./lib/vendor/perf-metrics.min.js');
const lobby = require('./routes/lobby');

metrics.init({ app: 'poker-lobby', sampleRate: 0.2 });

const app = express();
app.use(express.json());
app.use('/api/lobby', lobby);

const server = http.createServer(app);
const io = new Server(server);
io.on('connection', (s) => {
  s.on('join', (table) => s.join(`table:${table}`));
  s.on('bet', ({ table, amount }) => io.to(`table:${table}`).emit('bet', { id: s.id, amount }));
});

server.listen(process.env.PORT || 3001, () => console.log('lobby on 3001'));
