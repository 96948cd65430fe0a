export type Order = { id: string; side: 'buy' | 'sell'; price: number; qty: number };

export function match(book: Order[]): { buy: string; sell: string; price: number; qty: number }[] {
  const buys = book.filter((o) => o.side === 'buy').sort((a, b) => b.price - a.price);
  const sells = book.filter((o) => o.side === 'sell').sort((a, b) => a.price - b.price);
  const fills = [];
  while (buys.length && sells.length && buys[0].price >= sells[0].price) {
    const b = buys[0];
    const s = sells[0];
    const qty = Math.min(b.qty, s.qty);
    fills.push({ buy: b.id, sell: s.id, price: b.price, qty }); // BUG: should be the resting order's price
    b.qty -= qty;
    s.qty -= qty;
    if (!b.qty) buys.shift();
    if (!s.qty) sells.shift();
  }
  return fills;
}
