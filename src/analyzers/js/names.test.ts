import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseJs } from './parse.js';
import { constModuleName, fileIndex, patternNames, requiredModule, resolveName, valueAt } from './names.js';
import { flatAst, type Node } from './walk.js';

const parse = (code: string) => parseJs(code).ast as Node;
/** The init of the last top-level `const x = …`. */
function lastInit(ast: Node): Node {
  const decls = (ast.body as Node[]).filter((s) => s.type === 'VariableDeclaration');
  return decls[decls.length - 1]!.declarations[0].init;
}
/** The `nth` Identifier named `name` in source order. */
function ident(ast: Node, name: string, nth = 0): Node {
  const ids = flatAst(ast).nodes.filter((n) => n.type === 'Identifier' && n.name === name);
  assert.ok(ids[nth], `no identifier ${name} #${nth}`);
  return ids[nth]!;
}

test('requiredModule: one home for both former copies (names.ts and the string facts)', async (t) => {
  const cases: Array<[string, string | null]> = [
    ["const a = require('fs');", 'fs'],
    ["const a = require('node:child_process');", 'child_process'],
    // names.ts: parens, TS casts, (0, require), member chains
    ["const a = (require('https')).get;", 'https.get'],
    ["const a = (0, require)('vm');", 'vm'],
    ["const a = require('fs').promises.readFile;", 'fs.promises.readFile'],
    // the facts: computed string-literal members
    ["const a = require('child_process')['exec'];", 'child_process.exec'],
    ["const a = require('os')['userInfo'].call;", 'os.userInfo.call'],
    ["const a = await import('node:os');", 'os'],
    ["const a = await await import('os');", 'os'],
    // constant pieces (no bindings needed)
    ["const a = require('child_pro' + 'cess');", 'child_process'],
    ["const a = require(`child_${'process'}`);", 'child_process'],
    ["const a = require(['ch', 'ild_process'].join(''));", 'child_process'],
    // not a module name
    ["const a = require(x);", null],
    ["const a = require('fs')[k];", null],
    ["const a = require('a b');", 'a b'],
    ["const a = require('./x' + ' y');", null],
    ["const a = requireX('fs');", null],
  ];
  for (const [code, want] of cases) {
    await t.test(code, () => assert.equal(requiredModule(lastInit(parse(code))), want));
  }
});

test('requiredModule with the file: a module name held in a constant resolves through its binding', async (t) => {
  await t.test("const n = 'child_' + 'process'; require(n)", () => {
    const ast = parse("const n = 'child_' + 'process';\nconst cp = require(n);");
    assert.equal(requiredModule(lastInit(ast), ast), 'child_process');
    assert.equal(requiredModule(lastInit(ast)), null, 'without the file nothing bound is folded');
    assert.equal(fileIndex(ast).modules.get('cp'), 'child_process');
  });
  await t.test("const m = ['ch','ild_process'].join(''); import(m)", () => {
    const ast = parse("const m = ['ch', 'ild_process'].join('');\nconst cp = await import(m);");
    assert.equal(fileIndex(ast).modules.get('cp'), 'child_process');
  });
  await t.test('a parameter, a reassigned variable or a runtime value stays unknown', () => {
    for (const code of [
      "function load(lang) { const msgs = require('./locale/' + lang); }",
      "let n = 'fs'; n = pick();\nconst m = require(n);",
      "const n = process.env.MOD;\nconst m = require(n);",
    ]) {
      const ast = parse(code);
      const mods = [...fileIndex(ast).modules.values()];
      assert.deepEqual(mods, [], code);
    }
  });
  await t.test('constModuleName strips node: and rejects what is no module name', () => {
    const ast2 = parse("const n = 'node:' + 'vm';\nrequire(n);\nconst bad = 'x y';\nrequire(bad);");
    assert.equal(constModuleName(ident(ast2, 'n', 1), ast2), 'vm');
    assert.equal(constModuleName(ident(ast2, 'bad', 1), ast2), null);
  });
});

