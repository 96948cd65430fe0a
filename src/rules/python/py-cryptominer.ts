import type { Node } from 'web-tree-sitter';
import { defineRule } from '../../core/rule.js';
import { modelOf } from '../../analyzers/python/model.js';
import { at, clip, contentStrings, isProcessCall } from './_util.js';

const KINDS: Array<[string, RegExp]> = [
  ['miner program', /\b(?:xmrig|xmr-stak|cpuminer|minerd|ccminer|lolminer|nbminer|phoenixminer|gminer|nanominer|srbminer|t-rex)\b/i],
  ['mining pool', /stratum\+(?:tcp|ssl|tls):\/\/|\b(?:supportxmr\.com|unmineable\.com|nanopool\.org|minexmr\.com|2miners\.com|f2pool\.com|moneroocean\.stream|hashvault\.pro|herominers\.com|c3pool\.com|nicehash\.com|ethermine\.org|miningpoolhub\.com|xmrpool\.eu)\b/i],
  ['miner command line', /(?:^|\s)-o\s+[\w.-]+:\d{2,5}\b[^\n]*\s-u\s+\S{16,}|--url[= ][\w.-]+:\d{2,5}\b[^\n]*--user[= ]\S{16,}/],
  ['Monero wallet address', /\b4[0-9AB][1-9A-HJ-NP-Za-km-z]{93}\b/],
];

export default defineRule({
  id: 'py-cryptominer',
  meta: {
    kind: 'threat',
    category: 'execution',
    severity: 'critical',
    confidence: 'high',
    summary: 'Python fetches or starts a cryptocurrency miner (xmrig and kin, stratum pools, -o pool:port -u wallet command lines, Monero addresses)',
    why: 'Typosquatted packages download xmrig or a bundled miner and start it hidden with the attacker\'s pool and wallet, so installing the package mines for them on the victim\'s CPU.',
    fix: 'Do not install it. If it ran, kill the miner process, remove the dropped binary and any service or startup entry it created.',
    falsePositives: 'Mining-pool API clients name pools without starting anything: one indicator alone is not reported, and without a process start the finding is high/medium.',
    references: ['https://attack.mitre.org/techniques/T1496/'],
    status: 'stable',
  },
  input: 'py-ast',
  prefilter: /xmr|miner|stratum|supportxmr|unmineable|nanopool|minexmr|2miners|f2pool|moneroocean|hashvault|herominers|c3pool|nicehash|ethermine|miningpoolhub|--url|-o\s|\b4[0-9AB][1-9A-HJ-NP-Za-km-z]{93}\b/i,
  check(ctx, py) {
    const model = modelOf(py);
    const found = new Map<string, { node: Node; sample: string }>();
    for (const s of contentStrings(py)) {
      if (s.value.length > 200_000) continue;
      for (const [name, re] of KINDS) {
        if (found.has(name)) continue;
        const m = re.exec(s.value);
        if (m) found.set(name, { node: s.node, sample: m[0].trim() });
      }
    }
    const spawns = model.calls.some((c) => isProcessCall(model, c));
    const strong = found.has('mining pool') || found.has('miner command line');
    if (found.size < 2 && !(strong && spawns)) return;
    const first = [...found.values()].sort((a, b) => a.node.startIndex - b.node.startIndex)[0]!;
    ctx.report({
      at: at(first.node),
      message: `Cryptocurrency miner: ${[...found.keys()].join(', ')}${spawns ? ' in a file that starts processes' : ''}`,
      evidence: clip([...found.values()].map((f) => f.sample).join(' | ')),
      severity: spawns ? 'critical' : 'high',
      confidence: spawns && found.size >= 2 ? 'high' : 'medium',
    });
  },
});
