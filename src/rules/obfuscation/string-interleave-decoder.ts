import { defineRule } from '../../core/rule.js';

// BeaverTail reassembles strings by interleaving two halves of one array/string: `a += t[e], a += t[10 + e]` or
// `a += t[e] + t[e + 10]`. Generalised over names and the offset; offsets below 4 are tokenizers reading an escape
// pair (`l += e[d] + e[d + 1]`), not interleaving.
const INTERLEAVE = [
  /(?<![\w$])([\w$]+)\s*\+=\s*([\w$]+)\[\s*([\w$]+)\s*\]\s*,\s*\1\s*\+=\s*\2\[\s*(?:(?:[4-9]|[1-9]\d+)\s*\+\s*\3|\3\s*\+\s*(?:[4-9]|[1-9]\d+))\s*\]/g,
  /\+=\s*([\w$]+)\[\s*([\w$]+)\s*\]\s*\+\s*\1\[\s*(?:(?:[4-9]|[1-9]\d+)\s*\+\s*\2|\2\s*\+\s*(?:[4-9]|[1-9]\d+))\s*\]/g,
];
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
    for (const re of INTERLEAVE) {
      re.lastIndex = 0;
      const m = re.exec(text);
      if (!m) continue;
      const exec = EXEC.test(text);
      ctx.report({
        at: { offset: m.index, length: m[0].length },
        message: `Strings are reassembled by interleaving two halves of one array${exec ? '; the file also decodes, requires or evaluates code' : ''}`,
        evidence: text.slice(Math.max(0, m.index - 60), m.index + m[0].length + 60),
        severity: exec && !file.facts.vendored ? 'high' : 'medium',
        confidence: exec ? 'medium' : 'low',
      });
      return;
    }
  },
});
