import type { AutorunEntry } from '../core/autorun.js';
import type { Report } from '../core/report.js';
import { autorunToShow, dangerousFiles, isDangerous, TRIGGER_ACTION } from './present.js';

/**
 * The autorun map as a picture: action → command → files it reaches, three columns of boxes joined by edges; edges
 * into files with findings drawn thick and red. Inline SVG (no script, no external refs); every label goes through
 * `show` (sanitize + escape) and is cut to its box, with the full text in a <title> tooltip.
 */
export function autorunSvg(report: Report, show: (s: string) => string): string {
  if (!report.autorun.length) return '';
  // The picture keeps every dangerous entry and a bounded number of others; the table below lists all.
  const { shown: entries, hidden } = autorunToShow(report, 30);
  const flagged = dangerousFiles(report);
  const ROW = 40;
  const BOX_H = 30;
  const X = [12, 282, 660];
  const W = [250, 340, 300];
  const TOP = 34;
  const groups = new Map<string, AutorunEntry[]>();
  for (const e of entries) groups.set(e.trigger, [...(groups.get(e.trigger) ?? []), e]);
  const parts: string[] = [];
  const edges: string[] = [];
  let row = 0;
  const boxY = (r: number) => TOP + r * ROW;
  const mid = (r0: number, r1: number) => (boxY(r0) + boxY(r1)) / 2 + BOX_H / 2;
  const box = (x: number, yc: number, w: number, cls: string, text: string, title: string) => {
    const maxChars = Math.floor((w - 14) / 7.3);
    const shown = text.length > maxChars ? `${text.slice(0, maxChars - 1)}…` : text;
    return `<g><title>${show(title)}</title><rect class="box ${cls}" x="${x}" y="${yc - BOX_H / 2}" width="${w}" height="${BOX_H}" rx="5"/><text class="${cls.includes('action') ? 'label' : ''}" x="${x + 8}" y="${yc + 4}">${show(shown)}</text></g>`;
  };
  const edge = (x1: number, y1: number, x2: number, y2: number, danger: boolean) => {
    const cx = (x1 + x2) / 2;
    return `<path class="edge${danger ? ' danger' : ''}" d="M${x1} ${y1} C${cx} ${y1} ${cx} ${y2} ${x2} ${y2}"${danger ? ' marker-end="url(#arrow-danger)"' : ' marker-end="url(#arrow)"'}/>`;
  };
  for (const [trigger, list] of groups) {
    const first = row;
    const entryRows: Array<{ e: AutorunEntry; r0: number; r1: number }> = [];
    for (const e of list) {
      const n = Math.max(1, e.leadsTo.length);
      entryRows.push({ e, r0: row, r1: row + n - 1 });
      row += n;
    }
    const last = row - 1;
    const groupDanger = list.some((e) => isDangerous(e, flagged));
    const ay = mid(first, last);
    const action = TRIGGER_ACTION[trigger as keyof typeof TRIGGER_ACTION] ?? trigger;
    parts.push(box(X[0]!, ay, W[0]!, `action${groupDanger ? ' danger' : ''}`, `when you: ${action}`, `when you: ${action}`));
    for (const { e, r0, r1 } of entryRows) {
      const danger = isDangerous(e, flagged);
      const ey = mid(r0, r1);
      const cmd = e.command.trim().replace(/[ \t]{8,}/g, (m) => ` ⟨${m.length} blanks⟩ `);
      edges.push(edge(X[0]! + W[0]!, ay, X[1]!, ey, danger));
      parts.push(box(X[1]!, ey, W[1]!, danger ? 'danger' : '', `$ ${cmd}`, `${e.file}:${e.line}${e.label ? ` ${e.label}` : ''}\n$ ${cmd.slice(0, 2000)}`));
      e.leadsTo.forEach((to, k) => {
        const fy = boxY(r0 + k) + BOX_H / 2;
        const hot = flagged.has(to);
        edges.push(edge(X[1]! + W[1]!, ey, X[2]!, fy, hot));
        parts.push(box(X[2]!, fy, W[2]!, hot ? 'danger' : '', to, hot ? `${to} (has findings)` : to));
      });
    }
  }
  const width = X[2]! + W[2]! + 12;
  const more = hidden ? `<text class="legend" x="${X[0]}" y="${TOP + row * ROW + 14}">… and ${hidden} more that lead to no finding: see the table</text>` : '';
  const height = TOP + row * ROW + (hidden ? 26 : 8);
  const defs =
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="#9aa3ad"/></marker>' +
    '<marker id="arrow-danger" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="#c0392b"/></marker></defs>';
  const heads = `<text class="legend" x="${X[0]}" y="20">action</text><text class="legend" x="${X[1]}" y="20">what runs</text><text class="legend" x="${X[2]}" y="20">files it reaches (red: has findings)</text>`;
  return `<svg class="autorun-svg" role="img" aria-label="Autorun map" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">${defs}${heads}${edges.join('')}${parts.join('')}${more}</svg>`;
}
