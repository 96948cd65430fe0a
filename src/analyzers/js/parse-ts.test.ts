import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { blankTypes, parseTs } from './parse-ts.js';

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
  it('parses TSX with generics and casts', () => {
    const r = parseTs('const App = <T,>(p: { a: T }) => <div onClick={() => eval(p.a as string)}>{p.a}</div>;\n', '.tsx');
    assert.equal(r.recovered, false, r.error);
  });
  it('keeps offsets: a node slices the original text', () => {
    const src = 'const u: string = atob(process.env.K as string);\n';
    const r = parseTs(src, '.ts');
    const init = r.ast.body[0].declarations[0].init;
    assert.equal(src.slice(init.start, init.end).replace(/\s+$/, ''), 'atob(process.env.K as string)');
  });
  it('survives hostile nesting without crashing', () => {
    const deep = `${'('.repeat(50_000)}1${')'.repeat(50_000)}`;
    const r = parseTs(deep, '.ts');
    assert.ok(r.ast === null || r.recovered || r.ast.type === 'Program');
  });
});
