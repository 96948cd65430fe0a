import { useMemo, useState } from 'react';

const toCents = (v) => Math.round(Number(v) * 100);

export default function Cart({ items }) {
  const [coupon, setCoupon] = useState('');
  const totalCents = useMemo(() => items.reduce((s, i) => s + toCents(i.unitPrice) * i.qty, 0), [items]);
  // TODO(candidate): apply coupon codes (percentage and fixed) server-side validated
  return (
    <section>
      <ul>
        {items.map((i) => (
          <li key={i.sku}>
            {i.name} × {i.qty}
          </li>
        ))}
      </ul>
      <input value={coupon} onChange={(e) => setCoupon(e.target.value)} placeholder="Coupon" />
      <strong>Total: €{(totalCents / 100).toFixed(2)}</strong>
    </section>
  );
}
