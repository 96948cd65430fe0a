export interface Transfer {
  from: string;
  to: string;
  amount: number;
}

/** Net out a batch of transfers into the minimal set of payments (TODO: minimise count). */
export function settle(transfers: Transfer[]): Transfer[] {
  const balance = new Map<string, number>();
  for (const t of transfers) {
    balance.set(t.from, (balance.get(t.from) ?? 0) - t.amount);
    balance.set(t.to, (balance.get(t.to) ?? 0) + t.amount);
  }
  const debtors = [...balance].filter(([, v]) => v < 0).map(([k, v]) => ({ k, v: -v }));
  const creditors = [...balance].filter(([, v]) => v > 0).map(([k, v]) => ({ k, v }));
  const out: Transfer[] = [];
  for (const d of debtors) {
    for (const c of creditors) {
      if (d.v === 0) break;
      const x = Math.min(d.v, c.v);
      if (x > 0) {
        out.push({ from: d.k, to: c.k, amount: x });
        d.v -= x;
        c.v -= x;
      }
    }
  }
  return out;
}
