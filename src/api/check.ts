/**
 * `lurescan check`: one verdict for the whole approach — the recruiter's message and the code it came with.
 * The message's tactics raise the weight of code findings; a malicious code verdict stays malicious whatever the
 * message says; a pasted download-and-run command is DO NOT RUN on its own; links in the message are matched to what
 * was scanned, so "you scanned something else" is said out loud.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Report, Verdict } from '../core/report.js';
import { MALICIOUS_SCORE, SUSPICIOUS_SCORE } from '../core/score.js';
import { openTarget } from '../targets/index.js';
import { triageMessage, type MessageReport } from '../triage/index.js';
import { detonate, type DetonateApiOptions } from './detonate.js';
import { scan, type ScanOptions } from './scan.js';
import { TOOL_VERSION } from './version.js';

/** Version of the `kind: 'check'` JSON object (schema/check.schema.json); a breaking change bumps the major part. */
export const CHECK_SCHEMA_VERSION = '1.0.0';

export type LinkKind = 'repository' | 'archive' | 'file-share' | 'package';

export interface LinkedCode {
  kind: LinkKind;
  /** As written in the message (URL, file name, package name). */
  value: string;
  /** The name compared with the target's names ('' when the link shows none, e.g. a Google Drive file id). */
  name: string;
  line: number;
}

export interface TargetMatch {
  /**
   * match: a link names what was scanned; mismatch: the message links code but none of it is what was scanned;
   * unverifiable: the message links code whose name is not visible (a Drive id); no-links: it links no code.
   */
  status: 'match' | 'mismatch' | 'unverifiable' | 'no-links';
  linked: LinkedCode[];
  /** The names the target answers to: its file/folder name, package.json name and repository, pyproject name. */
  targetNames: string[];
  /** The link that matched and which of the target's names it matched. */
  matched?: { value: string; targetName: string };
  note: string;
}

export interface CheckReport {
  schemaVersion: string;
  tool: { name: 'lurescan'; version: string };
  kind: 'check';
  verdict: Verdict;
  /** The verdict in the user's words: DO NOT RUN / RUN ONLY IN A SANDBOX / NO KNOWN THREAT. */
  advice: (typeof ADVICE)[Verdict];
  /** 0–100 over message and code together. */
  score: number;
  /** Why, most important first; each one sentence. */
  reasons: string[];
  /** What to do next, from the message playbook and the code verdict. */
  nextSteps: string[];
  message: MessageReport;
  code?: Report;
  match?: TargetMatch;
  /** True when the code report is incomplete (exit code 2, as for scan). */
  incomplete: boolean;
}

export interface CheckOptions extends ScanOptions, Pick<DetonateApiOptions, 'timeoutMs' | 'offline'> {
  /** Run the target in the jail too (static + behaviour in one code verdict). */
  detonate?: boolean;
}

export interface CheckInput {
  /** The message text as read from the file. */
  message: string;
  /** Its file name (recognises .eml and Telegram JSON exports) and what to show as its source. */
  messageFile?: string;
  /** Folder, archive or npm:spec; absent: the message verdict alone. */
  target?: string;
}

export const ADVICE = { malicious: 'DO NOT RUN', suspicious: 'RUN ONLY IN A SANDBOX', clean: 'NO KNOWN THREAT' } as const;

const RANK: Record<Verdict, number> = { clean: 0, suspicious: 1, malicious: 2 };
const max = (a: Verdict, b: Verdict): Verdict => (RANK[a] >= RANK[b] ? a : b);

/** Scans (or detonates) the target, triages the message and combines them. */
export async function check(input: CheckInput, options: CheckOptions = {}): Promise<CheckReport> {
  const message = triageMessage(input.message, { filename: input.messageFile ?? '', source: input.messageFile ?? '-' });
  if (input.target === undefined) return combine(message, undefined, undefined);
  const { detonate: run, ...rest } = options;
  const code = run ? await detonate(input.target, { ...rest, includeStatic: true }) : await scan(input.target, rest);
  const names = await targetNames(input.target, options);
  const match = matchTarget(linkedCode(message, input.message), names);
  return combine(message, code, match);
}

// ---------------------------------------------------------------------------------------------- the verdict (pure)

