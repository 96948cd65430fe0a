import type { Node } from 'web-tree-sitter';
import { defineRule } from '../../core/rule.js';
import { modelOf } from '../../analyzers/python/model.js';
import { at, clip, contentStrings, expressionText, isNetworkCall, isProcessCall } from './_util.js';

// THREATS.md §4: wallet extension ids (one alone is common in dApps; a set is a stealer).
const WALLET_IDS = new Set(
  'nkbihfbeogaeaoehlefnkodbefgpgknn ejbalbakoplchlghecdalmeeeajnimhm acmacodkjbdgmoleebolmdjonilkdbch bfnaelmomeimhlpmgjnjophhpkkoljpa dmkamcknogkgcdfhhbddcghachkejeap ppbibelpcjmhbdihakflkdcoccbgbkpo egjidjbpglichdcondbcbdnbeeppgdph ibnejdfjmmkpcnlpebklmnkoeoihofec bhhhlbepdkbapadjdnnojkbgioiodbic omaabbefbmiijedngplfjmnooppbclkk khpkpbbcccdmmclmpigdgddabeilkdpd fhbohimaelbohpjbbldcngcnapndodjp aeachknmefphepccionboohckonoeemg hifafgmccdpekplomjjkcfgodnhcellj jblndlipeogpafnldhgmapagcccfchpi dlcobpjiigpikoobohmabehhmhfoodbb mcohilncbfahbmgdjkbpemcciiolgcge agoakfejjabomempkjlepdflaleeobhb aholpfdialjgjfhomihkjbmgjidlcdno nphplpgoakhhjchkkhmiggakijnkhfnd penjlddjkjgpnkllboccdgccekpkcbin lgmpcpglpngdoalbgeoldeajfclnhafa fldfpgipfncgndfolcbkdeeknbbbnhcc gjnckgkfmgmibbkoficdidcljeaaaheg afbcbjpbpfadlkmhmclhkeeodmamcflc hnfanknocfeofbddgcijnmhnfnkdnaad fnjhmkhhmkbjkkabndcnnogagogbneec'.split(' '),
);
const WALLET_ID_RE = /\b[a-p]{32}\b/g;

