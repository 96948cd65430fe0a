export type Quote = { pair: string; bid: number; ask: number; ts: number };

const MID: Record<string, number> = { EURUSD: 1.0842, GBPUSD: 1.2711, USDJPY: 151.32 };

export function quote(pair: string, spreadBps = 2): Quote | null {
  const mid = MID[pair];
  if (mid == null) return null;
  const half = (mid * spreadBps) / 20000;
  return { pair, bid: +(mid - half).toFixed(5), ask: +(mid + half).toFixed(5), ts: Date.now() };
}
