/**
 * Every string of a file with its location: literals, and each maximal expression the folder (fold.ts) turns into a
 * string. Computed once per file and shared by the rules (split from fold.ts).
 */
import type { JsFile } from '../../core/inputs.js';
import { flatAst, T, typeMask, type Node } from './walk.js';
import { deobfuscatedOf } from './deob-registry.js';
import { parseJs } from './parse.js';
import { foldString, mayFoldCall, type FoldStep } from './fold.js';
import { FILE_STEP_BUDGET, scopeOf, type FoldScope } from './fold-scope.js';

export interface CollectedString {
  value: string;
  /**
   * 'literal': a string literal or a template without expressions; 'folded': an expression folded to a string;
   * 'deobfuscated': a string of the webcrack-deobfuscated version of this file (located at the obfuscated block).
   */
  kind: 'literal' | 'folded' | 'deobfuscated';
  /** Offsets of the node in the file's text. */
  start: number;
  end: number;
  node: Node;
  decoded: boolean;
  steps: FoldStep[];
}

const collected = new WeakMap<object, CollectedString[]>();
/** One shared (never mutated) empty list for the literals: a bundle has 100k of them. */
const NO_STEPS: FoldStep[] = [];
/**
 * Node types read: string literals and templates, and the types worth trying to fold as a whole (binary, call, template,
 * new; a plain identifier or member read repeats its definition: skipped).
 */
const STRING_TYPES = typeMask(T.Literal, T.TemplateLiteral, T.BinaryExpression, T.CallExpression, T.NewExpression);

/**
 * Every string literal of the file and every maximal expression that folds to a string, with locations. Computed lazily
 * once per file (cached on the AST object) and shared by all rules. Bounded by the folder's per-file step budget.
 */
export function collectStrings(js: Pick<JsFile, 'ast'> & { text?: string }): CollectedString[] {
  const ast = js.ast as Node | null;
  if (!ast) return [];
  const hit = collected.get(ast);
  if (hit) return hit;
  const out: CollectedString[] = [];
  // Strings the obfuscator-io rule recovered by deobfuscating this very text (it runs first, as a file rule).
  const deob = js.text ? deobfuscatedOf(js.text) : null;
  if (deob) {
    const parsed = parseJs(deob.code);
    const at = { type: 'Deobfuscated', start: deob.at, end: deob.at + 1 } as Node;
    if (parsed.ast) {
      for (const s of collectStrings({ ast: parsed.ast })) out.push({ ...s, kind: 'deobfuscated', start: at.start, end: at.end, node: at });
    }
  }
  const scope = scopeOf(ast);
  // Iterative pre-order walk over the shared flat AST (children pushed in source order, so the last child is visited
  // first, as before); a node that folds hides its sub-expressions from folding (their literals still count).
  const { nodes, types, end } = flatAst(ast);
  // Pending nodes never outnumber the nodes: fixed typed stacks.
  const stack = new Int32Array(nodes.length);
  const foldedFlag = new Uint8Array(nodes.length);
  let sp = nodes.length ? 1 : 0;
  while (sp > 0) {
    const i = stack[--sp]!;
    const folded = foldedFlag[sp] === 1;
    let inFolded = folded;
    // Only string-bearing and foldable node types are read (by the flat AST's type codes; a bundle has ~600k nodes).
    const code = types[i]!;
    const node = STRING_TYPES[code] ? nodes[i]! : null;
    if (!node) {
      // nothing to read here
    } else if (code === T.Literal) {
      if (typeof node.value === 'string') out.push({ value: node.value, kind: 'literal', start: node.start, end: node.end, node, decoded: false, steps: NO_STEPS });
    } else if (code === T.TemplateLiteral && node.expressions.length === 0 && typeof node.quasis[0]?.value?.cooked === 'string') {
      out.push({ value: node.quasis[0].value.cooked, kind: 'literal', start: node.start, end: node.end, node, decoded: false, steps: NO_STEPS });
    } else if (!folded && scope.spent < FILE_STEP_BUDGET && worthFolding(node, scope)) {
      const r = foldString(node, ast, { maxSteps: 20_000 });
      if (r && r.value.length) {
        out.push({ value: r.value, kind: 'folded', start: node.start, end: node.end, node, decoded: r.decoded, steps: r.steps });
        inFolded = true;
      }
    }
    for (let c = i + 1; c < end[i]!; c = end[c]!) {
      stack[sp] = c;
      foldedFlag[sp++] = inFolded ? 1 : 0;
    }
  }
  out.sort((a, b) => a.start - b.start);
  collected.set(ast, out);
  return out;
}

/** Cheap shape test before a fold attempt (calls: see mayFoldCall). */
function worthFolding(node: Node, scope: FoldScope): boolean {
  if (node.type === 'BinaryExpression') return node.operator === '+';
  if (node.type === 'TemplateLiteral') return node.expressions.length > 0;
  if (node.type === 'NewExpression') return node.callee?.type === 'Identifier' && node.callee.name === 'Buffer';
  return mayFoldCall(node, scope);
}
