import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseJs } from './parse.js';
import { envVarsOf, foldString } from './fold.js';
import { collectStrings } from './collect-strings.js';
import type { Node } from './walk.js';

/** Folds the initializer of the last `const`/`let`/`var` declaration (or the last expression statement). */
function foldLast(code: string) {
  const { ast } = parseJs(code);
  const last = ast.body[ast.body.length - 1] as Node;
  const node = last.type === 'VariableDeclaration' ? last.declarations[0].init : last.expression;
  return foldString(node, ast);
}

describe('foldString', () => {
  const cases: Array<[string, string, boolean]> = [
    ['"ht" + "tp://" + `x.${"io"}`', 'http://x.io', false],
    ['["a","b","c"].join("")', 'abc', false],
    ['"moc.live".split("").reverse().join("")', 'evil.com', true],
    ['String.fromCharCode(104, 105)', 'hi', true],
    ['String.fromCharCode(...[104, 105])', 'hi', true],
    ['[104,105].map(c => String.fromCharCode(c)).join("")', 'hi', true],
    ['atob("aHR0cDovL2V2aWwuY29t")', 'http://evil.com', true],
    ['Buffer.from("aHR0cDovL2V2aWwuY29t", "base64").toString()', 'http://evil.com', true],
    ['Buffer.from("68747470", "hex").toString("utf8")', 'http', true],
    ['new Buffer("aGk=", "base64").toString()', 'hi', true],
    ['decodeURIComponent("%68%69")', 'hi', true],
    ['unescape("%68%69")', 'hi', true],
    ['String.fromCharCode(...[35, 34].map(c => c ^ 75))', 'hi', true],
    ['const k = "aHR0cDovL2V2aWwuY29t"; const u = atob(k); u', 'http://evil.com', true],
    ['const cfg = { a: 1, u: "aHR0cDovL2V2aWwuY29t", f() { return 1 } }; atob(cfg.u)', 'http://evil.com', true],
    ['const d = (s) => Buffer.from(s, "base64").toString("utf-8"); d("aGk=")', 'hi', true],
    ['function d(s) { const b = atob(s); return b; } d("aGk=")', 'hi', true],
    ['const K = [36, 192, 41, 8]; const x = (d) => { let r = ""; for (let i = 0; i < d.length; i++) rr = 255 & (d[i] ^ K[3 & i]), r += String.fromCharCode(rr); return r; }; x([10, 182, 90, 107, 75, 164, 76])', '.vscode', true],
    ['const P = (a) => (s1 = a.slice(1), Buffer.from(s1, "base64").toString("utf8")); P("xaGk=")', 'hi', true],
    [
      'function x(d, k) { let r = ""; for (let i = 0; i < d.length; i++) r += String.fromCharCode(d[i] ^ k.charCodeAt(i % k.length)); return r; } x([9, 8], "ab")',
      'hj',
      true,
    ],
  ];
  for (const [code, want, decoded] of cases) {
    it(code.slice(0, 70), () => {
      const r = foldLast(code);
      assert.ok(r, 'folds');
      assert.equal(r.value, want);
      assert.equal(r.decoded, decoded);
    });
  }

  it('does not fold reassigned or mutated bindings', () => {
    assert.equal(foldLast('let a = "x"; a = y; a'), null);
    assert.equal(foldLast('const a = ["x","y"]; a.push(a.shift()); a[0]'), null);
    assert.equal(foldLast('function f(a) { return a } const a = "x"; a'), null, 'ambiguous name');
  });

  it('stays bounded on hostile input', () => {
    let code = 'const a0 = "xx";';
    for (let i = 1; i < 80; i++) code += `const a${i} = a${i - 1} + a${i - 1};`;
    code += 'a79';
    const t = Date.now();
    assert.equal(foldLast(code), null);
    const chain = (n: number) => Array.from({ length: n }, () => '"a"').join('+');
    assert.equal(foldLast(chain(10_000))?.value.length, 10_000);
    assert.equal(foldLast(chain(200_000)), null, 'over the step budget');
    assert.equal(foldLast('const a = a + "x"; a'), null);
    assert.equal(foldLast('"x".repeat(1e9)'), null);
    assert.ok(Date.now() - t < 10_000, 'bounded time');
  });

  it('names env vars feeding an expression', () => {
    const { ast } = parseJs('const u = atob(process.env.DEV_API_KEY); u');
    assert.deepEqual(envVarsOf(ast.body[1].expression, ast), ['DEV_API_KEY']);
    const r = foldString(ast.body[1].expression, ast, { envValues: { DEV_API_KEY: 'aGk=' } });
    assert.equal(r?.value, 'hi');
  });
});

describe('collectStrings', () => {
  it('returns literals and maximal folded expressions with locations', () => {
    const code = 'const a = "plain";\nconst b = atob("aHR0cDovL2V2aWwuY29t");\nfoo("x" + "y");';
    const js = parseJs(code);
    const got = collectStrings(js).map((s) => [s.kind, s.value, code.slice(s.start, s.end)]);
    assert.deepEqual(got, [
      ['literal', 'plain', '"plain"'],
      ['folded', 'http://evil.com', 'atob("aHR0cDovL2V2aWwuY29t")'],
      ['literal', 'aHR0cDovL2V2aWwuY29t', '"aHR0cDovL2V2aWwuY29t"'],
      ['folded', 'xy', '"x" + "y"'],
      ['literal', 'x', '"x"'],
      ['literal', 'y', '"y"'],
    ]);
    assert.equal(collectStrings(js), collectStrings(js), 'cached');
  });
});
