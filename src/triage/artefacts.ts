/** URLs, repositories, file shares, packages, commands, e-mail addresses and lookalike domains in a message. */
import type { Artefact, ParsedMessage } from './types.js';

const URL_RE = /\bhttps?:\/\/[^\s<>"'`)\]}]+|\b(?:www\.)?(?:github\.com|gitlab\.com|bitbucket\.org|t\.me|bit\.ly|we\.tl|mega\.nz|drive\.google\.com|dropbox\.com)\/[^\s<>"'`)\]}]+/gi;
const EMAIL_RE = /\b[A-Za-z0-9._%+-]{1,64}@(?:[A-Za-z0-9-]{1,63}\.)+[A-Za-z]{2,24}\b/g;
const FILE_SHARE = /(?:^|\.)(?:drive\.google\.com|docs\.google\.com|dropbox\.com|dropboxusercontent\.com|wetransfer\.com|we\.tl|mega\.nz|mega\.io|mediafire\.com|1drv\.ms|onedrive\.live\.com|sendspace\.com|box\.com|gofile\.io|transfer\.sh|pixeldrain\.com)$/i;
const SHORTENER = /^(?:bit\.ly|tinyurl\.com|t\.co|goo\.gl|is\.gd|cutt\.ly|rb\.gy|shorturl\.at|ow\.ly|buff\.ly|tiny\.cc|rebrand\.ly|s\.id|t\.ly)$/i;
const REPO_HOST = /^(?:www\.)?(?:github\.com|gitlab\.com|bitbucket\.org|codeberg\.org|gitea\.com)$/i;

/** Commands that run code fetched from the network or hidden from the user: never paste these. */
const DANGEROUS_COMMAND: Array<[RegExp, string]> = [
  [/\b(?:curl|wget)\b[^|\n]*\|\s*(?:sudo\s+)?(?:ba|z|da)?sh\b|\b(?:ba)?sh\s+-c\s+["']?\$\((?:curl|wget)/i, 'pipes a download into a shell'],
  [/\b(?:curl|wget)\b[^|\n]*\|\s*(?:node|python3?|cmd)\b/i, 'pipes a download into an interpreter'],
  [/\b(?:iex|Invoke-Expression)\b|\b(?:iwr|Invoke-WebRequest|irm|Invoke-RestMethod)\b[^\n]*\|\s*iex|DownloadString\s*\(/i, 'PowerShell download-and-execute'],
  [/\bpowershell(?:\.exe)?\b[^\n]*\s-(?:e|enc|encodedcommand)\s+[A-Za-z0-9+/=]{16,}/i, 'PowerShell encoded command'],
  [/\bmshta\b|\brundll32\b|\bregsvr32\b[^\n]*\/i:http|certutil\b[^\n]*-urlcache/i, 'Windows living-off-the-land download'],
  [/\bosascript\b[^\n]*-e|\bxattr\s+-[cdr]/i, 'macOS script or quarantine removal'],
];
const COMMAND_LINE = /^\s*(?:\$|>|PS [A-Z]:\\[^>]*>)?\s*(?:sudo\s+)?(?:curl|wget|npm|npx|yarn|pnpm|node|python3?|pip3?|git|docker|bash|sh|zsh|powershell|pwsh|iex|iwr|cmd|msiexec|mshta|osascript|chmod|cd)\b.*$/i;

const PKG_STOP = new Set(['and', 'or', 'then', 'to', 'the', 'npm', 'yarn', 'pnpm', 'start', 'run', 'dev', 'install', 'i', '&&', '||', ';']);

/** Well-known brands and the domains that really are theirs. */
const BRANDS: Record<string, string[]> = {
  google: ['google.com', 'google.co.jp', 'goo.gl', 'googleusercontent.com', 'googleapis.com', 'gstatic.com', 'withgoogle.com', 'google.dev'],
  microsoft: ['microsoft.com', 'live.com', 'office.com', 'microsoftonline.com'],
  linkedin: ['linkedin.com', 'lnkd.in'],
  github: ['github.com', 'github.io', 'githubusercontent.com', 'githubassets.com', 'github.dev'],
  gitlab: ['gitlab.com', 'gitlab.io'],
  bitbucket: ['bitbucket.org'],
  zoom: ['zoom.us', 'zoom.com'],
  teams: ['microsoft.com', 'live.com'],
  slack: ['slack.com'],
  telegram: ['telegram.org', 't.me', 'telegram.me'],
  discord: ['discord.com', 'discord.gg', 'discordapp.com'],
  calendly: ['calendly.com'],
  coinbase: ['coinbase.com'],
  binance: ['binance.com'],
  kraken: ['kraken.com'],
  metamask: ['metamask.io'],
  uniswap: ['uniswap.org'],
  opensea: ['opensea.io'],
  ledger: ['ledger.com'],
  trezor: ['trezor.io'],
  upwork: ['upwork.com'],
  indeed: ['indeed.com'],
  glassdoor: ['glassdoor.com'],
  paypal: ['paypal.com'],
  apple: ['apple.com', 'icloud.com'],
  amazon: ['amazon.com', 'amazon.co.jp', 'aws.amazon.com'],
  meta: ['meta.com', 'facebook.com'],
  openai: ['openai.com'],
  wantedly: ['wantedly.com'],
  bizreach: ['bizreach.jp'],
};
const FREE_MAIL = /^(?:gmail\.com|googlemail\.com|outlook\.com|hotmail\.com|live\.com|yahoo\.(?:com|co\.jp)|proton(?:mail)?\.(?:me|com)|icloud\.com|aol\.com|gmx\.\w+|mail\.ru|yandex\.\w+)$/i;

function hostOf(url: string): string {
  try {
    return new URL(/^https?:/i.test(url) ? url : `https://${url}`).hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return '';
  }
}

/** Last two labels, or three for second-level public suffixes like co.jp / co.uk. */
export function registrable(host: string): string {
  const labels = host.split('.');
  const n = /^(?:co|com|ne|or|ac|go|org|net)\.[a-z]{2}$/.test(labels.slice(-2).join('.')) ? 3 : 2;
  return labels.slice(-n).join('.');
}

const WORDS = 'careers?|jobs?|hr|recruit\\w*|hiring|hire|interviews?|meet\\w*|verify|verification|support|official|login|secure|update|download|wallet|assessment|test|talent|team|app';
const LURE_WORDS = (brand: string) => new RegExp(`^(?:${brand}(?:${WORDS})|(?:${WORDS}|my|get|join)${brand})$`);

function skeleton(label: string): string {
  return label.replace(/rn/g, 'm').replace(/vv/g, 'w').replace(/0/g, 'o').replace(/[1l|]/g, 'l').replace(/5/g, 's').replace(/3/g, 'e').replace(/@/g, 'a');
}

function editDistanceAtMostOne(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

/** If `host` imitates a brand (other TLD, added words, homoglyphs, one typo), which brand and how. */
export function lookalike(host: string): { brand: string; how: string } | null {
  if (!host || !/[a-z]/.test(host)) return null; // IP addresses are not lookalikes
  const reg = registrable(host);
  const label = reg.split('.')[0]!;
  for (const [brand, official] of Object.entries(BRANDS)) {
    if (official.some((d) => reg === d || host === d || host.endsWith(`.${d}`))) return null;
  }
  if (host.includes('xn--')) return { brand: 'unknown', how: 'an internationalised (punycode) domain that can render as a lookalike' };
  for (const brand of Object.keys(BRANDS)) {
    if (brand.length < 4 && label !== brand) continue;
    if (label === brand) return { brand, how: `${brand} under another domain (${reg})` };
    if (label.split('-').includes(brand) || LURE_WORDS(brand).test(label)) return { brand, how: `${brand} plus extra words (${reg})` };
    const sk = skeleton(label);
    if (sk !== label && sk === brand) return { brand, how: `homoglyphs spelling ${brand} (${reg})` };
    if (brand.length >= 6 && editDistanceAtMostOne(label, brand)) return { brand, how: `one letter away from ${brand} (${reg})` };
  }
  return null;
}

export function extractArtefacts(msg: ParsedMessage): Artefact[] {
  const out: Artefact[] = [];
  const seen = new Set<string>();
  const add = (a: Artefact) => {
    const key = `${a.type}\u0000${a.value}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(a);
  };
  const domains = new Map<string, number>();
  let inFence = false;
  msg.lines.forEach((l, i) => {
    const line = i + 1;
    const text = l.text;
    if (/^\s*```/.test(text)) inFence = !inFence;
    for (const m of text.matchAll(URL_RE)) {
      const url = m[0].replace(/[.,;:!?]+$/, '');
      const host = hostOf(url);
      if (!host) continue;
      domains.set(host, domains.get(host) ?? line);
      if (REPO_HOST.test(host) && /^\/[^/]+\/[^/?#]+/.test(new URL(/^https?:/i.test(url) ? url : `https://${url}`).pathname)) add({ type: 'repository', value: url, line });
      else if (FILE_SHARE.test(host)) add({ type: 'file-share', value: url, line, note: 'code or archives shared outside a repository cannot be reviewed before download' });
      else if (SHORTENER.test(host)) add({ type: 'shortener', value: url, line, note: 'a shortened link hides where it goes' });
      else add({ type: 'url', value: url, line });
    }
    for (const m of text.matchAll(EMAIL_RE)) {
      add({ type: 'email', value: m[0], line });
      domains.set(m[0].split('@')[1]!.toLowerCase(), line);
    }
    // Package names only from command context (a command line, a code fence or an inline `code` span): in prose,
    // "run npm i and npm start" names no package.
    const commandish = inFence || COMMAND_LINE.test(text) ? [text] : [...text.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!);
    for (const chunk of commandish) {
      for (const m of chunk.matchAll(/\b(?:npm (?:i|install|add)|yarn add|pnpm (?:i|add|install)|pip3? install)\s+((?:(?:@[\w.-]+\/)?[\w.-]+(?:@[\w.^~-]+)?[ \t]*)+)/gi)) {
        for (const name of m[1]!.trim().split(/\s+/)) {
          if (name.startsWith('-') || name === '.' || PKG_STOP.has(name.toLowerCase())) break;
          add({ type: 'package', value: name, line });
        }
      }
    }
    const cmd = inFence || COMMAND_LINE.test(text) ? text.trim().replace(/^(?:\$|>)\s*/, '') : '';
    const danger = DANGEROUS_COMMAND.find(([re]) => re.test(text));
    if (danger) add({ type: 'command', value: text.trim().slice(0, 300), line, note: danger[1], dangerous: true });
    else if (cmd && !/^```/.test(cmd) && cmd.length > 2) add({ type: 'command', value: cmd.slice(0, 300), line });
  });
  for (const link of msg.links) {
    const shown = hostOf(link.text.trim());
    const real = hostOf(link.href);
    if (shown && real && /\.[a-z]{2,}$/i.test(shown) && registrable(shown) !== registrable(real)) {
      const note = `the link text shows ${shown} but it goes to ${real}`;
      const existing = out.find((a) => a.value === link.href || a.value === link.href.replace(/[.,;:!?]+$/, ''));
      if (existing) Object.assign(existing, { note, dangerous: true });
      else add({ type: 'url', value: link.href, line: link.line, note, dangerous: true });
    }
    if (real) domains.set(real, domains.get(real) ?? link.line);
  }
  for (const [host, line] of domains) {
    const look = lookalike(host);
    if (look) add({ type: 'lookalike-domain', value: host, line, note: `imitates ${look.how}`, dangerous: true });
  }
  if (msg.headers) {
    const dom = (h?: string) => (h ? /@([\w.-]+)/.exec(h)?.[1]?.toLowerCase() : undefined);
    const from = dom(msg.headers['from']);
    const replyTo = dom(msg.headers['reply-to']);
    const returnPath = dom(msg.headers['return-path']);
    if (from && replyTo && registrable(from) !== registrable(replyTo)) {
      add({ type: 'sender-mismatch', value: `From ${from} / Reply-To ${replyTo}`, line: 1, note: 'replies go to a different domain than the sender', dangerous: true });
    }
    if (from && returnPath && registrable(from) !== registrable(returnPath) && !FREE_MAIL.test(returnPath)) {
      add({ type: 'sender-mismatch', value: `From ${from} / Return-Path ${returnPath}`, line: 1, note: 'the envelope sender differs from the From address' });
    }
  }
  return out;
}

export function isFreeMail(domain: string): boolean {
  return FREE_MAIL.test(domain);
}
