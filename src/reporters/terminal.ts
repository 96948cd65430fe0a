import pc from 'picocolors';
import type { Finding } from '../core/finding.js';
import type { Report } from '../core/report.js';

export interface TerminalOptions {
  color: boolean;
}

const BANNER = {
  malicious: 'DO NOT RUN',
  suspicious: 'RUN ONLY IN A SANDBOX',
  clean: 'NO KNOWN THREAT',
} as const;

/** What a person reads: verdict banner, autorun map, findings grouped by file with folded code frames. */
export function renderTerminal(report: Report, opts: TerminalOptions): string {
  const c = pc.createColors(opts.color);
  const out: string[] = [];
  const paint = report.verdict === 'malicious' ? c.bgRed : report.verdict === 'suspicious' ? c.bgYellow : c.bgGreen;
  out.push(paint(c.black(c.bold(` ${BANNER[report.verdict]} `))) + ` ${report.verdict} · score ${report.score}/100 · ${report.target}`);
  out.push(report.summary, '');
  if (report.autorun.length) {
    out.push(c.bold('Autorun map — what starts by itself'));
    for (const e of report.autorun) {
      const cmd = e.command.trim().replace(/\s{8,}/g, (m) => ` ⟨${m.length} blanks⟩ `);
      out.push(`  ${c.cyan(e.trigger.padEnd(20))} ${e.file}:${e.line}${e.label ? ` ${c.dim(e.label)}` : ''}`);
      out.push(`  ${' '.repeat(20)} ${c.dim('$')} ${cmd.length > 200 ? `${cmd.slice(0, 199)}…` : cmd}`);
      if (e.leadsTo.length) out.push(`  ${' '.repeat(20)} → ${e.leadsTo.join(', ')}`);
    }
    out.push('');
  }
  const byFile = new Map<string, Finding[]>();
  for (const f of report.findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  if (byFile.size) out.push(c.bold(`Findings (${report.findings.length})`));
  for (const [file, fs] of byFile) {
    out.push(`${c.underline(file || '(project)')}${fs.some((f) => f.autorun) ? c.red(' [runs automatically]') : ''}`);
    for (const f of fs.sort((a, b) => a.line - b.line)) {
      const sev = f.severity === 'critical' || f.severity === 'high' ? c.red(f.severity) : f.severity === 'medium' ? c.yellow(f.severity) : c.dim(f.severity);
      out.push(`  ${f.line}:${f.column}  ${sev} ${c.dim(`(${f.confidence} confidence)`)}  ${f.message}  ${c.dim(f.ruleId)}`);
      if (f.frame) {
        const width = String(f.frame.startLine + f.frame.lines.length).length;
        f.frame.lines.forEach((text, i) => {
          const ln = f.frame!.startLine + i;
          const first = f.frame!.firstColumns[i] ?? 1;
          const shown = sanitize(text);
          const prefix = `${first > 1 ? '…' : ' '}`;
          out.push(`    ${c.dim(String(ln).padStart(width))} │${prefix}${ln === f.line ? shown : c.dim(shown)}`);
          if (ln === f.line) {
            const startCol = Math.max(0, f.column - first);
            const len = Math.max(1, Math.min((f.endLine === f.line ? f.endColumn : first + text.length) - f.column, text.length - startCol));
            out.push(`    ${' '.repeat(width)} │ ${' '.repeat(startCol)}${c.red('^'.repeat(len))}${first > 1 ? c.dim(` (column ${f.column})`) : ''}`);
          }
        });
      } else if (f.evidence) out.push(`    ${c.dim('evidence:')} ${sanitize(f.evidence)}`);
      if (f.decoded) out.push(`    ${c.green('decoded:')} ${sanitize(f.decoded)}`);
      const why = report.rules[f.ruleId]?.why;
      if (why) out.push(`    ${c.dim(`why: ${why}`)}`);
    }
  }
  if (report.iocs.length) {
    out.push('', c.bold('Indicators'));
    for (const i of report.iocs) out.push(`  ${i.type.padEnd(16)} ${sanitize(i.value)}  ${c.dim(`${i.file}:${i.line}`)}`);
  }
  if (report.skipped.length || report.errors.length) {
    out.push('', c.bold('Not examined'));
    for (const s of report.skipped) out.push(`  skipped ${s.path}: ${s.reason}`);
    for (const e of report.errors) out.push(`  ${c.red('error')} ${e.path}: ${e.message}`);
  }
  out.push('', c.dim(`${report.stats.files} files, ${(report.stats.bytes / 1e6).toFixed(1)} MB in ${report.stats.durationMs} ms${report.incomplete ? ' — INCOMPLETE' : ''}`));
  return `${out.join('\n')}\n`;
}

/** Control, bidi and invisible characters from a sample must not drive the user's terminal. */
export function sanitize(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, (ch) => `\\u{${ch.codePointAt(0)!.toString(16)}}`);
}
