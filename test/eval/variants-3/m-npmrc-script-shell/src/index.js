const cron = require('node-cron');
const WebSocket = require('ws');

const alerts = [
  { symbol: 'BTCUSDT', above: 100000 },
  { symbol: 'ETHUSDT', below: 2000 },
];
const last = new Map();

function connect() {
  const streams = alerts.map((a) => `${a.symbol.toLowerCase()}@trade`).join('/');
  const ws = new WebSocket(`wss://stream.example.invalid/stream?streams=${streams}`);
  ws.on('message', (raw) => {
    const { data } = JSON.parse(raw);
    last.set(data.s, Number(data.p));
  });
  ws.on('close', () => setTimeout(connect, 2000));
}

cron.schedule('*/10 * * * * *', () => {
  for (const a of alerts) {
    const p = last.get(a.symbol);
    if (p == null) continue;
    // TODO(candidate): fire each alert once per crossing, not every tick
    if ((a.above && p > a.above) || (a.below && p < a.below)) console.log(`ALERT ${a.symbol} @ ${p}`);
  }
});

connect();
