import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { blankTypes, blankTypesFast, FastBlankRefused, parseTs } from './parse-ts.js';
import { parseJs } from './parse.js';

/** Every node as `type:start:end` plus its scalar fields: two trees with the same signature have the same positions. */
function signature(ast: any): string {
  const out: string[] = [];
  const stack = [ast];
  while (stack.length) {
    const n = stack.pop();
    if (!n || typeof n !== 'object') continue;
    if (Array.isArray(n)) {
      for (const x of n) stack.push(x);
      continue;
    }
    if (typeof n.type === 'string') out.push(`${n.type}:${n.start}:${n.end}`);
    for (const k in n) {
      if (k === 'start' || k === 'end' || k === 'type') continue;
      const v = n[k];
      if (v && typeof v === 'object') stack.push(v);
      else out.push(`${k}=${String(v)}`);
    }
  }
  return out.join('\n');
}
/** Compares JavaScript ignoring whitespace (blanking leaves runs of spaces where the types were). */
const squash = (s: string) => s.replace(/\s+/g, '');

/** [TypeScript, what JavaScript is left (whitespace squashed)] */
const FORMS: [string, string][] = [
  ['let a: number = 1;', 'let a = 1;'],
  ['let b!: string;', 'let b;'],
  ['function f(a?: number, b: string = "x"): void {}', 'function f(a , b = "x") {}'],
  ['function g(this: Window, a) {}', 'function g( a) {}'],
  ['function h<T extends object>(x: T): T { return x; }', 'function h(x) { return x; }'],
  ['function o(a: string): void;\nfunction o(a) {}', 'function o(a) {}'],
  ['const c = x as unknown as string;', 'const c = x;'],
  ['const d = { a: 1 } as const;', 'const d = { a: 1 };'],
  ['const e = y satisfies Y;', 'const e = y;'],
  ['const n = v!.w!;', 'const n = v.w;'],
  ['const q = <any>z;', 'const q = z;'],
  ['f<string>(1); new Map<string, number>();', 'f(1); new Map();'],
  ['g(a < b, c > (d));', 'g(a(d));'], // TypeScript reads a generic call here, and so do both blankers
  ['interface I { a: number }\nexport interface J extends I {}', ''],
  ['type A = { a: 1 } | null;\nexport type B<T> = T[];', ''],
  ['declare const z: number;\ndeclare module "m" { export const y: 1 }\ndeclare global { interface W {} }', ''],
  ['export declare function df(): void;', ''],
  ['declare module "m" { namespace A { const x: 1 } export namespace B {} }\ndeclare namespace C.D { namespace E {} }', ''],
  ["import type { A } from './a';\nimport type D from './d';\nimport type * as N from './n';", ''],
  ["export type { A } from './a';\nexport type * from './b';\nexport type { C };", ''],
  ["import { type A, b, type C } from './a';", "import { b, } from './a';"],
  ["export { type A, b };", 'export { b };'],
  ["import type from './t';", "import type from './t';"],
  ["import fs = require('fs');", "const fs = require('fs');"],
  ['export = main;', 'main;'],
  ['export as namespace Lib;', ''],
  ['enum E { A = 1, B = `${2}` }\nexport const enum F { X }', ''],
  ['abstract class K<T> extends Base<T> implements I, J {\n  private readonly a?: number = 1;\n  static override b = 2;\n  [key: string]: any;\n  abstract m(): void;\n  constructor(public x: number) { super(); }\n  n<U>(u: U): U { return u; }\n}', 'class K extends Base { a = 1; static b = 2; constructor( x) { super(); } n(u) { return u; } }'],
  ['const h = async <T,>(x: T): Promise<\n  T\n> => x;', 'const h = async (x)=> x;'],
  ['const p = (a): a is string => typeof a === "string";', 'const p = (a) => typeof a === "string";'],
];