/** The combination rules. Pure, so every pairing is tested without scanning. */
export function combine(message: MessageReport, code: Report | undefined, match: TargetMatch | undefined): CheckReport {
  const reasons: string[] = [];
  const clickfix = clickfixCommand(message);
  const msgOnly = messageVerdict(message, clickfix !== undefined);
  if (clickfix) reasons.push(`The message asks you to paste a command that downloads and runs code (line ${clickfix.line}: ${short(clickfix.value, 90)}): that is the attack itself, whatever the code holds.`);

  let verdict: Verdict;
  if (!code) {
    verdict = msgOnly;
    if (!clickfix) {
      if (message.risk === 'high') reasons.push('The message matches the fake-recruiter lure pattern; nothing it sent has been scanned yet.');
      else if (message.risk === 'elevated') reasons.push('The message shows some lure tactics; nothing it sent has been scanned yet.');
      else reasons.push('The message shows no known lure tactic; nothing it sent has been scanned yet.');
    }
  } else {
    const cv = code.verdict;
    let fromCode: Verdict = cv;
    if (cv === 'malicious') reasons.push(`The code is malicious on its own (${codeWhy(code)}): a friendly message does not change that.`);
    else if (cv === 'suspicious' && message.risk === 'high') {
      fromCode = 'malicious';
      reasons.push(`Suspicious code (${codeWhy(code)}) sent with a high-risk lure message: together they are the lure pattern.`);
    } else if (cv === 'suspicious') reasons.push(`The code is suspicious (${codeWhy(code)}).`);
    else if (message.risk === 'high' || message.risk === 'elevated') {
      fromCode = 'suspicious';
      reasons.push(
        `No known threat in the code, but the approach itself ${message.risk === 'high' ? 'is' : 'looks like'} a lure pattern: payloads are often fetched at run time (only on the wire) and a static scan cannot see them.`,
      );
    } else reasons.push('No known threat in the code and no known lure tactic in the message.');
    if (code.incomplete) reasons.push(`The code scan is incomplete (${code.errors.length} error(s)): what was not examined may hide the payload.`);
    verdict = max(fromCode, clickfix ? 'malicious' : 'clean');
    if (match?.status === 'mismatch') {
      // The scan is not of what the message links: it cannot lower the message's own verdict. (A link whose file
      // name is not visible, 'unverifiable', is most likely what was downloaded: the note asks to make sure.)
      verdict = max(verdict, msgOnly);
    }
  }
  if (match && match.status !== 'no-links') reasons.push(match.note);
  // Last: the terminal lists the tactics with their quotes anyway.
  if (message.risk !== 'low' && message.tactics.length) reasons.push(`Message (${message.risk} risk): ${message.tactics.slice(0, 3).map((t) => t.title.toLowerCase()).join('; ')}.`);

  return {
    schemaVersion: CHECK_SCHEMA_VERSION,
    tool: { name: 'lurescan', version: TOOL_VERSION },
    kind: 'check',
    verdict,
    advice: ADVICE[verdict],
    score: combinedScore(verdict, message, code),
    reasons,
    nextSteps: nextSteps(verdict, message, code, match),
    message,
    ...(code ? { code } : {}),
    ...(match ? { match } : {}),
    incomplete: code?.incomplete ?? false,
  };
}

/** Without code (or when the code scanned is not what was sent): what the message alone says. */
function messageVerdict(m: MessageReport, clickfix: boolean): Verdict {
  if (clickfix || m.risk === 'high') return 'malicious';
  if (m.risk === 'elevated') return 'suspicious';
  return 'clean';
}

/**
 * A pasted command the message wants run: one triage marks dangerous (pipe to a shell, PowerShell download cradle),
 * or any command in a message that uses the ClickFix excuse ("run this to fix your camera").
 */
function clickfixCommand(m: MessageReport): { value: string; line: number } | undefined {
  const dangerous = m.artefacts.find((a) => a.type === 'command' && a.dangerous);
  if (dangerous) return dangerous;
  if (!m.tactics.some((t) => t.id === 'clickfix')) return undefined;
  return m.artefacts.find((a) => a.type === 'command' && /\b(?:curl|wget|bash|sh|zsh|powershell|pwsh|iwr|iex|msiexec|mshta|osascript|xattr|open|chmod)\b/i.test(a.value));
}

function codeWhy(code: Report): string {
  const seen = new Set<string>();
  const top = code.findings.filter((f) => f.severity !== 'info' && !seen.has(`${f.file}\u0000${f.ruleId}`) && seen.add(`${f.file}\u0000${f.ruleId}`)).slice(0, 2);
  if (!top.length) return `score ${code.score}`;
  return top.map((f) => `${f.file}:${f.line} ${f.ruleId}`).join(', ');
}

