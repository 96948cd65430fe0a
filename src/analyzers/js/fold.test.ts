import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseJs } from './parse.js';
import { envVarsOf, foldString, mayFoldCall } from './fold.js';
import { scopeOf } from './fold-scope.js';
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
  });

  it('resolves a name through the binding in scope where it is read (minified bundles reuse e/t)', () => {
    // Before: any second binding of the name anywhere in the file made it unfoldable.
    assert.equal(foldLast('function f(a) { return a } const a = "x"; a')?.value, 'x', 'the parameter of f is another a');
    assert.equal(foldLast('function f(e) { return e } function g() { const e = "child_" + "process"; return e } const n = "a"; g() + n')?.value, 'child_processa');
    const { ast } = parseJs('function f(e) { return e }\nfunction g() { const e = "child_" + "process"; return require(e); }\nfunction h(t) { var e = t; return require(e); }');
    const req = (fnIx: number) => ast.body[fnIx].body.body[1].argument.arguments[0];
    assert.equal(foldString(req(1), ast)?.value, 'child_process', 'e in g is g\'s const');
    assert.equal(foldString(req(2), ast), null, 'e in h is h\'s var, given a parameter');
  });

  it('does not fold a name where another binding shadows it, or where it is not in scope', () => {
    const { ast } = parseJs('const t = atob("aGk=");\nfunction r(t) { return t + "!"; }\nfunction s() { { let t = y; return t + "!"; } }\nfunction u() { const k = "x"; }\nfunction v() { return k + "!"; }');
    const ret = (i: number) => {
      let b = ast.body[i].body.body;
      if (b[0].type === 'BlockStatement') b = b[0].body;
      return b[b.length - 1].argument;
    };
    assert.equal(foldString(ret(1), ast), null, 'a parameter shadows the module-level const');
    assert.equal(foldString(ret(2), ast), null, 'a block-level let shadows it');
    assert.equal(foldString(ret(4), ast), null, 'k of u is not visible in v (it folded to "x!" before: one binding in the file)');
    assert.equal(foldString(ast.body[0].declarations[0].init, ast)?.value, 'hi');
  });

  it('a name declared more than 32 times (a minified bundle\'s e) is not resolved: unfoldable, as before', () => {
    const many = Array.from({ length: 40 }, (_, i) => `function f${i}(e) { return e; }`).join('\n');
    const { ast } = parseJs(`${many}\nfunction g() { const e = "x"; return e + "!"; }`);
    const g = ast.body[ast.body.length - 1];
    assert.equal(foldString(g.body.body[1].argument, ast), null);
    const few = Array.from({ length: 20 }, (_, i) => `function f${i}(e) { return e; }`).join('\n');
    const p2 = parseJs(`${few}\nfunction g() { const e = "x"; return e + "!"; }`).ast;
    assert.equal(foldString(p2.body[p2.body.length - 1].body.body[1].argument, p2)?.value, 'x!');
  });

  it('a reassignment spoils only the binding it assigns', () => {
    const code = 'function a() { let e = "x"; e = y(); return e; }\nfunction b() { const e = "ok"; return e + "!"; }';
    const { ast } = parseJs(code);
    assert.equal(foldString(ast.body[0].body.body[2].argument, ast), null);
    assert.equal(foldString(ast.body[1].body.body[1].argument, ast)?.value, 'ok!');
  });

  it('a built-in is not the built-in where the file binds its name', () => {
    const { ast } = parseJs('function f(atob) { return atob("aGk="); }\nfunction g() { return atob("aGk="); }\nfunction h() { var String = S; return String.fromCharCode(104); }');
    assert.equal(foldString(ast.body[0].body.body[0].argument, ast), null);
    assert.equal(foldString(ast.body[1].body.body[0].argument, ast)?.value, 'hi', 'a parameter named atob elsewhere no longer hides the global');
    assert.equal(foldString(ast.body[2].body.body[1].argument, ast), null);
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

describe('mayFoldCall', () => {
  const judge = (code: string): boolean => {
    const { ast } = parseJs(code);
    const last = ast.body[ast.body.length - 1] as Node;
    return mayFoldCall(last.expression, scopeOf(ast));
  };
  it('rejects method calls on a receiver whose root cannot fold (this, super, a parameter, an unbound global)', () => {
    assert.equal(judge('this.parts.list.join("")'), false);
    assert.equal(judge('function f(e) { return e.exports.x.trim(); }\ne.exports.x.trim()'), false);
    assert.equal(judge('document.body.textContent.trim()'), false);
    assert.equal(judge('console.log("a").toString()'), false);
    assert.equal(judge('let a, b;\n(a || b).trim()'), false);
  });
  it('rejects calls of the file\'s own names that apply() refuses whatever the arguments', () => {
    assert.equal(judge('async function h(s) { return s; }\nh("a")'), false);
    assert.equal(judge('function* g(s) { yield s; }\ng("a")'), false);
    assert.equal(judge('function d({ a }) { return a; }\nd({ a: "x" })'), false);
    assert.equal(judge('const k = { a: 1 };\nk("a")'), false);
    assert.equal(judge('function spin() { for (;;) {} }\nspin()'), false);
    // Arguments are evaluated first: one that cannot be (a parameter, this, a || b) fails the call.
    assert.equal(judge('function f(e) { return parseInt(e); }\nparseInt(e)'), false);
    assert.equal(judge('Math.floor(this.width)'), false);
    assert.equal(judge('const h = (s) => s;\nlet a, b;\nh(a || b)'), false);
    // A name whose value already failed to fold (the file-wide memo) fails again at once.
    const { ast } = parseJs('const m = load(1);\nfoo(m.trim());\nm.trim()');
    const scope = scopeOf(ast);
    const last = (ast.body[2] as Node).expression;
    assert.equal(mayFoldCall(last, scope), true);
    collectStrings({ ast });
    assert.equal(mayFoldCall(last, scope), false);
  });
  it('keeps calls of helpers that may fold', () => {
    assert.equal(judge('const h = (s) => s + "x";\nh("a")'), true);
    assert.equal(judge('function x2(s, k = 1) { const t = s; return t; }\nx2("a")'), true);
    assert.equal(judge('function dec(d, k) { let r = ""; for (let i = 0; i < d.length; i++) r += String.fromCharCode(d.charCodeAt(i) ^ k); return r; }\ndec("a", 1)'), true);
    assert.equal(judge('const alias = (s) => s;\nconst f = alias;\nf("a")'), true);
    assert.equal(judge('const k = "aGk=";\natob(k)'), true);
    assert.equal(judge('String.fromCharCode(...[104, 105])'), true);
    assert.equal(judge('atob(process.env.KEY)'), true);
  });
  it('keeps receivers that may fold, and every call whose receiver folds still folds', () => {
    const admitted = [
      'const cfg = { parts: ["ht", "tp"] };\ncfg.parts.join("")',
      'process.env.HOST.trim()',
      '(function () { return "ab"; })().concat("c")',
      'Buffer.from("aGk=", "base64").toString().trim()',
      'atob("aGk=").concat("!")',
      '"abc".split("").reverse().join("")',
    ];
    for (const code of admitted) assert.equal(judge(code), true, code);
    const strings = (code: string) => collectStrings(parseJs(code)).filter((s) => s.kind === 'folded').map((s) => s.value);
    assert.deepEqual(strings('const cfg = { parts: ["ht", "tp"] };\nfoo(cfg.parts.join(""));'), ['http']);
    assert.deepEqual(strings('foo((function () { return "ab"; })().concat("c"));'), ['abc']);
    assert.deepEqual(strings('process.env.H = "x.io ";\nfoo(process.env.H.trim());'), ['x.io']);
    assert.deepEqual(strings('class A extends B { f() { return this.p.join("") + super.q.trim(); } }'), []);
  });
});
