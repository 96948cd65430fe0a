import type { Report } from '../core/report.js';

/** One paragraph that says why the verdict is what it is, in words a user acts on. */
export function summarize(r: Omit<Report, 'summary'>): string {
  const top = r.findings.slice(0, 3);
  const auto = r.autorun.length;
  const parts: string[] = [];
  if (r.verdict === 'malicious') parts.push('This looks like a lure: do not run, install or open it in an editor that runs tasks.');
  else if (r.verdict === 'suspicious') parts.push('Some behaviour here needs a closer look: run it only in a sandbox or disposable VM.');
  else parts.push('No known lure behaviour was found.');
  if (top.length) parts.push(`Strongest signals: ${top.map((f) => `${f.message} (${f.file}:${f.line})`).join('; ')}.`);
  if (auto) parts.push(`${auto} thing${auto === 1 ? '' : 's'} would run on their own (see the autorun map).`);
  if (r.incomplete) parts.push(`The scan was incomplete: ${r.errors.length} problem${r.errors.length === 1 ? '' : 's'} (see errors).`);
  return parts.join(' ');
}