function combinedScore(verdict: Verdict, message: MessageReport, code: Report | undefined): number {
  const factor = message.risk === 'high' ? 0.5 : message.risk === 'elevated' ? 0.3 : 0;
  let s = Math.round((code?.score ?? 0) + message.score * factor);
  if (verdict === 'malicious') s = Math.max(s, MALICIOUS_SCORE);
  else if (verdict === 'suspicious') s = Math.min(Math.max(s, SUSPICIOUS_SCORE), MALICIOUS_SCORE - 1);
  else s = Math.min(s, SUSPICIOUS_SCORE - 1);
  return Math.min(100, Math.max(0, s));
}

function nextSteps(verdict: Verdict, message: MessageReport, code: Report | undefined, match: TargetMatch | undefined): string[] {
  const steps: string[] = [];
  const scanIt = !code
    ? 'Scan what they sent before anything else: lurescan check --message <this file> --target <folder, archive or npm:name>.'
    : match?.status === 'mismatch'
      ? 'Scan the code the message links (the repository or archive named above), not another copy.'
      : undefined;
  if (verdict === 'malicious') steps.push('Do not run it, not even in a VM you care about; do not paste any command from the message. Report it to your security team.');
  if (scanIt) steps.push(scanIt);
  if (verdict === 'suspicious') steps.push('If you must run it: only in a disposable VM or `lurescan detonate`, never on a work device or one with wallets, keys or tokens.');
  // The message playbook is tailored to what was found (video call, verification, reporting): its first steps.
  for (const s of message.playbook.slice(0, 3)) if (!steps.includes(s)) steps.push(s);
  return steps;
}

const short = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

// ---------------------------------------------------------------------------------------------- link matching (pure)

