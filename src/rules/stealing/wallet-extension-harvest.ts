import { defineRule } from '../../core/rule.js';
import { fileReads, jsFacts, type Str, evidenceOf } from './_js-facts.js';
import { clip } from './_iocs.js';
import { WALLET_EXTENSIONS, WALLET_ID_RE } from './_wallet-ids.js';

// An id inside a store link or a chrome-extension:// resource URL is what dApps write ("install MetaMask").
const STORE_LINK = /chromewebstore\.google\.com|chrome\.google\.com\/webstore|microsoftedge\.microsoft\.com\/addons|addons\.mozilla\.org|chrome-extension:\/\//i;
const STORAGE = /Local Extension Settings|IndexedDB[\\/]+chrome-extension|Sync Extension Settings|\.ldb\b|\.log\b|leveldb/i;

export default defineRule({
  id: 'wallet-extension-harvest',
  meta: {
    kind: 'threat',
    category: 'stealing',
    severity: 'critical',
    confidence: 'high',
    summary: 'Enumerates crypto-wallet browser extension ids to copy their vaults (Local Extension Settings)',
    why: 'BeaverTail and its successors carry a list of wallet extension ids (MetaMask, Phantom, TronLink, Rabby, …) and copy each one\'s `Local Extension Settings/<id>/*.ldb` vault from every browser profile: with the password, the seed phrase follows.',
    fix: 'Do not run the project. If it ran, move funds from every browser wallet to a new seed created on a clean device; treat the machine as compromised.',
    falsePositives: 'dApps and wallet adapters mention MetaMask\'s id, typically in a Chrome Web Store link or a chrome-extension:// URL. Ids inside store links are ignored (and so are bare ids the same file also links to in a store, as wallet pickers do, unless extension storage paths are named), one or two ids without extension storage paths or file reads are not reported; several ids alone are reported at medium confidence.',
    references: ['https://unit42.paloaltonetworks.com/two-campaigns-by-north-korea-bad-actors-target-job-hunters/', 'https://attack.mitre.org/techniques/T1555/', 'CWE-200'],
    status: 'stable',
    nearCertain: true,
  },
  input: 'js-ast',
  prefilter: /nkbihfbeog|ejbalbakop|acmacodkjb|bfnaelmome|ibnejdfjmm|egjidjbpgl|dmkamcknog|Local Extension Settings|_0x[0-9a-f]{4}|fromCharCode|base64/,
  check(ctx, js) {
    const f = jsFacts(js);
    const found = new Map<string, Str>();
    let storage: Str | undefined;
    // Ids the file also links to in a store: a wallet picker's `{ id, url }` entries, not a harvest list.
    const linked = new Set<string>();
    for (const s of f.strings) {
      if (s.value.length > 100_000) continue;
      if (!storage && STORAGE.test(s.value) && /Extension|ldb|leveldb/i.test(s.value)) storage = s;
      WALLET_ID_RE.lastIndex = 0;
      if (STORE_LINK.test(s.value)) {
        for (const m of s.value.matchAll(WALLET_ID_RE)) linked.add(m[0]);
        continue;
      }
      for (const m of s.value.matchAll(WALLET_ID_RE)) if (!found.has(m[0])) found.set(m[0], s);
    }
    if (!storage) for (const id of linked) found.delete(id);
    if (!found.size) return;
    const reads = fileReads(f).length > 0;
    const n = found.size;
    let severity: 'critical' | 'high' | 'medium';
    let confidence: 'high' | 'medium' | 'low';
    if ((n >= 3 && (storage || reads)) || storage) [severity, confidence] = ['critical', 'high'];
    else if (n >= 3 || (reads && n >= 2)) [severity, confidence] = ['high', 'medium'];
    else if (reads) [severity, confidence] = ['medium', 'low'];
    else return; // one or two ids with nothing around them: a dApp naming wallets
    const first = [...found.values()].sort((a, b) => a.start - b.start)[0]!;
    const names = [...found.keys()].map((id) => WALLET_EXTENSIONS[id]);
    const decoded = [...found.values()].find((s) => s.folded);
    ctx.report({
      at: { node: first },
      message: `${n} wallet extension id${n > 1 ? 's' : ''} (${names.slice(0, 8).join(', ')}${n > 8 ? ', …' : ''})${storage ? ' with extension storage paths' : ''}${reads ? ' and file reads' : ''}`,
      evidence: clip(evidenceOf(js, first)),
      decoded: decoded ? clip(decoded.value, 400) : undefined,
      severity,
      confidence,
      iocs: [...found.keys()].map((id) => ({ type: 'wallet-extension' as const, value: `${id} (${WALLET_EXTENSIONS[id]})` })),
    });
  },
});
