import { defineRule } from '../../core/rule.js';

// A run this long inside a line is never formatting: editors wrap, humans indent with < 40.
const PADDING = /[ \t]{150,}(?=\S)/g;
const CODE_AFTER = /^[\s;]*(?:[A-Za-z_$][\w$]*\s*[.[(=]|\(|!|eval|Function|require|import|global|const|let|var|function|async|try|new\s|[A-Za-z_$][\w$]*\s*=)/;

export default defineRule({
  id: 'whitespace-hidden-code',
  meta: {
    kind: 'threat',
    category: 'hidden-code',
    severity: 'critical',
    confidence: 'high',
    summary: 'Code hidden after a long run of spaces, off the right edge of the editor',
    why: 'Lures append their loader after hundreds of spaces (tailwind/postcss/next configs, App.js) so a reviewer scrolling vertically never sees it.',
    fix: 'Do not run the project. Look at the end of this line: that is the payload.',
    falsePositives: 'Aligned tables in comments and fixed-width data files have long blank runs, but no code follows them on the same line.',
    references: ['https://github.com/advisories?query=polinrider', 'CWE-506'],
    status: 'stable',
    nearCertain: true,
  },
  input: 'file',
  prefilter: /[ \t]{150}/,
  appliesTo: (f) => f.isText,
  check(ctx, file) {
    const text = file.text!;
    for (const m of text.matchAll(PADDING)) {
      const after = m.index! + m[0].length;
      const lineEnd = text.indexOf('\n', after);
      const rest = text.slice(after, lineEnd === -1 ? text.length : lineEnd);
      if (!CODE_AFTER.test(rest)) continue;
      ctx.report({
        at: { offset: after, length: Math.min(rest.length, 200) },
        message: `Code hidden after ${m[0].length} blank characters on one line`,
        evidence: rest.slice(0, 300),
      });
    }
  },
});
