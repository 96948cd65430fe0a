import type { CodeFrame } from './finding.js';

/** Offsets ↔ 1-based line/column, computed once per file. */
export class LineIndex {
  private readonly starts: number[];
  constructor(readonly text: string) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    this.starts = starts;
  }
  get lineCount(): number {
    return this.starts.length;
  }
  position(offset: number): { line: number; column: number } {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - this.starts[lo]! + 1 };
  }
  offset(line: number, column = 1): number {
    const l = Math.max(1, Math.min(line, this.starts.length));
    return Math.min(this.starts[l - 1]! + column - 1, this.text.length);
  }
  lineText(line: number): string {
    const s = this.starts[line - 1];
    if (s === undefined) return '';
    const next = this.starts[line];
    let e = next === undefined ? this.text.length : next - 1;
    if (e > s && this.text.charCodeAt(e - 1) === 13) e--;
    return this.text.slice(s, e);
  }
}

export const FRAME_WIDTH = 160;

/**
 * Cuts a line to a window around [column, endColumn) so evidence far to the right stays visible.
 * Returns the shown text and the 1-based column of its first character.
 */
export function foldLine(text: string, column: number, endColumn: number, width = FRAME_WIDTH): { text: string; firstColumn: number } {
  if (text.length <= width) return { text, firstColumn: 1 };
  const span = Math.max(1, Math.min(endColumn, text.length + 1) - column);
  const lead = span >= width ? 8 : Math.floor((width - span) / 3);
  const start = Math.max(0, Math.min(column - 1 - lead, text.length - width));
  return { text: text.slice(start, start + width), firstColumn: start + 1 };
}

/** Builds a code frame of one line of context on each side, folded around the evidence. */
export function codeFrame(index: LineIndex, line: number, column: number, endLine: number, endColumn: number): CodeFrame {
  const first = Math.max(1, line - 1);
  const last = Math.min(index.lineCount, Math.max(line, Math.min(endLine, line + 4)) + 1);
  const lines: string[] = [];
  const firstColumns: number[] = [];
  for (let l = first; l <= last; l++) {
    const raw = index.lineText(l);
    // Context lines are folded at the evidence column too, so the frame lines up vertically.
    const end = l === line && endLine === line ? endColumn : column + 1;
    const folded = foldLine(raw, column, end);
    lines.push(folded.text);
    firstColumns.push(folded.firstColumn);
  }
  return { startLine: first, lines, firstColumns };
}

/** Evidence text: short enough to read, never cut before the part that matters. */
export function clipEvidence(s: string, max = 300): string {
  const oneLine = s.length > max ? `${s.slice(0, max - 1)}…` : s;
  return oneLine;
}
