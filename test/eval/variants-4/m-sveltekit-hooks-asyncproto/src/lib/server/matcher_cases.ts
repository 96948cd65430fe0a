import type { Order } from './matcher';

export const cases: { book: Order[]; fills: number }[] = [
  { book: [{ id: 'b1', side: 'buy', price: 101, qty: 2 }, { id: 's1', side: 'sell', price: 100, qty: 1 }], fills: 1 },
];
