import pc from 'picocolors';
import type { CodeFrame, Finding, Severity } from '../core/finding.js';
import { isPartialReason, type Report } from '../core/report.js';
import { FRAME_WIDTH } from '../core/location.js';
import {
  autorunToShow,
  foldFrameLine,
  lineInSpan,
  BANNER,
  clip,
  dangerousFiles,
  formatBytes,
  groupByFile,
  isDangerous,
  plural,
  sanitize,
  showBlanks,
  TRIGGER_ACTION,
  whatItMeans,
} from './present.js';

export interface TerminalOptions {
  color: boolean;
  /** Wrap width for prose (summary); code frames are folded by the core. */
  width?: number;
}

type Colors = ReturnType<typeof pc.createColors>;

/**
 * What a person reads, top-down: the verdict banner, the autorun map (what starts by itself), findings grouped by file
 * with code frames that underline the evidence, decoded values, what each finding means; then indicators, what was not
 * examined, and totals. Every string from the sample goes through sanitize().
 */
export function renderTerminal(report: Report, opts: TerminalOptions): string {
  const c = pc.createColors(opts.color);
  const width = opts.width ?? 100;
  const out: string[] = [];
  banner(out, report, c, width);
  autorunMap(out, report, c);
  detonation(out, report, c);
  findings(out, report, c);
  indicators(out, report, c);
  notExamined(out, report, c);
  const s = report.stats;
  out.push(
    c.dim(
      `${plural(s.files, 'file')}, ${formatBytes(s.bytes)}${s.parsedFiles !== undefined ? `, ${s.parsedFiles} parsed` : ''}, in ${s.durationMs} ms · lurescan ${report.tool.version}`,
    ) + (report.incomplete ? ` ${c.red(c.bold('INCOMPLETE: some files were not examined (exit code 2)'))}` : ''),
  );
  return `${out.join('\n')}\n`;
}

function banner(out: string[], r: Report, c: Colors, width: number) {
  const paint = r.verdict === 'malicious' ? (s: string) => c.bgRed(c.white(s)) : r.verdict === 'suspicious' ? (s: string) => c.bgYellow(c.black(s)) : (s: string) => c.bgGreen(c.black(s));
  out.push(`${paint(c.bold(`  ${BANNER[r.verdict]}  `))}  ${c.bold(r.verdict)} · score ${r.score}/100 · ${sanitize(r.target)}`);
  out.push('');
  for (const line of wrap(sanitize(clip(r.summary, 6000)), width - 2)) out.push(`  ${line}`);
  out.push('');
}

function autorunMap(out: string[], r: Report, c: Colors) {
  if (!r.autorun.length) {
    out.push(c.bold('Autorun map'), `  ${c.dim('Nothing in this tree starts by itself on install, start, folder open or git use.')}`, '');
    return;
  }
  const flagged = dangerousFiles(r);
  out.push(c.bold(`Autorun map — what starts by itself (${r.autorun.length})`));
  const { shown, hidden } = autorunToShow(r, 40);
  const byTrigger = new Map<string, typeof r.autorun>();
  for (const e of shown) byTrigger.set(e.trigger, [...(byTrigger.get(e.trigger) ?? []), e]);
  for (const [trigger, entries] of byTrigger) {
    out.push(`  ${c.cyan(`when you: ${TRIGGER_ACTION[trigger as keyof typeof TRIGGER_ACTION] ?? trigger}`)}`);
    for (const e of entries) {
      const danger = isDangerous(e, flagged);
      const where = `${sanitize(clip(e.file, 400))}:${e.line}${e.label ? `  ${c.dim(sanitize(clip(e.label, 300)))}` : ''}`;
      out.push(`    ${danger ? c.red(c.bold('!')) : ' '} ${where}`);
      out.push(`        ${c.dim('$')} ${danger ? c.red(commandText(e.command)) : commandText(e.command)}`);
      for (const to of e.leadsTo) out.push(`        ${c.dim('→')} ${flagged.has(to) ? c.red(`${sanitize(clip(to, 400))}  (has findings)`) : sanitize(clip(to, 400))}`);
    }
  }
  if (hidden) out.push(`  ${c.dim(`… and ${plural(hidden, 'more entry', 'more entries')} that lead to no finding (all of them: --format json or html)`)}`);
  out.push('');
}

