const { pools } = require('../config/pools.json');

/** Pick the pool with the best risk-adjusted APY (TODO(candidate): penalise small TVL). */
function bestPool(list) {
  return [...list].sort((a, b) => b.apy - a.apy)[0];
}

console.log('route deposits to', bestPool(pools).id);
module.exports = { bestPool };
