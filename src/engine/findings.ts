import type { Finding, Ioc } from '../core/finding.js';
import { clipEvidence, codeFrame, LineIndex } from '../core/location.js';
import type { AnyRule, At, ReportArgs } from '../core/rule.js';

/** Turns a rule's `report()` call into a located Finding with evidence and a code frame. */
export function makeFinding(rule: AnyRule, file: string, index: LineIndex | null, args: ReportArgs): Finding {
  const { line, column, endLine, endColumn, startOffset, endOffset } = resolveAt(args.at, index);
  let evidence = args.evidence;
  if (evidence === undefined) {
    evidence = index && startOffset !== undefined && endOffset !== undefined ? index.text.slice(startOffset, endOffset) : '';
  }
  const finding: Finding = {
    ruleId: rule.id,
    severity: args.severity ?? rule.meta.severity,
    confidence: args.confidence ?? rule.meta.confidence,
    file: args.file ?? file,
    line,
    column,
    endLine,
    endColumn,
    message: args.message ?? rule.meta.summary,
    evidence: clipEvidence(evidence),
  };
  if (args.decoded !== undefined) finding.decoded = clipEvidence(args.decoded, 2000);
  if (index && index.text.length) finding.frame = codeFrame(index, line, column, endLine, endColumn);
  if (args.iocs?.length) {
    finding.iocs = args.iocs.map((i): Ioc => ({ type: i.type, value: i.value, file: finding.file, line: i.line ?? line }));
  }
  return finding;
}

function resolveAt(at: At, index: LineIndex | null) {
  let startOffset: number | undefined;
  let endOffset: number | undefined;
  if ('offset' in at) {
    startOffset = at.offset;
    endOffset = at.offset + (at.length ?? 0);
  } else if ('node' in at) {
    startOffset = at.node.range?.[0] ?? at.node.start ?? 0;
    endOffset = at.node.range?.[1] ?? at.node.end ?? startOffset;
  }
  if (startOffset !== undefined && index) {
    const s = index.position(startOffset);
    const e = index.position(Math.max(startOffset, endOffset ?? startOffset));
    return { line: s.line, column: s.column, endLine: e.line, endColumn: Math.max(e.column, e.line === s.line ? s.column : 1), startOffset, endOffset };
  }
  if ('line' in at) {
    const line = Math.max(1, at.line);
    const column = Math.max(1, at.column ?? 1);
    const endLine = Math.max(line, at.endLine ?? line);
    const endColumn = at.endColumn ?? (index ? index.lineText(endLine).length + 1 : column);
    const startOffset2 = index ? index.offset(line, column) : undefined;
    const endOffset2 = index ? index.offset(endLine, endColumn) : undefined;
    return { line, column, endLine, endColumn: Math.max(1, endColumn), startOffset: startOffset2, endOffset: endOffset2 };
  }
  return { line: 1, column: 1, endLine: 1, endColumn: 1, startOffset, endOffset };
}
