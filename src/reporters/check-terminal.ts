/** `lurescan check` for a person: the answer in one screen (≤ ~30 lines). Pure: report in, text out. */
import pc from 'picocolors';
import type { CheckReport } from '../api/check.js';
import type { Verdict } from '../core/report.js';
import { BANNER, dangerousFiles, isDangerous, plural, sanitize, TRIGGER_ACTION } from './present.js';

export interface CheckTerminalOptions {
  color: boolean;
  /** Lines are cut at this width so the answer stays one screen. */
  width?: number;
}

const MAX_REASONS = 4;
const MAX_TACTICS = 3;
const MAX_FINDINGS = 4;
const MAX_STEPS = 4;
/** Lines in one screen. */
const SCREEN = 30;

export function renderCheckTerminal(r: CheckReport, opts: CheckTerminalOptions): string {
  const c = pc.createColors(opts.color);
  const width = Math.max(60, opts.width ?? 110);
  const cut = (s: string, indent = 0) => clipCols(sanitize(s.slice(0, width * 4)), width - indent);
  /** Wrapped to at most `maxLines` lines, the first after `first`, the rest indented by `indent`. */
  const wrap = (first: string, s: string, indent: number, maxLines = 2): string[] => {
    const room = width - indent;
    const lines = breakLines(sanitize(s.slice(0, room * (maxLines + 1) * 2)), room);
    const kept = lines.slice(0, maxLines);
    if (lines.length > maxLines) kept[maxLines - 1] = clipCols(`${kept[maxLines - 1]!} ${lines[maxLines]!}`, room);
    return kept.map((l, i) => (i === 0 ? `${first}${l}` : `${' '.repeat(indent)}${l}`));
  };
  const paint: Record<Verdict, (s: string) => string> = {
    malicious: (s) => c.bold(c.bgRed(c.white(s))),
    suspicious: (s) => c.bold(c.bgYellow(c.black(s))),
    clean: (s) => c.bold(c.bgGreen(c.black(s))),
  };
  const out: string[] = [];
  const codePart = r.code ? `code ${r.code.verdict}` : 'no code scanned';
  out.push(`  ${paint[r.verdict](` ${BANNER[r.verdict]} `)}  ${c.dim(cut(`score ${r.score}/100 · message ${r.message.risk} risk · ${codePart}`, 30))}`);
  out.push(c.dim(cut(`  message: ${r.message.source}${r.code ? `  ·  target: ${r.code.target}` : ''}`)));
  out.push('');

  out.push(c.bold('Why'));
  const tactics = r.message.tactics.slice(0, MAX_TACTICS);
  // The last reason sums up the tactics, which are listed below with their quotes when there is room.
  const reasons = (tactics.length ? r.reasons.filter((x) => !x.startsWith('Message (')) : r.reasons).slice(0, MAX_REASONS);
  for (const reason of reasons) out.push(...wrap('  • ', reason, 4));

  if (tactics.length) {
    out.push(c.bold(`Message tactics (${r.message.tactics.length})`));
    const quoted = new Set<string>();
    for (const t of tactics) {
      // Prefer a sentence not quoted yet; one sentence showing three tactics is quoted once.
      const q = t.quotes.find((x) => !quoted.has(x.text)) ?? t.quotes[0];
      const shown = q && !quoted.has(q.text) ? ` — line ${q.line}: “${q.text}”` : q ? ` — line ${q.line} (same sentence)` : '';
      if (q) quoted.add(q.text);
      out.push(`  ${c.yellow('●')} ${cut(`${t.title}${shown}`, 4)}`);
    }
  }

  if (r.code) {
    const findings = r.code.findings.filter((f) => f.severity !== 'info');
    if (findings.length) {
      out.push(c.bold(`Code findings (${findings.length})`));
      // One line per file and rule: four lines that say four different things.
      const seen = new Set<string>();
      const distinct = findings.filter((f) => !seen.has(`${f.file}\u0000${f.ruleId}`) && seen.add(`${f.file}\u0000${f.ruleId}`));
      for (const f of distinct.slice(0, MAX_FINDINGS)) {
        const sev = f.severity === 'critical' || f.severity === 'high' ? c.red(f.severity) : c.yellow(f.severity);
        out.push(`  ${sev} ${cut(`${f.file}:${f.line}  ${f.message}`, 4 + f.severity.length)}`);
      }
      const shown = Math.min(MAX_FINDINGS, distinct.length);
      if (findings.length > shown) out.push(c.dim(cut(`  … ${findings.length - shown} more: lurescan scan ${r.code.target}`)));
    }
    const flagged = dangerousFiles(r.code);
    const auto = r.code.autorun;
    if (auto.length) {
      const bad = auto.filter((e) => isDangerous(e, flagged));
      const actions = [...new Set((bad.length ? bad : auto).map((e) => TRIGGER_ACTION[e.trigger]))].slice(0, 4).join(', ');
      out.push(`  ${c.bold('Autorun:')} ${cut(`${plural(auto.length, 'entry', 'entries')} start by themselves${bad.length ? `, ${bad.length} reaching flagged code` : ''} (${actions})`, 11)}`);
    }
    if (r.code.detonation) out.push(`  ${c.bold('Jail:')} ${cut(`${r.code.detonation.actions.length} action(s) run, ${r.code.detonation.processes ?? 0} processes, ${r.code.detonation.networkEvents ?? 0} network events`, 8)}`);
    if (r.incomplete) out.push(`  ${c.red('incomplete:')} ${cut(`${plural(r.code.errors.length, 'error')} — not everything was examined`, 14)}`);
  }
  out.push('');

  const reply = r.message.source && r.message.source !== '-' ? `lurescan message ${r.message.source}` : 'lurescan message <file>';
  const tail = ['', ...wrap('', `Reply draft asking for a video call and a public repository: ${reply}`, 2).map((l) => c.dim(l))];
  // Steps fill what is left of the screen; the first one always shows.
  const steps = r.nextSteps.slice(0, MAX_STEPS).map((s, i) => wrap(`  ${i + 1}. `, s, 5));
  while (steps.length > 1 && out.length + 1 + steps.flat().length + tail.length > SCREEN) steps.pop();
  out.push(c.bold('What to do'), ...steps.flat(), ...tail);
  return `${out.join('\n')}\n`;
}

