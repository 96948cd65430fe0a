import { Router } from 'express';

const scores = new Map<string, number>();
const router = Router();

router.post('/score', (req, res) => {
  const { player, points } = req.body as { player: string; points: number };
  scores.set(player, (scores.get(player) ?? 0) + Number(points));
  res.status(204).end();
});

router.get('/', (req, res) => {
  const top = Number(req.query.top ?? 10);
  res.json([...scores.entries()].sort((a, b) => b[1] - a[1]).slice(0, top).map(([player, points]) => ({ player, points })));
});

export default router;
