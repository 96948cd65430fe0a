const router = require('express').Router();

const PAIRS = [
  { base: 'WETH', quote: 'USDC', volume24h: 182_000_000, fee: 0.0005 },
  { base: 'WBTC', quote: 'WETH', volume24h: 41_000_000, fee: 0.003 },
  { base: 'ARB', quote: 'USDC', volume24h: 9_400_000, fee: 0.003 },
];

router.get('/', (req, res) => res.json(PAIRS));

// TODO(candidate): GET /top?by=fees — rank pairs by 24h fee revenue (volume * fee)

module.exports = router;