/** What the jail ran (lurescan detonate / scan --detonate), so "nothing seen" is honest about what was exercised. */
function detonation(out: string[], r: Report, c: Colors) {
  const d = r.detonation;
  if (!d) return;
  out.push(c.bold(`Detonation — ${d.ran ? `ran in the jail for ${(d.durationMs / 1000).toFixed(1)} s` : 'did not run'}`));
  for (const a of d.actions) {
    const how = a.skipped
      ? c.dim(`skipped: ${sanitize(a.skipped)}`)
      : a.timedOut
        ? c.yellow('stopped at the time limit')
        : a.signal
          ? `killed by ${sanitize(a.signal)}`
          : `exit ${a.exitCode ?? '?'}`;
    out.push(`  ${sanitize(a.label)}  ${c.dim(`${sanitize(a.file)}:${a.line}`)}  ${how}`);
    out.push(`        ${c.dim('$')} ${commandText(a.command)}`);
  }
  const counts = [d.processes !== undefined ? plural(d.processes, 'process', 'processes') : '', d.networkEvents !== undefined ? plural(d.networkEvents, 'network attempt') : ''].filter(Boolean);
  if (counts.length) out.push(`  ${c.dim(counts.join(' · '))}`);
  for (const n of d.notes) out.push(`  ${c.dim(`note: ${sanitize(n)}`)}`);
  out.push('');
}

function commandText(cmd: string): string {
  return clip(sanitize(showBlanks(cmd.trim())), 300);
}

function findings(out: string[], r: Report, c: Colors) {
  if (!r.findings.length) {
    out.push(c.bold('Findings'), `  ${c.dim('none')}`, '');
    return;
  }
  const groups = groupByFile(r.findings);
  out.push(c.bold(`Findings — ${plural(r.findings.length, 'finding')} in ${plural(groups.length, 'file')}`), '');
  for (const [file, fs] of groups) {
    const reached = fs.some((f) => f.autorun);
    out.push(`${c.bold(c.underline(file ? sanitize(clip(file, 400)) : '(whole project)'))}${reached ? `  ${c.red('[runs automatically]')}` : ''}`);
    // Within a file, a frame already shown for the same span and an explanation already given for the same rule are
    // not repeated: several rules often flag one line.
    const seen = { spans: new Set<string>(), rules: new Set<string>() };
    for (const f of fs) finding(out, r, f, c, seen);
  }
}

function sevLabel(s: Severity, c: Colors): string {
  const t = s.toUpperCase().padEnd(8);
  return s === 'critical' ? c.bold(c.red(t)) : s === 'high' ? c.red(t) : s === 'medium' ? c.yellow(t) : c.dim(t);
}

function finding(out: string[], r: Report, f: Finding, c: Colors, seen: { spans: Set<string>; rules: Set<string> }) {
  out.push(`  ${sevLabel(f.severity, c)} ${sanitize(clip(f.message, 600))}  ${c.dim(`[${f.ruleId}]`)}`);
  out.push(`  ${' '.repeat(8)} ${c.dim(`at ${f.file ? sanitize(clip(f.file, 400)) : '(project)'}:${f.line}:${f.column} · ${f.confidence} confidence${f.weightNote ? ` · weighted down: ${sanitize(f.weightNote)}` : ''}`)}`);
  const span = `${f.line}:${f.column}-${f.endLine}:${f.endColumn}`;
  if (seen.spans.has(span)) out.push(`    ${c.dim('(same code as above)')}`);
  else if (f.frame && f.frame.lines.length) frame(out, f, f.frame, c);
  else if (f.evidence) out.push(`    ${c.dim('evidence:')} ${clip(sanitize(f.evidence), 300)}`);
  seen.spans.add(span);
  if (f.decoded !== undefined) out.push(`    ${c.green('decoded:')}  ${clip(sanitize(f.decoded), 500)}`);
  const means = seen.rules.has(f.ruleId) ? undefined : whatItMeans(r, f);
  seen.rules.add(f.ruleId);
  if (means) out.push(`    ${c.dim('what this means:')} ${sanitize(means)}`);
  out.push('');
}

