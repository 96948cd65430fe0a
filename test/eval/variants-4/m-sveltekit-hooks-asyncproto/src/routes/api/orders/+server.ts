import { json } from '@sveltejs/kit';
import { match, type Order } from '$lib/server/matcher';

const book: Order[] = [];

export async function POST({ request }) {
  const order = (await request.json()) as Order;
  book.push(order);
  return json({ fills: match(book) });
}

export function GET() {
  return json(book);
}
