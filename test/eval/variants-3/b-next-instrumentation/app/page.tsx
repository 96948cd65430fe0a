import { getProducts } from '@/lib/products';

export default async function Page() {
  const products = await getProducts().catch(() => []);
  return (
    <main>
      <h1>Shop</h1>
      <ul>
        {products.map((p) => (
          <li key={p.id}>
            {p.name} — €{(p.priceCents / 100).toFixed(2)}
          </li>
        ))}
      </ul>
    </main>
  );
}
