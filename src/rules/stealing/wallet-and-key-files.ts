import { defineRule } from '../../core/rule.js';
import { OBFUSCATION_HATCH } from '../../analyzers/js/hints.js';
import { jsFacts, networkSends, type Str, evidenceOf } from './_js-facts.js';
import { clip, dedupeIocs } from './_iocs.js';

// [category, weight, pattern]: desktop wallets and keychains have few honest readers; key folders many (ssh clients,
// cloud SDKs, Solana CLIs) — they only count in numbers.
const TARGETS: Array<[string, number, RegExp]> = [
  ['desktop wallet', 2, /exodus\.wallet|Exodus[\\/]+exodus|Electrum[\\/]+wallets|atomic[\\/]+Local Storage|Ethereum[\\/]+keystore|\bwallet\.dat\b|Coinomi[\\/]|Guarda[\\/]+Local Storage|com\.liberty\.jaxx/i],
  ['macOS keychain', 2, /login\.keychain(?:-db)?|Library[\\/]+Keychains/i],
  ['Solana keypair', 1, /solana[\\/]+id\.json/i],
  ['SSH keys', 1, /(?:^|[\\/~])\.ssh(?:[\\/]|$)|\bid_(?:rsa|ed25519|ecdsa)\b/],
  ['AWS credentials', 1, /(?:^|[\\/~])\.aws(?:[\\/]|$)/],
  ['Azure credentials', 1, /(?:^|[\\/~])\.azure(?:[\\/]|$)/],
  ['gcloud credentials', 1, /\.config[\\/]+gcloud|application_default_credentials\.json/],
  ['shell history', 1, /\.(?:bash|zsh)_history\b/],
  ['git credentials', 1, /\.git-credentials\b/],
  // Developer tokens: publish rights to packages and repositories (worms like Shai-Hulud spread with them).
  ['npm token', 1, /(?:^|[\\/~])\.npmrc$/],
  ['GitHub CLI token', 1, /(?:^|[\\/])gh[\\/]+hosts\.ya?ml$/],
  ['Docker credentials', 1, /(?:^|[\\/~])\.docker[\\/]+config\.json$/],
  ['Kubernetes config', 1, /(?:^|[\\/~])\.kube[\\/]+config$/],
  ['Telegram session', 2, /Telegram Desktop[\\/]+tdata/i],
];
// Glob / name sweeps for secrets: `*mnemonic*`, `**/*.env*`, `*seed*`, `*.pem`.
// A glob token: contains `*`, no spaces or colons (`**Seed:**` in Markdown is not a glob).
const SWEEP = /(?:^|[\s"',;(/])(?:\*\*\/)?(?:\*[\w.-]*(?:mnemonic|seed|phrase|wallet|private[_-]?key|secret)[\w.-]*\*?|(?:mnemonic|seed|phrase|wallet)[\w.-]*\*|\*\.env\b[\w.*-]*|\.env\*|\*\.(?:pem|key|kdbx))(?=$|[\s"',;)])/i;

export default defineRule({
  id: 'wallet-and-key-files',
  meta: {
    kind: 'threat',
    category: 'stealing',
    severity: 'high',
    confidence: 'medium',
    summary: 'Collects desktop wallets, keychains, SSH/cloud keys, developer tokens (npm, gh, docker), Solana keypairs or sweeps for seed/mnemonic/.env files',
    why: 'Stealers delivered by fake interviews copy `exodus.wallet`, `~/.config/solana/id.json`, `login.keychain-db`, `~/.ssh`, `~/.aws`, and glob the disk for `*mnemonic*`, `*seed*`, `*.env*` files, then upload them.',
    fix: 'Do not run the project. If it ran, rotate SSH keys and cloud credentials, move funds from any wallet whose files were on the machine.',
    falsePositives: 'SSH clients read ~/.ssh, cloud SDKs read ~/.aws, Solana scripts load ~/.config/solana/id.json and dotenv loads .env: one such folder is never reported, and a Solana script that also talks to an RPC node stays at low. Findings need several kinds of secret, a wallet/keychain file, or a secret-file sweep.',
    references: ['https://attack.mitre.org/techniques/T1552/001/', 'https://attack.mitre.org/techniques/T1555/001/', 'CWE-200'],
    status: 'stable',
  },
  input: 'js-ast',
  // The old word list first (cheap, shared cost), then a target's name, or a sweep glob (a `*` next to the secret word),
  // or an encoding that could hide them. The targets need `bash_history`/`zsh_history` (a `_history` may follow a string
  // piece: '.zsh' + '_history', `${sh}_history`) and `tdata` after a path separator, so `this._history` and `getData` in
  // a bundle do not count.
  prefilter: [
    /exodus|keychain|solana|\.ssh|id_rsa|\.aws|\.azure|gcloud|_history|git-credentials|tdata|mnemonic|seed|phrase|\.env|\*\.pem|\.npmrc|hosts\.ya?ml|\.docker|\.kube|_0x[0-9a-f]{4}|fromCharCode|base64/i,
    [
      /exodus|electrum|atomic|ethereum|wallet\.dat|coinomi|guarda|jaxx|keychain|solana|\.ssh|id_(?:rsa|ed25519|ecdsa)|\.npmrc|hosts\.ya?ml|\.docker|\.kube|\.aws|\.azure|gcloud|application_default_credentials|_history(?<=(?:bash|zsh|['"`}])_history)|git-credentials|tdata(?<=\Wtdata)|\*[\w.-]*(?:mnemonic|seed|phrase|wallet|private[_-]?key|secret)|(?:mnemonic|seed|phrase|wallet)[\w.-]*\*|\*\.env|\.env\*|\*\.(?:pem|key|kdbx)/i,
      OBFUSCATION_HATCH,
    ],
  ],
  check(ctx, js) {
    const f = jsFacts(js);
    const hits = new Map<string, { weight: number; s: Str }>();
    let sweep: Str | undefined;
    for (const s of f.strings) {
      if (s.value.length > 4000) continue;
      for (const [name, weight, re] of TARGETS) if (!hits.has(name) && re.test(s.value)) hits.set(name, { weight, s });
      if (!sweep && SWEEP.test(s.value)) sweep = s;
    }
    if (!hits.size && !sweep) return;
    const sends = networkSends(f).length > 0;
    let points = 0;
    for (const h of hits.values()) points += h.weight;
    if (sweep) points += /mnemonic|seed|phrase|wallet|private/i.test(sweep.value) ? 3 : 2;
    if (sends) points += 1;
    if (points < 2) return;
    const [severity, confidence] =
      points >= 5 ? (['critical', 'high'] as const) : points === 4 ? (['high', 'medium'] as const) : points === 3 ? (['medium', 'medium'] as const) : (['low', 'low'] as const);
    const strongest = [...hits.values()].sort((a, b) => b.weight - a.weight || a.s.start - b.s.start)[0]?.s ?? sweep!;
    const what = [...hits.keys()];
    if (sweep) what.push(`sweep for ${clip(sweep.value, 40)}`);
    const all = [...[...hits.values()].map((h) => h.s), ...(sweep ? [sweep] : [])];
    const folded = all.find((s) => s.folded);
    ctx.report({
      at: { node: strongest },
      message: `Reaches for ${what.join(', ')}${sends ? ', and sends data off the machine in the same file' : ''}`,
      evidence: clip(evidenceOf(js, strongest)),
      decoded: folded ? clip(folded.value, 300) : undefined,
      severity,
      confidence,
      iocs: dedupeIocs(all.map((s) => ({ type: 'path' as const, value: clip(s.value, 160) }))),
    });
  },
});
