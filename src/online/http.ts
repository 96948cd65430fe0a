/**
 * The only network client of lurescan's online mode: GET with a timeout, a size limit enforced while reading, one
 * retry on connection failures and 5xx, and plain-language errors. Results as values, never thrown.
 */

export type Fetched =
  | { ok: true; status: number; body: Buffer }
  | { ok: false; status?: number; error: string; tooLarge?: boolean };

export interface GetOptions {
  timeoutMs: number;
  maxBytes: number;
  accept?: string;
  /** Extra attempts after a connection failure or 5xx (default 1). */
  retries?: number;
}

export const USER_AGENT = 'lurescan (https://github.com/lurescan/lurescan)';

export async function httpGet(url: string, opts: GetOptions): Promise<Fetched> {
  const retries = opts.retries ?? 1;
  let last: Fetched = { ok: false, error: 'not attempted' };
  for (let attempt = 0; attempt <= retries; attempt++) {
    last = await getOnce(url, opts);
    const transient = !last.ok && !last.tooLarge && (last.status === undefined || last.status >= 500);
    if (!transient) return last;
  }
  return last;
}

async function getOnce(url: string, opts: GetOptions): Promise<Fetched> {
  const signal = AbortSignal.timeout(opts.timeoutMs);
  let res: Response;
  try {
    res = await fetch(url, { signal, redirect: 'follow', headers: { accept: opts.accept ?? '*/*', 'user-agent': USER_AGENT } });
  } catch (e) {
    return { ok: false, error: networkMessage(url, e, opts.timeoutMs) };
  }
  if (res.status !== 200) {
    await res.body?.cancel().catch(() => {});
    return { ok: false, status: res.status, error: `GET ${url}: HTTP ${res.status}` };
  }
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (declared > opts.maxBytes) {
    await res.body?.cancel().catch(() => {});
    return { ok: false, status: 200, tooLarge: true, error: `GET ${url}: response of ${declared} bytes exceeds the ${opts.maxBytes}-byte limit` };
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    const reader = res.body!.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > opts.maxBytes) {
        await reader.cancel().catch(() => {});
        return { ok: false, status: 200, tooLarge: true, error: `GET ${url}: response exceeds the ${opts.maxBytes}-byte limit` };
      }
      chunks.push(value);
    }
  } catch (e) {
    return { ok: false, error: networkMessage(url, e, opts.timeoutMs) };
  }
  return { ok: true, status: 200, body: Buffer.concat(chunks, size) };
}

function networkMessage(url: string, e: unknown, timeoutMs: number): string {
  const err = e as Error & { cause?: { code?: string; message?: string } };
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError') return `GET ${url}: no answer within ${Math.round(timeoutMs / 1000)} s`;
  const code = err?.cause?.code ?? err?.cause?.message ?? err?.message ?? String(e);
  return `GET ${url}: unreachable (${code})`;
}