/** Links compared with the target: a message naming thousands of archives is hostile, not a job offer. */
const MAX_LINKED = 100;
const ARCHIVE_NAME = /(?:^|[\s"'(<\[/:=])([\w][\w.+-]{0,120}\.(?:zip|tgz|tar\.gz|tar|rar|7z|asar))(?=$|[\s"')>\],.;:!?])/gi;

/** The code the message points at: repository links, archive names (in links or as attachment names), packages. */
export function linkedCode(message: MessageReport, raw?: string): LinkedCode[] {
  const out: LinkedCode[] = [];
  const seen = new Set<string>();
  const add = (l: LinkedCode) => {
    const key = `${l.kind}\u0000${l.value}`;
    if (out.length < MAX_LINKED && !seen.has(key)) {
      seen.add(key);
      out.push(l);
    }
  };
  for (const a of message.artefacts) {
    if (a.type === 'repository') {
      const seg = urlPath(a.value).split('/').filter(Boolean);
      add({ kind: 'repository', value: a.value, name: seg.length >= 2 ? `${seg[0]}/${seg[1]}` : '', line: a.line });
    } else if (a.type === 'file-share') {
      const last = urlPath(a.value).split('/').filter(Boolean).pop() ?? '';
      add({ kind: 'file-share', value: a.value, name: /\.(?:zip|tgz|tar\.gz|tar|rar|7z)$/i.test(last) ? decodeSafe(last) : '', line: a.line });
    } else if (a.type === 'url') {
      const last = urlPath(a.value).split('/').filter(Boolean).pop() ?? '';
      if (/\.(?:zip|tgz|tar\.gz|rar|7z)$/i.test(last)) add({ kind: 'archive', value: a.value, name: decodeSafe(last), line: a.line });
    } else if (a.type === 'package') add({ kind: 'package', value: a.value, name: a.value.replace(/(?<=.)@[^@/]*$/, ''), line: a.line });
  }
  // Attachment names in prose ("the attached assessment.zip", "[attachment: test_task.zip]").
  if (raw) {
    raw.split(/\r?\n/).forEach((text, i) => {
      if (i > 5000 || out.length >= MAX_LINKED) return;
      for (const m of text.slice(0, 10_000).matchAll(ARCHIVE_NAME)) {
        const name = m[1]!;
        if (out.some((l) => l.name.toLowerCase() === name.toLowerCase() || l.value.includes(name))) continue;
        add({ kind: 'archive', value: name, name, line: i + 1 });
      }
    });
  }
  return out;
}

function urlPath(u: string): string {
  try {
    return new URL(/^https?:/i.test(u) ? u : `https://${u}`).pathname;
  } catch {
    return '';
  }
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * A comparable form of a name: no owner, extension, version or GitHub branch suffix, only letters and digits.
 * "owner/nft-market-core.git", "nft-market-core-main.zip" and "nft_market_core-1.2.0.tgz" all become "nftmarketcore".
 */
export function normName(name: string): string {
  let n = name.trim().toLowerCase();
  n = n.replace(/^npm:/, '').replace(/^@[^/]+\//, '');
  n = n.split('/').filter(Boolean).pop() ?? '';
  n = n.replace(/\.(?:git|zip|tgz|tar\.gz|tar|rar|7z|asar)$/, '');
  n = n.replace(/@[^@]*$/, '');
  n = n.replace(/[-_.](?:main|master|develop|dev|v?\d+(?:\.\d+){0,3}(?:-[\w.]+)?)$/, '');
  return n.replace(/[^\p{L}\p{N}]/gu, '');
}

/** Compares the message's links with the target's names. */
export function matchTarget(linked: LinkedCode[], targetNames: string[]): TargetMatch {
  const shown = targetNames.length ? `${targetNames[0]}${targetNames.length > 1 ? ` (${targetNames.slice(1, 3).join(', ')})` : ''}` : '(the target)';
  if (!linked.length) return { status: 'no-links', linked, targetNames, note: 'The message links no repository, archive or package to compare with the target.' };
  const norms = targetNames.map((t) => ({ t, n: normName(t) })).filter((x) => x.n.length >= 2);
  for (const l of linked) {
    if (!l.name) continue;
    const ln = normName(l.name);
    // A repository link also matches the target's package.json "repository" URL: normName keeps its last segment.
    const hit = norms.find((x) => x.n === ln);
    if (hit) return { status: 'match', linked, targetNames, matched: { value: l.value, targetName: hit.t }, note: `The message links ${l.value}; the scanned target matches it (${hit.t}).` };
  }
  const named = linked.filter((l) => l.name);
  if (!named.length) {
    return { status: 'unverifiable', linked, targetNames, note: `The message links ${short(linked[0]!.value, 80)} whose file name is not visible: make sure ${shown} is exactly what you downloaded from it.` };
  }
  const what = named.slice(0, 2).map((l) => short(l.value, 80)).join(' and ');
  return { status: 'mismatch', linked, targetNames, note: `The message links ${what} but you scanned ${shown}: this verdict may not be about the code they sent.` };
}

/** The names a target answers to: its own name, and the name/repository its package.json or pyproject declares. */
export async function targetNames(spec: string, options: CheckOptions = {}): Promise<string[]> {
  const names: string[] = [];
  const push = (n: unknown) => {
    if (typeof n === 'string' && n.trim() && !names.includes(n.trim())) names.push(n.trim().slice(0, 300));
  };
  if (/^(?:npm|pypi):/i.test(spec)) {
    push(spec.replace(/^(?:npm|pypi):/i, '').replace(/(?<=.)(?:@|==).*$/, ''));
    return names;
  }
  push(basename(spec.replace(/[/\\]+$/, '')) || spec);
  let isDir = false;
  try {
    isDir = statSync(spec).isDirectory();
  } catch {
    return names;
  }
  const manifests: Array<{ rel: string; abs: string }> = [];
  let cleanup: (() => Promise<void>) | undefined;
  if (isDir) {
    for (const rel of ['package.json', 'pyproject.toml']) manifests.push({ rel, abs: join(spec, rel) });
  } else {
    // Archives are opened again (safely, into a temp folder) for their manifest only.
    try {
      const target = await openTarget(spec, { password: options.password, limits: options.limits, nestedArchives: false });
      cleanup = () => target.cleanup();
      const top = target.files[0]?.rel.split('/')[0];
      if (top && target.files.every((f) => f.rel.startsWith(`${top}/`))) push(top);
      manifests.push(
        ...target.files
          .filter((f) => /^(?:[^/]+\/)?(?:package\.json|pyproject\.toml)$/.test(f.rel) && f.size < 1 << 20)
          .sort((a, b) => a.rel.split('/').length - b.rel.split('/').length),
      );
    } catch {
      return names;
    }
  }
  try {
    for (const f of manifests.slice(0, 2)) {
      const text = readSmall(f.abs);
      if (text === undefined) continue;
      if (f.rel.endsWith('package.json')) {
        try {
          const pkg = JSON.parse(text) as { name?: unknown; repository?: unknown };
          push(pkg.name);
          const repo = typeof pkg.repository === 'string' ? pkg.repository : (pkg.repository as { url?: unknown } | undefined)?.url;
          if (typeof repo === 'string') push(repo.replace(/^git\+/, '').replace(/^(?:github|gitlab|bitbucket):/, ''));
        } catch {
          /* an unparsable manifest names nothing; the scan reports it */
        }
      } else push(/^\s*name\s*=\s*["']([^"'\n]{1,200})["']/m.exec(text)?.[1]);
    }
  } finally {
    await cleanup?.();
  }
  return names;
}

function readSmall(path: string): string | undefined {
  try {
    if (statSync(path).size > 1 << 20) return undefined;
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