test('patternNames: the names a pattern binds, never its keys, defaults or member targets', async (t) => {
  const names = (code: string) => {
    const ast = parse(code);
    const decl = (ast.body as Node[])[0]!;
    const pattern = decl.type === 'VariableDeclaration' ? decl.declarations[0].id : decl.expression.left;
    return patternNames(pattern).map((x) => x.name);
  };
  await t.test('object and array patterns, nested, with defaults and rest', () => {
    assert.deepEqual(names('const { a, b: c, d = f(e), [k]: g, h: { i = j }, ...r } = x;'), ['a', 'c', 'd', 'g', 'i', 'r']);
    assert.deepEqual(names('const [p, [q], s = t, ...u] = x;'), ['p', 'q', 's', 'u']);
  });
  await t.test('member targets of an assignment pattern bind nothing', () => {
    assert.deepEqual(names('[o.p, z] = x;'), ['z']);
  });
  await t.test('a default value does not bind its names in a declaration (it did before: `const { a = f(b) } = x` bound b)', () => {
    const ast = parse('const b = 1;\nfunction g(x) { const { a = f(b) } = x; return b; }');
    const ix = fileIndex(ast);
    const inner = resolveName(ix, 'b', ident(ast, 'b', 2));
    assert.equal(inner.length, 1);
    assert.equal(inner[0]!.scope, ast, 'b in g is the module-level b');
    assert.equal(resolveName(ix, 'f', ident(ast, 'f')).length, 0, 'f is a global');
  });
  await t.test('a parameter pattern and a declaration pattern bind the same names', () => {
    const ast = parse('const a = 1, c = 2, k = 3;\nfunction g({ a, b: [c] = k }) { return a + c + k; }\nfunction h(x) { const { a, b: [c] = k } = x; return a + c + k; }');
    const ix = fileIndex(ast);
    for (const [fn, nth] of [['g', 3], ['h', 3]] as const) {
      const a = resolveName(ix, 'a', ident(ast, 'a', nth));
      assert.notEqual(a[0]!.scope, ast, `a in ${fn} is local`);
      const k = resolveName(ix, 'k', ident(ast, 'k', nth));
      assert.equal(k[0]!.scope, ast, `k in ${fn} is the module-level k`);
    }
  });
  await t.test('a destructured catch parameter shadows', () => {
    const ast = parse("const message = atob('eA==');\ntry { f(); } catch ({ message }) { g(message); }");
    const b = resolveName(fileIndex(ast), 'message', ident(ast, 'message', 2));
    assert.equal(b[0]!.kind, 'catch');
  });
});

test('valueAt: the one value a name holds where it is read', async (t) => {
  const at = (code: string, name: string, nth: number) => {
    const ast = parse(code);
    const v = valueAt(fileIndex(ast), ident(ast, name, nth));
    return v ? code.slice(v.start, v.end) : null;
  };
  await t.test('a const, a var assigned once, an undeclared name assigned once', () => {
    assert.equal(at('const F = Function.constructor;\nnew F(s);', 'F', 1), 'Function.constructor');
    assert.equal(at('var F;\nF = Function.constructor;\nnew F(s);', 'F', 2), 'Function.constructor');
    assert.equal(at('F = Function.constructor;\nnew F(s);', 'F', 1), 'Function.constructor');
  });
  await t.test('the binding where it is read, not another of the same name', () => {
    const code = 'function a() { var e = Function.constructor; return e; }\nfunction b(e, t) { return new e(t); }\nfunction c() { var e = eval; return e; }';
    assert.equal(at(code, 'e', 3), null, 'a parameter has no known value');
    assert.equal(at(code, 'e', 1), 'Function.constructor');
  });
  await t.test('two values, a pattern, a loop variable: unknown', () => {
    assert.equal(at('let F = Function.constructor;\nF = Object;\nnew F(s);', 'F', 2), null);
    assert.equal(at('const { F } = Function;\nnew F(s);', 'F', 1), null);
    assert.equal(at('for (const F of list) new F(s);', 'F', 1), null);
  });
});