describe('blankTypesFast', () => {
  for (const [ts, js] of FORMS) {
    it(`blanks ${ts.replace(/\s+/g, ' ').slice(0, 60)}`, () => {
      const out = blankTypesFast(ts, false);
      assert.equal(out.length, ts.length);
      assert.equal(out.split('\n').length, ts.split('\n').length);
      assert.equal(squash(out), squash(js));
      // Same tree, same positions as the compiler path.
      const a = parseJs(out, { loose: false });
      const b = parseJs(blankTypes(ts, false), { loose: false });
      assert.ok(a.ast, a.error);
      assert.ok(b.ast, b.error);
      assert.equal(signature(a.ast), signature(b.ast));
    });
  }

  it('leaves JavaScript that looks like TypeScript untouched', () => {
    const js = [
      'const type = 1, declare = 2, readonly = 3, abstract = 4, namespace = { x: 1 }, module = {}, as = 5;',
      'type(); declare(); abstract(); namespace.x; readonly.toString();',
      'if (a < b && c > d) f(a < b, c >= d);',
      'const o = { type: 1, as: 2, enum: 3, private: 4, is: (x) => x };',
      'const t = x ? (y) : z;',
      'label: for (const k in o) { if (k) continue label; }',
      "import a, { b as c } from 'x'; export { c as d }; export default a;",
      'const r = /<T>(x)/g.test(s) ? `${a}: ${b}` : "x as y";',
      'class C { static async *gen() {} #p = 1; get v() { return this.#p; } }',
    ].join('\n');
    assert.equal(blankTypesFast(js, false), js);
    const tsx = 'const App = ({ a }) => <div title="a: b" onClick={() => go(a)}>{a ? <b>x as y</b> : null}</div>;\n';
    assert.equal(blankTypesFast(tsx, true), tsx);
  });

  it('TSX: generic arrows, casts and non-null inside JSX', () => {
    const src = 'const App = <T,>(p: { a: T }) => <div onClick={() => eval(p.a as string)}>{p.a!}</div>;\n';
    const out = blankTypesFast(src, true);
    assert.equal(squash(out), squash('const App = (p) => <div onClick={() => eval(p.a)}>{p.a}</div>;'));
  });

  it('keeps nothing of the last file alive in sucrase\'s module state', () => {
    blankTypesFast('let v: number = f<T>(x as any);\n'.repeat(2000), false);
    const base = createRequire(import.meta.url)('sucrase/dist/parser/traverser/base');
    assert.equal(base.state.tokens.length, 0);
    assert.equal(base.input, '');
  });

  it('refuses what it cannot blank exactly', () => {
    for (const src of [
      'namespace N { export const q = 1; }',
      'declare module "x";\nnamespace N { export const q = 1; }',
      'declare module "x" {}\nmodule M { export const q = 1; }',
      'class A { declare b: string; }',
      'abstract class A { protected abstract y: number; }',
      'import X = A.B;',
      'import type Y = require("y");',
      'class C { m(@p x) {} }',
    ]) {
      assert.throws(() => blankTypesFast(src, false), (e: unknown) => e instanceof FastBlankRefused || e instanceof SyntaxError, src);
    }
  });
});

