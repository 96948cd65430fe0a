/** Presentation helpers shared by the human-facing reporters (terminal, HTML). Pure functions over the report. */
import type { AutorunEntry, AutorunTrigger } from '../core/autorun.js';
import type { Finding, Severity } from '../core/finding.js';
import { foldLine } from '../core/location.js';
import type { Report, Verdict } from '../core/report.js';

export const BANNER: Record<Verdict, string> = {
  malicious: 'DO NOT RUN',
  suspicious: 'RUN ONLY IN A SANDBOX',
  clean: 'NO KNOWN THREAT',
};

/** The action a user takes that sets the entry off, in their words. */
export const TRIGGER_ACTION: Record<AutorunTrigger, string> = {
  'npm-install': 'npm install',
  'npm-start': 'npm start',
  'npm-run': 'npm run / npm test',
  'vscode-folder-open': 'open the folder in VS Code',
  'vscode-settings': 'VS Code settings',
  'vscode-launch': 'VS Code Run/Debug (F5)',
  git: 'any git command (editors run git on open)',
  python: 'python …',
  'pip-install': 'pip install .',
  make: 'make',
  devcontainer: 'open in a dev container',
  direnv: 'cd into the folder (direnv)',
  docker: 'docker build / compose up',
  husky: 'git commit (husky hooks)',
  'ide-build': 'build or open in its IDE (Visual Studio, Gradle sync, cargo build)',
};

export const SEVERITY_ORDER: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3, info: 4 };

export function groupByFile(findings: readonly Finding[]): Array<[string, Finding[]]> {
  const by = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = by.get(f.file);
    if (list) list.push(f);
    else by.set(f.file, [f]);
  }
  // Files keep the order of their strongest finding (the report ranks findings); inside a file, by position.
  return [...by].map(([file, fs]) => [file, [...fs].sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId))]);
}

/** An autorun entry is dangerous when its declaration or a file it leads to carries a finding. */
export function dangerousFiles(report: Report): Set<string> {
  return new Set(report.findings.filter((f) => f.severity !== 'info').map((f) => f.file));
}
export function isDangerous(e: AutorunEntry, flagged: Set<string>): boolean {
  return flagged.has(e.file) || e.leadsTo.some((f) => flagged.has(f));
}

/**
 * The autorun entries worth drawing: every dangerous one, then the others up to `limit` (a vendored node_modules can
 * declare hundreds of harmless install scripts). Order is kept; `hidden` counts what was left out.
 */
export function autorunToShow(report: Report, limit: number): { shown: AutorunEntry[]; hidden: number } {
  const flagged = dangerousFiles(report);
  let budget = Math.max(0, limit - report.autorun.filter((e) => isDangerous(e, flagged)).length);
  const shown = report.autorun.filter((e) => isDangerous(e, flagged) || budget-- > 0);
  return { shown, hidden: report.autorun.length - shown.length };
}

/**
 * A frame line as the core folds it (≤ FRAME_WIDTH around the evidence). Reports from elsewhere (hand-made, older) may
 * carry unfolded megabyte lines: those are folded here, around the evidence, to at most `max` characters.
 */
export function foldFrameLine(raw: string, firstColumn: number, f: Finding, line: number, max: number): { text: string; first: number } {
  if (raw.length <= max) return { text: raw, first: firstColumn };
  const col = line === f.line ? Math.max(1, f.column - firstColumn + 1) : 1;
  const end = line === f.line && f.endLine === f.line ? Math.max(col + 1, f.endColumn - firstColumn + 1) : col + 1;
  const folded = foldLine(raw, col, end, max);
  return { text: folded.text, first: firstColumn + folded.firstColumn - 1 };
}

/**
 * Whether frame line `ln` holds part of the evidence. A span that ends at column 1 of its last line (the end offset
 * sits just after a newline) does not reach into that line.
 */
export function lineInSpan(f: Finding, ln: number): boolean {
  if (ln < f.line || ln > f.endLine) return false;
  return ln === f.line || ln < f.endLine || f.endColumn > 1;
}

/** The first sentence of the rule's `why`: one line on what the finding means. */
export function whatItMeans(report: Report, f: Finding): string | undefined {
  const why = report.rules[f.ruleId]?.why;
  if (!why) return undefined;
  const m = /^(.+?[.!?])(\s|$)/.exec(why);
  return (m ? m[1]! : why).trim();
}

const INVISIBLE_CHAR =
  '[\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f\\u00ad\\u061c\\u115f\\u1160\\u180e\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u206f\\u3164\\ufe00-\\ufe0f\\ufeff\\uffa0\\ufff9-\\ufffb]' +
  '|\\udb40[\\udc00-\\udfef]|\\udb40(?![\\udc00-\\udfff])|[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]';
const INVISIBLE_RUN = new RegExp(`(?:${INVISIBLE_CHAR})+`, 'g');

/**
 * Makes sample text safe to show on one line: control, bidi, zero-width, variation-selector and tag characters become
 * visible `⟨U+202E⟩` marks (runs of more than three collapse to one `⟨N× U+FE00…⟩` mark), tabs become one space so
 * columns still line up, newlines become ⏎. Nothing from a sample can move the cursor, recolour the terminal or
 * reorder the line.
 */
export function sanitize(s: string): string {
  return s
    .replace(/\r?\n/g, '⏎')
    .replace(/\t/g, ' ')
    .replace(INVISIBLE_RUN, (run) => {
      const codes = Array.from(run, (ch) => ch.codePointAt(0)!);
      return codes.length > 3 ? `⟨${codes.length}× ${hex(codes[0]!)}…⟩` : codes.map((c) => `⟨${hex(c)}⟩`).join('');
    });
}

function hex(c: number): string {
  return `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Long blank runs in commands are how lures hide the tail: show their length instead of the blanks. */
export function showBlanks(s: string): string {
  return s.replace(/[ \t]{8,}/g, (m) => ` ⟨${m.length} blanks⟩ `);
}

export function clip(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}… (${s.length - max + 1} more characters)` : s;
}

/** For each IOC (type + value), the rules whose findings carry it: one pass, not a scan per IOC. */
export function iocRules(report: Report): (type: string, value: string) => string[] {
  const by = new Map<string, Set<string>>();
  for (const f of report.findings) {
    for (const i of f.iocs ?? []) {
      const key = `${i.type}\u0000${i.value}`;
      let set = by.get(key);
      if (!set) by.set(key, (set = new Set()));
      set.add(f.ruleId);
    }
  }
  return (type, value) => [...(by.get(`${type}\u0000${value}`) ?? [])].sort();
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
