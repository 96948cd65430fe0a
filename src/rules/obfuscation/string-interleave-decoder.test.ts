import { ruleTest } from '../../testing/rule-tester.js';
import rule from './string-interleave-decoder.js';

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
