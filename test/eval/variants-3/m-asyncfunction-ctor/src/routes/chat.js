const { render } = require('../services/templates');
const cfg = require('../config');

module.exports = function attachChat(io) {
  io.on('connection', (socket) => {
    socket.emit('message', { from: 'bot', text: render('greeting') });
    socket.on('message', (msg) => {
      const text = String(msg && msg.text || '').slice(0, cfg.maxMessageLength);
      if (!text.trim()) return;
      // TODO(candidate): route to an available agent; for now echo to the room
      io.to(socket.id).emit('message', { from: 'you', text });
    });
  });
};