interface Category {
  name: string;
  re: RegExp;
  /** Needs a second pattern somewhere in the file to count (browser root + credential file). */
  with?: RegExp;
  /** Alone this category is common in benign tools (ssh clients, cloud SDKs): it only adds to others. */
  weakAlone?: boolean;
}
const CATEGORIES: Category[] = [
  {
    name: 'browser credential stores',
    re: /Google[\\/]+Chrome|google-chrome|BraveSoftware|Opera Software|Microsoft[\\/]+Edge|Yandex[\\/]+YandexBrowser|Chromium[\\/]+User Data|Vivaldi[\\/]+User Data|Mozilla[\\/]+Firefox[\\/]+Profiles|\.mozilla[\\/]+firefox/i,
    with: /\b(?:Login Data|Local State|Web Data|Cookies|Local Extension Settings|key4\.db|logins\.json|cookies\.sqlite|encrypted_key)\b/,
  },
  { name: 'desktop crypto wallets', re: /exodus\.wallet|Exodus[\\/]+exodus|Electrum[\\/]+wallets|atomic[\\/]+Local Storage|Ethereum[\\/]+keystore|solana[\\/]+id\.json|\bwallet\.dat\b|Coinomi[\\/]+wallets|Guarda[\\/]+Local Storage|com\.liberty\.jaxx/i },
  { name: 'macOS keychain', re: /login\.keychain(?:-db)?|Library[\\/]+Keychains|find-generic-password|dump-keychain/i },
  { name: 'Discord/Telegram/Roblox sessions', re: /discord(?:canary|ptb)?[\\/]+Local Storage|Telegram Desktop[\\/]+tdata|\.ROBLOSECURITY|\[\\w-\]\{24\}\\\.\[\\w-\]\{6\}|dQw4w9WgXcQ:|mfa\\\.\[\\w-\]\{84\}/i },
  { name: 'SSH/cloud credentials', re: /\.ssh[\\/]+id_(?:rsa|ed25519|ecdsa)|\.aws[\\/]+credentials|\.azure[\\/]|\.git-credentials|\.docker[\\/]+config\.json|\.kube[\\/]+config|\.bash_history|\.pypirc/i, weakAlone: true },
  { name: 'seed-phrase file sweep', re: /^\*?(?:mnemonic|seed|phrase|metamask|private[_ -]?key|wallet)s?\*?(?:\.txt)?$/i, weakAlone: true },
];
const DEV_SECRET = /[\\/]\.(?:ssh|aws|kube|azure|gnupg|docker[\\/]config\.json|git-credentials|gitconfig|netrc|pypirc|npmrc|bash_history|zsh_history|zhHistory)(?![\w.-])/gi;
const CLI_NET = /\b(?:curl|wget)\b[^\n]*(?:https?|ftp):\/\//i;
const ENV_DUMP = /\bdict\s*\(\s*os\.environ\s*\)|os\.environ\.copy\s*\(|json\.dumps\s*\(\s*(?:dict\s*\()?\s*os\.environ|str\s*\(\s*os\.environ\s*\)|os\.environ\.items\s*\(\s*\)/;

export default defineRule({
  id: 'py-credential-theft',
  meta: {
    kind: 'threat',
    category: 'stealing',
    severity: 'critical',
    confidence: 'high',
    summary: 'Python code reaches for browser credential stores, wallet extensions, keychains, Discord/Telegram sessions or SSH keys',
    why: 'InvisibleFerret and PyPI stealers copy Chrome/Brave/Edge "Login Data" and "Local State", wallet extension folders (MetaMask, Phantom, …), login.keychain-db, Discord tokens and ~/.ssh keys, then upload them.',
    fix: 'Do not run the code. If it ran, move crypto funds from a clean device and rotate browser passwords, SSH keys and tokens.',
    falsePositives: 'SSH clients and cloud SDKs read ~/.ssh or ~/.aws alone: that category counts only alongside another. A single wallet extension id (dApp store link) is not flagged; three or more are.',
    references: ['https://attack.mitre.org/techniques/T1555/003/', 'https://unit42.paloaltonetworks.com/two-campaigns-by-north-korea-bad-actors-target-job-hunters/'],
    status: 'stable',
  },
  input: 'py-ast',
  prefilter: /\.kube|\.aws|\.ssh|_history|ROBLOSECURITY|Chrome|chrome|Brave|Opera|Edge|Firefox|firefox|Yandex|Vivaldi|wallet|Wallet|keychain|Keychain|discord|Discord|tdata|\.ssh|\.aws|environ|[a-p]{32}|exec|eval|mnemonic|seed/,
  check(ctx, py) {
    const model = modelOf(py);
    const strings = contentStrings(py);
    const hits = new Map<string, { node: Node; sample: string }>();
    const ids = new Map<string, Node>();
    const withSeen = new Map<string, boolean>();
    for (const s of strings) {
      for (const m of s.value.matchAll(WALLET_ID_RE)) if (WALLET_IDS.has(m[0]) && !ids.has(m[0])) ids.set(m[0], s.node);
      for (const cat of CATEGORIES) {
        if (hits.has(cat.name) || s.value.length > 200_000) continue;
        const m = cat.re.exec(s.value);
        if (!m) continue;
        // Checked once per category (not once per matching string: a file of 10k "Chrome" strings stays linear).
        if (cat.with) {
          let ok = withSeen.get(cat.name);
          if (ok === undefined) withSeen.set(cat.name, (ok = strings.some((o) => cat.with!.test(o.value))));
          if (!ok) continue;
        }
        hits.set(cat.name, { node: s.node, sample: s.decoded ? m[0] : s.value });
      }
    }
    if (ids.size >= 3) hits.set(`${ids.size} wallet extension ids`, { node: ids.values().next().value!, sample: [...ids.keys()].slice(0, 4).join(', ') });
    // curl/wget run from the file send as well as requests does.
    const hasNet = model.calls.some((c) => isNetworkCall(model, c) || (isProcessCall(model, c) && CLI_NET.test(c.node.text.slice(0, 2000)))) || (model.calls.some((c) => isProcessCall(model, c)) && strings.some((s) => /\b(?:curl|wget)\b/.test(s.value.slice(0, 2000)) && CLI_NET.test(s.decoded ? s.value : expressionText(s.node))));
    // Many developer secrets gathered in one file (~/.ssh, ~/.aws, ~/.kube, shell history, git credentials…): one is a
    // tool's config, three or more are a collection list.
    const devSecrets = new Map<string, Node>();
    for (const s of strings) {
      if (s.value.length > 2000) continue;
      for (const m of s.value.matchAll(DEV_SECRET)) {
        const key = m[0].toLowerCase().replace(/^[\\/]+/, '').replace(/^\.(?:zsh_history|bash_history|zhhistory)$/, 'shell history');
        if (!devSecrets.has(key)) devSecrets.set(key, s.node);
      }
    }
    if (devSecrets.size >= 3) hits.delete('SSH/cloud credentials');
    if (devSecrets.size >= 3) hits.set(`developer secrets (${[...devSecrets.keys()].slice(0, 6).join(', ')})`, { node: devSecrets.values().next().value!, sample: [...devSecrets.keys()].join(', ') });
    const env = ENV_DUMP.exec(py.text);
    if (env && hasNet) hits.set('environment dump', { node: py.root.descendantForIndex(env.index!) ?? py.root, sample: env[0] });

    const strong = [...hits.keys()].filter((k) => !CATEGORIES.find((c) => c.name === k)?.weakAlone && k !== 'environment dump');
    if (!hits.size || (!strong.length && hits.size < 2)) return;
    const first = [...hits.values()].sort((a, b) => a.node.startIndex - b.node.startIndex)[0]!;
    const cats = [...hits.keys()];
    // Two weak categories (an SSH key path and a "seed" key) are not a stealer's shopping list.
    const many = (strong.length >= 1 && cats.length >= 2) || ids.size >= 3;
    ctx.report({
      at: at(first.node),
      message: `Reaches for ${cats.join(', ')}${hasNet ? ' in a file that also talks to the network' : ''}`,
      evidence: clip([...hits.values()].map((h) => h.sample).join(' | ')),
      severity: many ? 'critical' : strong.length ? 'high' : 'medium',
      confidence: many ? 'high' : hasNet && strong.length ? 'medium' : 'low',
      iocs: [...ids.keys()].map((value) => ({ type: 'wallet-extension' as const, value })),
    });
  },
});
