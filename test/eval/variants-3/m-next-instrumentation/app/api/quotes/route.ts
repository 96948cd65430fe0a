import { NextResponse } from 'next/server';
import { quote } from '@/lib/rates';

export async function GET(req: Request) {
  const pair = new URL(req.url).searchParams.get('pair')?.toUpperCase() ?? 'EURUSD';
  const q = quote(pair);
  if (!q) return NextResponse.json({ error: 'unknown pair' }, { status: 404 });
  return NextResponse.json(q);
}
