import type { Report } from '../core/report.js';

/**
 * Indicators as CSV (RFC 4180): type,value,file,line,rule. One row per IOC per finding that carries it, plus a
 * `sha256` row per file with findings. Cells that a spreadsheet would run as a formula are prefixed with a quote.
 */
export function renderCsv(report: Report): string {
  const rows: string[][] = [['type', 'value', 'file', 'line', 'rule']];
  const seen = new Set<string>();
  const push = (r: string[]) => {
    const key = r.join('\u0000');
    if (seen.has(key)) return;
    seen.add(key);
    rows.push(r);
  };
  const carried = new Set<string>();
  for (const f of report.findings) {
    for (const i of f.iocs ?? []) {
      push([i.type, i.value, i.file, String(i.line), f.ruleId]);
      carried.add(`${i.type}\u0000${i.value}\u0000${i.file}`);
    }
  }
  // IOCs listed at report level without a finding that carries them (older or hand-made reports).
  for (const i of report.iocs) {
    if (!carried.has(`${i.type}\u0000${i.value}\u0000${i.file}`)) push([i.type, i.value, i.file, String(i.line), '']);
  }
  for (const [file, hash] of Object.entries(report.fileHashes ?? {}).sort()) push(['sha256', hash, file, '', '']);
  return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

function cell(v: string): string {
  let s = v;
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