/** Gutter, the folded line, and a caret underline under exactly the evidence (in sanitized-text columns). */
function frame(out: string[], f: Finding, fr: CodeFrame, c: Colors) {
  const lastLine = fr.startLine + fr.lines.length - 1;
  const gw = String(lastLine).length;
  fr.lines.slice(0, 24).forEach((raw, i) => {
    const ln = fr.startLine + i;
    const { text, first } = foldFrameLine(raw, fr.firstColumns[i] ?? 1, f, ln, FRAME_WIDTH);
    const inSpan = lineInSpan(f, ln);
    const left = first > 1 ? '…' : ' ';
    const right = text.length >= FRAME_WIDTH ? c.dim('…') : '';
    const shown = sanitize(text);
    out.push(`    ${c.dim(`${String(ln).padStart(gw)} │`)}${left}${inSpan ? shown : c.dim(shown)}${right}`);
    if (!inSpan) return;
    // Columns of the evidence inside the shown slice (0-based, in raw UTF-16 units of `text`).
    const from = ln === f.line ? Math.max(0, f.column - first) : 0;
    const to = ln === f.endLine ? Math.min(text.length, Math.max(from + 1, f.endColumn - first)) : text.length;
    if (from >= text.length && text.length > 0) return;
    const pad = sanitize(text.slice(0, from)).length;
    const len = Math.max(1, sanitize(text.slice(from, to)).length);
    const note = ln === f.line && first > 1 ? c.dim(`  (column ${f.column} of a long line)`) : '';
    out.push(`    ${' '.repeat(gw)} ${c.dim('│')} ${' '.repeat(pad)}${c.red('^'.repeat(len))}${note}`);
  });
}

function indicators(out: string[], r: Report, c: Colors) {
  const hashes = Object.entries(r.fileHashes ?? {});
  if (!r.iocs.length && !hashes.length) return;
  out.push(c.bold(r.iocs.length ? `Indicators (${r.iocs.length})` : 'Indicators'));
  const tw = Math.max(4, ...r.iocs.map((i) => i.type.length));
  for (const i of r.iocs) out.push(`  ${i.type.padEnd(tw)}  ${clip(sanitize(i.value), 200)}  ${c.dim(`${sanitize(i.file)}:${i.line}`)}`);
  if (hashes.length) {
    out.push(`  ${c.dim('SHA-256 of files with findings:')}`);
    for (const [file, h] of hashes) out.push(`  ${h}  ${sanitize(file)}`);
  }
  out.push('');
}

function notExamined(out: string[], r: Report, c: Colors) {
  if (!r.skipped.length && !r.errors.length) return;
  out.push(c.bold(`Not examined, or examined in part (${r.skipped.length + r.errors.length})`));
  for (const e of r.errors) out.push(`  ${c.red('error  ')} ${sanitize(clip(e.path, 400))}: ${sanitize(clip(e.message, 600))}`);
  // A file over the parse limit is still read by the text rules: "partial", not "skipped" (see engine/analyze-file.ts).
  for (const s of r.skipped) out.push(`  ${c.yellow(isPartialReason(s.reason) ? 'partial' : 'skipped')} ${sanitize(clip(s.path, 400))}: ${sanitize(clip(s.reason, 600))}`);
  out.push('');
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/ +/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

export { sanitize } from './present.js';
