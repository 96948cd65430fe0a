export type Quote = { source: string; symbol: string; price: number };

export function mean(quotes: Quote[]): number {
  if (!quotes.length) return NaN;
  return quotes.reduce((s, q) => s + q.price, 0) / quotes.length;
}

// TODO(candidate): median()
