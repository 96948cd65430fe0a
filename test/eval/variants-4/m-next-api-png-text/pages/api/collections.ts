import type { NextApiRequest, NextApiResponse } from 'next';

const collections = [
  { slug: 'pixel-frogs', name: 'Pixel Frogs', sales: [0.42, 0.39, 0.5] },
  { slug: 'moon-keys', name: 'Moon Keys', sales: [] as number[] },
];

export default function handler(_req: NextApiRequest, res: NextApiResponse) {
  res.json(
    collections.map((c) => ({ slug: c.slug, name: c.name, floor: Math.min(...c.sales) })),
  );
}