/** East Asian wide characters take two terminal columns: Japanese quotes must not wrap off the screen. */
const WIDE = /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]|[\u{1F300}-\u{1FAFF}\u{20000}-\u{3FFFD}]/u;
const cols = (ch: string) => (WIDE.test(ch) ? 2 : 1);
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += cols(ch);
  return w;
}

/** At most `room` columns, with an ellipsis when cut. */
export function clipCols(s: string, room: number): string {
  if (displayWidth(s) <= room) return s;
  let out = '';
  let w = 0;
  for (const ch of s) {
    if (w + cols(ch) > room - 1) break;
    out += ch;
    w += cols(ch);
  }
  return `${out}…`;
}

/** Lines of at most `room` columns: broken at spaces, and inside a word only when it is longer than a line (Japanese has no spaces). */
export function breakLines(text: string, room: number): string[] {
  const lines: string[] = [];
  let cur = '';
  let w = 0;
  const flush = () => {
    if (cur.trim()) lines.push(cur.trimEnd());
    cur = '';
    w = 0;
  };
  for (const word of text.split(' ')) {
    if (!word) continue;
    const ww = displayWidth(word);
    const sep = cur ? 1 : 0;
    if (w + sep + ww <= room) {
      cur += (sep ? ' ' : '') + word;
      w += sep + ww;
      continue;
    }
    if (ww <= room) {
      flush();
      cur = word;
      w = ww;
      continue;
    }
    if (cur) {
      cur += ' ';
      w += 1;
    }
    for (const ch of word) {
      if (w + cols(ch) > room) flush();
      cur += ch;
      w += cols(ch);
    }
  }
  flush();
  return lines;
}
