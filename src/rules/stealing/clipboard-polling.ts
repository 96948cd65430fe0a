import { defineRule } from '../../core/rule.js';
import { OBFUSCATION_HATCH } from '../../analyzers/js/hints.js';
import type { Node } from '../../analyzers/js/walk.js';
import { jsFacts, networkSends } from './_js-facts.js';
import { clip } from './_iocs.js';

const CLIP_CMD = /\b(?:pbpaste|Get-Clipboard|xclip\b[^'"`]*-o|xclip\b[^'"`]*-selection|xsel\b[^'"`]*(?:-o|--output|-b)|wl-paste|powershell[^'"`]*Clipboard\]::GetText)/i;
const CLIP_CALL = /^(?:clipboardy\.(?:read|readSync)|electron\.clipboard\.read\w*|clipboard\.read\w*|\?\.clipboard\.read\w*|copy-paste\.paste|clipboardy\.default\.read\w*)$/;
// Crypto address shapes a clipper swaps: EVM, Bitcoin bech32/base58, TRON, Solana.
// Matched against the source text, where these appear as regex literals.
const ADDRESS_RE = /0x\[a-fA-F0-9\]\{40\}|0x\[0-9a-fA-F\]\{40\}|bc1\[|\[13\]\[a-km-zA-HJ-NP-Z1-9\]|T\[A-Za-z1-9\]\{33\}|\[1-9A-HJ-NP-Za-km-z\]\{3\d,4\d\}/;

export default defineRule({
  id: 'clipboard-polling',
  meta: {
    kind: 'threat',
    category: 'stealing',
    severity: 'high',
    confidence: 'medium',
    summary: 'Reads the clipboard on a timer (pbpaste / Get-Clipboard / xclip inside setInterval)',
    why: 'The InvisibleFerret/BeaverTail RATs poll the clipboard every second or less to catch copied passwords, seed phrases and wallet addresses (and clippers swap the address for the attacker\'s).',
    fix: 'Do not run the project. If it ran, assume everything copied since then was seen; check recent transfers for swapped addresses.',
    falsePositives: 'Clipboard libraries (clipboardy) spawn pbpaste/xclip once per call and clipboard managers poll on purpose; a lone poll with nothing else is low confidence, polling with an upload or an address pattern is high.',
    references: ['https://attack.mitre.org/techniques/T1115/', 'https://www.esentire.com/blog/bored-beavertail-invisibleferret-yacht-club-a-lazarus-lure-pt-2'],
    status: 'stable',
  },
  input: 'js-ast',
  // A timer AND a clipboard read (command or API); the timer first: a plain literal scan is the cheaper miss.
  prefilter: [/setInterval|setTimeout/, [/clipboard|paste|xclip|xsel|gettext/i, OBFUSCATION_HATCH]],
  check(ctx, js) {
    const f = jsFacts(js);
    // Where the clipboard is read: a shell command string or a clipboard API call.
    const reads: Array<{ start: number; end: number; text: string }> = [];
    for (const s of f.strings) if (s.value.length < 500 && CLIP_CMD.test(s.value)) reads.push({ start: s.start, end: s.end, text: s.value });
    for (const c of f.calls) if (CLIP_CALL.test(c.callee)) reads.push({ start: c.node.start, end: c.node.end, text: c.callee });
    if (!reads.length) return;
    const sends = networkSends(f).length > 0;
    const swaps = js.text.length < 2_000_000 && ADDRESS_RE.test(js.text);
    for (const t of f.calls) {
      if (t.callee !== 'setInterval' && t.callee !== 'setTimeout') continue;
      const cb = t.args[0];
      if (!cb) continue;
      const body = resolveFn(cb, f.functions);
      if (!body) continue;
      const inside = reads.find((r) => r.start >= body.start && r.end <= body.end) ??
        // the timer callback calls a named helper that reads
        reads.find((r) => [...calledNames(body, f)].some((fn) => { const b = f.functions.get(fn); return b && r.start >= b.start && r.end <= b.end; }));
      if (!inside) continue;
      const delay = t.args[1]?.type === 'Literal' && typeof t.args[1].value === 'number' ? t.args[1].value : null;
      if (t.callee === 'setTimeout' && !recursive(body, f)) continue;
      if (delay !== null && delay > 5000) continue;
      const fast = delay !== null && delay <= 1000;
      const [severity, confidence] = sends || swaps ? (['high', 'high'] as const) : fast ? (['medium', 'low'] as const) : (['low', 'low'] as const);
      ctx.report({
        at: { node: t.node },
        message: `Clipboard read (${clip(inside.text, 60)}) every ${delay ?? '?'} ms${sends ? ', with an upload in the same file' : ''}${swaps ? ', next to a crypto-address pattern (clipper)' : ''}`,
        evidence: clip(js.text.slice(t.node.start, Math.min(t.node.end, t.node.start + 200))),
        severity,
        confidence,
      });
      return;
    }
  },
});

function resolveFn(n: Node, functions: Map<string, Node>): Node | undefined {
  if (n.type === 'FunctionExpression' || n.type === 'ArrowFunctionExpression') return n;
  if (n.type === 'Identifier') return functions.get(n.name);
  return undefined;
}

function calledNames(body: Node, f: ReturnType<typeof jsFacts>): Set<string> {
  const out = new Set<string>();
  for (const c of f.calls) if (c.node.start >= body.start && c.node.end <= body.end && !c.callee.includes('.')) out.add(c.callee);
  return out;
}

/** A setTimeout callback that re-arms itself is a poll. */
function recursive(body: Node, f: ReturnType<typeof jsFacts>): boolean {
  return f.calls.some((c) => c.callee === 'setTimeout' && c.node.start > body.start && c.node.end <= body.end);
}
