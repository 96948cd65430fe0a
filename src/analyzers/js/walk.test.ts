import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseJs } from './parse.js';
import { childrenOf, flatAst, T, typeCode, walk, type Node } from './walk.js';

/** Every syntax form the flat pass reads by name (and some it leaves to the learned key lists), in one file. */
const SOURCE = `
import def, { a as b, c } from 'mod';
import * as ns from 'ns';
export const x = 1, [y, , ...z] = arr, { p, q: { r = 2 }, ...rest } = obj;
label: for (let i = 0, j; i < 10; i++, j--) { if (i) continue label; else break label; }
for (const k in o) ; for (const v of list) { await v; }
for (;;) break;
while (a) b(); do { c(); } while (d);
function f(a, b = 1, ...c) { 'not a directive'; return a ? b : c; }
function* g() { yield 1; yield* g(); }
const h = async (u, { v }, [w]) => { try { throw new Error(\`\${u} and \${v}\`); } catch ({ message }) { } finally { } };
class K extends (B || C) { static s = 1; #p = 2; constructor() { super(); this.#p; } get m() { return super.m; } static { init(); } }
const e = class Q {}; const o2 = { a, b: 2, [c]: 3, d() {}, get e() { return 1; }, ...s, 'str': 4, 5: 6 };
switch (x) { case 1: case 2: f(); break; default: g(); }
x = y ? (a, b) : -c; x += typeof y; x ||= void 0; x ??= delete o.p; z = (!a && b || c) ?? d;
tag\`a\${b}c\`; function nt() { return new.target; } import.meta.url; import('m').then(m => m); a?.b?.(c)?.[d];
const re = /ab+c/gi, big = 10n; debugger; ;
with2: { }
const jsx = <div className="a" {...props}>{eval(x)}<b/>text</div>;
`;

function walkOrder(root: Node): Node[] {
  const out: Node[] = [];
  walk(root, (n) => out.push(n));
  return out;
}

describe('flatAst', () => {
  it('lists the nodes in the order walk visits them, with parents and subtree ends', () => {
    const r = parseJs(SOURCE);
    assert.equal(r.recovered, false, r.error);
    const ast = r.ast as Node;
    const { nodes, parent, end } = flatAst(ast);
    const order = walkOrder(ast);
    assert.equal(nodes.length, order.length);
    for (let i = 0; i < nodes.length; i++) assert.equal(nodes[i], order[i], `node ${i} (${order[i]!.type})`);
    const { types } = flatAst(ast);
    for (let i = 0; i < nodes.length; i++) assert.equal(types[i], typeCode(nodes[i]!.type), `type of ${i}`);
    assert.ok(types.includes(T.CallExpression) && types.includes(T.Other));
    assert.equal(parent[0], -1);
    for (let i = 1; i < nodes.length; i++) assert.ok(childrenOf(nodes[parent[i]!]!).includes(nodes[i]!), `parent of ${i}`);
    for (let i = 0; i < nodes.length; i++) {
      // The subtree of i is exactly the nodes whose parent chain reaches i.
      for (let c = i + 1; c < end[i]!; c++) {
        let p = parent[c]!;
        while (p > i) p = parent[p]!;
        assert.equal(p, i);
      }
      if (end[i]! < nodes.length) {
        let p = parent[end[i]!]!;
        while (p > i) p = parent[p]!;
        assert.notEqual(p, i);
      }
    }
  });

  it('grows past its first size guess (dense code: more nodes than bytes / 4)', () => {
    const ast = parseJs('a+b+c+d+e+f+g+h;'.repeat(2000)).ast as Node;
    const flat = flatAst(ast);
    const order = walkOrder(ast);
    assert.equal(flat.nodes.length, order.length);
    assert.ok(flat.nodes.every((n, i) => n === order[i]));
    assert.equal(flat.parent.length, order.length);
  });

  it('lists every node of a loosely parsed (acorn-loose) tree once', () => {
    const r = parseJs('for (let i = 0, j; i < 10; i++, j--) { f(i ? a : b); }\nconst = ;\neval(x);');
    assert.equal(r.recovered, true);
    const flat = flatAst(r.ast as Node);
    const order = walkOrder(r.ast as Node);
    assert.equal(flat.nodes.length, order.length);
    assert.deepEqual(new Set(flat.nodes), new Set(order));
  });

  it('takes a tree of any shape (unknown node types through their keys), and no tree', () => {
    const root = { type: 'Custom', start: 0, end: 0, kids: [{ type: 'Leaf', start: 0, end: 0 }, null], one: { type: 'Leaf', start: 0, end: 0 } } as Node;
    assert.deepEqual(flatAst(root).nodes.map((n) => n.type), ['Custom', 'Leaf', 'Leaf']);
    assert.equal(flatAst(null as unknown as Node).nodes.length, 0);
  });
});
