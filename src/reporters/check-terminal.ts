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
  const cut = (s: string, indent = 0) => {
    const t = sanitize(s);
    const room = width - indent;
    return t.length > room ? `${t.slice(0, room - 1)}…` : t;
  };
  /** Word-wrapped to at most `maxLines` lines, the first after `first`, the rest indented by `indent`. */
  const wrap = (first: string, s: string, indent: number, maxLines = 2): string[] => {
    const room = width - indent;
    const words = sanitize(s).split(' ');
    const lines: string[] = [];
    let cur = '';
    for (const w of words) {
      if (cur && cur.length + 1 + w.length > room) {
        lines.push(cur);
        cur = w;
      } else cur = cur ? `${cur} ${w}` : w;
    }
    if (cur) lines.push(cur);
    const kept = lines.slice(0, maxLines).map((l) => (l.length > room ? `${l.slice(0, room - 1)}…` : l));
    if (lines.length > maxLines) kept[maxLines - 1] = `${kept[maxLines - 1]!.slice(0, room - 1)}…`;
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
    for (const t of tactics) {
      const q = t.quotes[0];
      out.push(`  ${c.yellow('●')} ${cut(`${t.title}${q ? ` — line ${q.line}: “${q.text}”` : ''}`, 4)}`);
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
