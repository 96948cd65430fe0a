import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ruleTest } from '../../testing/rule-tester.js';
import rule, { findInterleave } from './string-interleave-decoder.js';

ruleTest(rule, {
  clean: [
    { name: 'summing neighbours', file: 'src/sum.js', code: 'for (let i = 0; i < n; i++) total += a[i];\nfor (let i = 0; i < n; i++) s += a[i] * b[i + 1];\n' },
    { name: 'tokenizer reading an escape pair', file: 'lib/parser.js', code: 'case 92: { l += e[d] + e[d + 1], d += 1; break }\nconst m = require("x");\n' },
    { name: 'string building from two arrays', file: 'src/zip.js', code: 'for (let i = 0; i < n; i++) out += keys[i] + vals[i];\n' },
  ],
  flagged: [
    {
      name: 'BeaverTail interleave feeding base64 + require',
      file: 'server/config/index.js',
      code: "const t = 'Y2hpbGRfcHJvY2Vzcw';\nlet a = '';\nfor (let e = 0; e < 10; e++) a += t[e], a += t[10 + e];\nconst m = require(Buffer.from(a, 'base64').toString());\n",
      findings: [{ line: 3, severity: 'high', confidence: 'medium' }],
    },
    { name: 'sum form, alone', file: 'lib/x.js', code: 'for (var e = 0; e < 8; e++) r += s[e] + s[e + 8];\n', findings: [{ line: 1, severity: 'medium', confidence: 'low' }] },
  ],
});

// findInterleave only tries the patterns where `+= t[e]` leads: it must find what a whole-text search of the original
// (non-sticky) patterns finds, including a match that starts inside a longer name and the first-pattern-wins order.
describe('string-interleave-decoder: lead-driven search equals a whole-text search', () => {
  const ORIGINAL = [
    /([\w$]+)\s*\+=\s*([\w$]+)\[\s*([\w$]+)\s*\]\s*,\s*\1\s*\+=\s*\2\[\s*(?:(?:[4-9]|[1-9]\d+)\s*\+\s*\3|\3\s*\+\s*(?:[4-9]|[1-9]\d+))\s*\]/,
    /\+=\s*([\w$]+)\[\s*([\w$]+)\s*\]\s*\+\s*\1\[\s*(?:(?:[4-9]|[1-9]\d+)\s*\+\s*\2|\2\s*\+\s*(?:[4-9]|[1-9]\d+))\s*\]/,
  ];
  const whole = (text: string) => ORIGINAL[0]!.exec(text) ?? ORIGINAL[1]!.exec(text);
  const cases = [
    'for (e = 0; e < 10; e++) a += t[e], a += t[10 + e];',
    'ba += t[e], a += t[10 + e]',
    'x += s[i] + s[i + 8]; y += t[e], y += t[e + 12];',
    'r += s[e] + s[e + 8]',
    'total += a[i]; s += a[i] * b[i + 1]; l += e[d] + e[d + 1]',
    'a  +=  t[ e ] ,\n a += t[ 16+e ]',
    'q += w[k], q += w[k + 2]; q += w[k], q += w[k + 20]',
  ];
  for (const c of cases) {
    it(JSON.stringify(c).slice(0, 60), () => {
      const a = whole(c);
      const b = findInterleave(c);
      assert.equal(b?.index, a?.index);
      assert.equal(b?.[0], a?.[0]);
    });
  }
});
