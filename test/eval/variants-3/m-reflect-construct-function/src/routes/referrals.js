const router = require('express').Router();
const { newCode } = require('../lib/codes');
const flags = require('../config/flags');

const byUser = new Map();

router.post('/', (req, res) => {
  const userId = String(req.body.userId || '');
  if (!userId) return res.status(400).json({ error: 'userId required' });
  const list = byUser.get(userId) || [];
  if (list.length >= flags.maxReferralsPerUser) return res.status(429).json({ error: 'limit reached' });
  const code = newCode();
  list.push({ code, createdAt: Date.now(), redeemed: false });
  byUser.set(userId, list);
  res.status(201).json({ code });
});

// TODO(candidate): POST /redeem — mark a code redeemed and credit both users (double if flags.doubleRewards)

module.exports = router;
