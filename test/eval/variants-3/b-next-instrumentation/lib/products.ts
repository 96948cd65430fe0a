export type Product = { id: string; name: string; priceCents: number; image: string };

export async function getProducts(): Promise<Product[]> {
  const res = await fetch(`${process.env.CATALOG_API_URL}/products`, { next: { revalidate: 60 } });
  if (!res.ok) throw new Error(`catalog ${res.status}`);
  return res.json();
}
