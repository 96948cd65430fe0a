// Trait rarity: statistical rarity = product of trait frequencies.
function traitFrequencies(tokens) {
  const freq = new Map();
  for (const t of tokens) {
    for (const [k, v] of Object.entries(t.traits)) {
      const key = `${k}:${v}`;
      freq.set(key, (freq.get(key) || 0) + 1);
    }
  }
  return freq;
}

function statistical(token, tokens, freq = traitFrequencies(tokens)) {
  return Object.entries(token.traits).reduce((p, [k, v]) => p * (freq.get(`${k}:${v}`) / tokens.length), 1);
}

// TODO(candidate): information content = -sum(log2(p(trait)))

module.exports = { traitFrequencies, statistical };
