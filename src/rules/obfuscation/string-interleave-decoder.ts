import { defineRule } from '../../core/rule.js';

// BeaverTail reassembles strings by interleaving two halves of one array/string: `a += t[e], a += t[10 + e]` or
// `a += t[e] + t[e + 10]`. Generalised over names and the offset; offsets below 4 are tokenizers reading an escape
// pair (`l += e[d] + e[d + 1]`), not interleaving.
const INTERLEAVE = [
  /([\w$]+)\s*\+=\s*([\w$]+)\[\s*([\w$]+)\s*\]\s*,\s*\1\s*\+=\s*\2\[\s*(?:(?:[4-9]|[1-9]\d+)\s*\+\s*\3|\3\s*\+\s*(?:[4-9]|[1-9]\d+))\s*\]/y,
  /\+=\s*([\w$]+)\[\s*([\w$]+)\s*\]\s*\+\s*\1\[\s*(?:(?:[4-9]|[1-9]\d+)\s*\+\s*\2|\2\s*\+\s*(?:[4-9]|[1-9]\d+))\s*\]/y,
];
/**
 * Both shapes contain `+= t[e]` followed by `,` or `+`: a literal-led scan finds those few places, and the patterns
 * (sticky) are tried only there. Run over the whole text, the first pattern's back-reference made V8 try every
 * position of every identifier (0.5 s on a 9 MB bundle).
 */
const LEAD = /\+=\s*[\w$]+\[\s*[\w$]+\s*\][\s,+]/g;
const WORD = /[\w$]/;

/** The leftmost match of each pattern, as a whole-text `exec` of the non-sticky pattern would find it. */
export function findInterleave(text: string): RegExpExecArray | null {
  let first: [RegExpExecArray | null, RegExpExecArray | null] = [null, null];
  LEAD.lastIndex = 0;
  for (let lead = LEAD.exec(text); lead; lead = LEAD.exec(text)) {
    const at = lead.index;
    if (!first[0]) {
      // The assigned name ends before `+=` (after optional blanks): try each start inside it, leftmost first.
      let end = at;
      while (end > 0 && /\s/.test(text[end - 1]!)) end--;
      let start = end;
      while (start > 0 && WORD.test(text[start - 1]!)) start--;
      for (let i = start; i < end && !first[0]; i++) {
        INTERLEAVE[0]!.lastIndex = i;
        first[0] = INTERLEAVE[0]!.exec(text);
      }
      if (first[0]) break; // a first-pattern match wins whatever the second finds
    }
    if (!first[1]) {
      INTERLEAVE[1]!.lastIndex = at;
      first[1] = INTERLEAVE[1]!.exec(text);
    }
  }
  return first[0] ?? first[1];
}
const EXEC = /\beval\s*\(|\bFunction\s*\(|child_process|\bexec(Sync)?\s*\(|require\s*\(|Buffer\.from|atob\s*\(/;

export default defineRule({
  id: 'string-interleave-decoder',
  meta: {
    kind: 'threat',
    category: 'obfuscation',
    severity: 'high',
    confidence: 'medium',
    summary: 'String interleave decoder (`a += t[e], a += t[10 + e]`): BeaverTail-style string reassembly',
    why: 'BeaverTail and related Contagious Interview stealers rebuild their strings (module names, C2 URLs) by interleaving two halves of a scrambled string, so the plain text never appears in the file.',
    fix: 'Treat the file as a probable stealer: look at what the reassembled strings feed (require, Buffer.from(…, "base64"), eval).',
    falsePositives: 'Interleaving two halves of one buffer is unusual outside codecs; alone it is reported medium, and high only when the file also decodes, requires or evaluates.',
    references: ['https://unit42.paloaltonetworks.com/two-campaigns-by-north-korea-bad-actors-target-job-hunters/', 'CWE-506'],
    status: 'stable',
  },
  input: 'file',
  prefilter: /\+=\s*[\w$]+\[/,
  appliesTo: (f) => f.isText && (f.kind === 'js' || f.kind === 'ts' || f.kind === 'text' || f.kind === 'other' || f.kind === 'binary' || f.kind === 'markup'),
  check(ctx, file) {
    const text = file.text!;
    const m = findInterleave(text);
    if (!m) return;
    const exec = EXEC.test(text);
    ctx.report({
      at: { offset: m.index, length: m[0].length },
      message: `Strings are reassembled by interleaving two halves of one array${exec ? '; the file also decodes, requires or evaluates code' : ''}`,
      evidence: text.slice(Math.max(0, m.index - 60), m.index + m[0].length + 60),
      severity: exec && !file.facts.vendored ? 'high' : 'medium',
      confidence: exec ? 'medium' : 'low',
    });
  },
});
