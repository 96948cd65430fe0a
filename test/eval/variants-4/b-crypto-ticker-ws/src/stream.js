import WebSocket from 'ws';

const DEFAULT_URL = 'wss://stream.exchange.example.invalid/stream';

// Subscribes to trade streams and reconnects with exponential backoff.
export function openStream(symbols, onTrade, { url = process.env.TICKER_STREAM_URL || DEFAULT_URL } = {}) {
  let ws;
  let attempt = 0;
  let ping;
  let closed = false;

  const handlers = {
    trade: (m) => onTrade({ symbol: m.s, price: Number(m.p), qty: Number(m.q), time: m.T }),
    subscribed: () => (attempt = 0),
    error: (m) => console.error('stream error:', m.msg),
  };

  function connect() {
    ws = new WebSocket(url);
    ws.on('open', () => {
      ws.send(JSON.stringify({ method: 'SUBSCRIBE', params: symbols.map((s) => `${s.toLowerCase()}@trade`), id: 1 }));
      ping = setInterval(() => ws.readyState === WebSocket.OPEN && ws.ping(), 20000);
    });
    ws.on('message', (raw) => {
      let msg;
      try {
        msg = JSON.parse(raw.toString());
      } catch {
        return;
      }
      const kind = msg.e || (msg.result === null ? 'subscribed' : msg.error ? 'error' : null);
      const handler = kind && handlers[kind];
      if (handler) handler(msg.error ?? msg);
    });
    ws.on('close', () => {
      clearInterval(ping);
      if (closed) return;
      const delay = Math.min(30000, 500 * 2 ** attempt++);
      setTimeout(connect, delay);
    });
    ws.on('error', () => ws.close());
  }

  connect();
  return () => {
    closed = true;
    ws?.close();
  };
}
