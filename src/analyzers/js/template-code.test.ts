import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ejsCode } from './template-code.js';
import { parseJs } from './parse.js';

describe('EJS scriptlets as JavaScript', () => {
  it('keeps the code where it is, blanks the markup, and parses', () => {
    const tpl = '<ul>\n<% items.forEach(function (l) { %>\n  <li><%= l.title %> <%- l.html -%></li>\n<% }) %>\n</ul>\n<%# a comment with eval(x) %>\n';
    const code = ejsCode(tpl)!;
    assert.equal(code.length, tpl.length);
    assert.equal(code.split('\n').length, tpl.split('\n').length);
    assert.equal(code.indexOf('items.forEach'), tpl.indexOf('items.forEach'));
    assert.ok(!code.includes('<li>') && !code.includes('eval(x)'), code);
    const r = parseJs(code);
    assert.ok(r.ast && !r.recovered, r.error);
  });

  it('a file without scriptlets (or only comments) has no code', () => {
    assert.equal(ejsCode('<p>static</p>\n'), null);
    assert.equal(ejsCode('<%# just a note %>\n'), null);
  });
});
