#!/usr/bin/env node
import { openStream } from './stream.js';

const symbols = process.argv.slice(2).length ? process.argv.slice(2) : ['BTCUSDT'];
const last = new Map();

function render() {
  const lines = symbols.map((s) => {
    const t = last.get(s);
    if (!t) return `${s.padEnd(10)} …`;
    const arrow = t.dir > 0 ? '\x1b[32m▲' : t.dir < 0 ? '\x1b[31m▼' : ' ';
    return `${s.padEnd(10)} ${arrow} ${t.price.toFixed(2)}\x1b[0m`;
  });
  process.stdout.write('\x1b[H\x1b[2J' + lines.join('\n') + '\n');
}

const stop = openStream(symbols, (t) => {
  const prev = last.get(t.symbol);
  last.set(t.symbol, { price: t.price, dir: prev ? Math.sign(t.price - prev.price) : 0 });
});

const timer = setInterval(render, 250);
process.on('SIGINT', () => {
  clearInterval(timer);
  stop();
  process.exit(0);
});