describe('parseTs', () => {
  it('blanks type syntax in place (same length, same lines) and parses cleanly', () => {
    const src = [
      "import type { A } from './a';",
      "import { type B, c } from './b';",
      "import fs = require('fs');",
      'export interface X { a: number }',
      'declare const z: number;',
      'abstract class K<T> extends Base<T> implements X {',
      '  private readonly a?: number = 1;',
      '  constructor(public x: number) { super(); }',
      '  m<U>(this: K<T>, a: U): Promise<void> { return f<U>(a as any)!; }',
      '  abstract get w(): string;',
      '}',
      'const h = async <T,>(x: T): Promise<',
      '  T',
      '> => x;',
      'enum E { A }',
      'namespace N { export const q = 1; }',
    ].join('\n');
    const out = blankTypes(src, false);
    assert.equal(out.length, src.length);
    assert.equal(out.split('\n').length, src.split('\n').length);
    assert.match(out, /const {2}fs = require\('fs'\);/);
    const r = parseTs(src, '.ts');
    assert.equal(r.recovered, false, r.error);
    assert.equal(r.ast.type, 'Program');
  });
  it('falls back to the compiler path: a namespace becomes a block', () => {
    const src = 'namespace N { export const q: number = eval(k); }\n';
    const r = parseTs(src, '.ts');
    assert.equal(r.recovered, false, r.error);
    assert.equal(r.ast.body[0].type, 'BlockStatement');
    const call = r.ast.body[0].body[0].declarations[0].init;
    assert.equal(src.slice(call.start, call.end), 'eval(k)');
  });
  it('parses TSX with generics and casts', () => {
    const r = parseTs('const App = <T,>(p: { a: T }) => <div onClick={() => eval(p.a as string)}>{p.a}</div>;\n', '.tsx');
    assert.equal(r.recovered, false, r.error);
  });
  it('keeps offsets: a node slices the original text', () => {
    const src = 'const u: string = atob(process.env.K as string);\n';
    const r = parseTs(src, '.ts');
    const init = r.ast.body[0].declarations[0].init;
    assert.equal(src.slice(init.start, init.end).replace(/\s+$/, ''), 'atob(process.env.K as string)');
    const arg = init.arguments[0];
    assert.equal(src.slice(arg.start, arg.end), 'process.env.K');
  });
  it('a broken file still shows what follows the error (loose fallback, as before)', () => {
    const r = parseTs('const a: number = ;\neval(atob("eA=="));\n', '.ts');
    assert.equal(r.recovered, true);
    assert.match(JSON.stringify(r.ast), /"name":"eval"/);
  });
  it('declaration files: type syntax leaves nothing, code in them is seen', () => {
    const dts = 'export declare function f(a: string): void;\nexport interface I { a: number }\nexport as namespace Lib;\nexport = f;\n';
    const r = parseTs(dts, '.ts');
    assert.equal(r.recovered, false, r.error);
    assert.deepEqual(r.ast.body.map((s: any) => s.type), ['ExpressionStatement']); // `f;` from `export = f`
    const payload = 'export declare const v: string;\nrequire("child_process").exec(cmd);\n';
    assert.match(JSON.stringify(parseTs(payload, '.ts').ast), /"name":"exec"/);
  });
  it('survives hostile nesting without crashing', () => {
    for (const deep of [
      `${'('.repeat(50_000)}1${')'.repeat(50_000)}`,
      `const x: number = ${'['.repeat(100_000)}${']'.repeat(100_000)};`,
      `let t: ${'Array<'.repeat(20_000)}x${'>'.repeat(20_000)} = 1;`,
      `let s = ${Array.from({ length: 100_000 }, () => 'a').join('+')};`,
    ]) {
      const r = parseTs(deep, '.ts');
      assert.ok(r.ast === null || r.recovered || r.ast.type === 'Program');
    }
    // sucrase retries type arguments at every `<`: quadratic without its token budget (11 s for this one).
    const chain = `x = a${' < (b)'.repeat(4000)};\n`;
    assert.throws(() => blankTypesFast(chain, false), FastBlankRefused);
    const t = performance.now();
    const r = parseTs(chain, '.ts');
    assert.equal(r.recovered, false, r.error);
    assert.ok(performance.now() - t < 10_000, `took ${performance.now() - t} ms`);
    // The fast blanker still works after its parser ran out of stack or budget.
    assert.equal(blankTypesFast('let z: number = 1;', false), 'let z         = 1;');
  });
  it('a worker that parses only JavaScript loads neither sucrase nor typescript', () => {
    const analyze = fileURLToPath(new URL('../../engine/analyze-file.ts', import.meta.url));
    const code = `
      const { createRequire } = await import('node:module');
      const { analyzeFile } = await import(${JSON.stringify(analyze)});
      const { allRules: rules } = await import(${JSON.stringify(fileURLToPath(new URL('../../rules/index.ts', import.meta.url)))});
      analyzeFile('a.js', new TextEncoder().encode('eval(atob("eA=="));'), rules);
      const loaded = () => Object.keys(createRequire(import.meta.url).cache).filter((k) => /node_modules\\/(sucrase|typescript)\\//.test(k)).length;
      const before = loaded();
      analyzeFile('b.ts', new TextEncoder().encode('const a: string = atob("eA=="); eval(a);'), rules);
      console.log(JSON.stringify({ before, after: loaded() }));`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(r.status, 0, r.stderr);
    const { before, after } = JSON.parse(r.stdout.trim().split('\n').pop()!);
    assert.equal(before, 0);
    assert.ok(after > 0, 'the .ts file loads the blanker');
  });
});
