/**
 * The folder's per-file facts (split from fold.ts): which names are bound once and never reassigned, the file's own
 * `process.env.X = …` assignments, the per-file step budget, and the memo of names already folded. Built once per AST
 * from the shared flat AST (walk.ts) and cached.
 */
import { flatAst, walk, type Node } from './walk.js';

interface Binding {
  /** The initializer (or function node) of the single declaration. */
  init: Node | null;
  kind: 'const' | 'let' | 'var' | 'function' | 'param' | 'other';
  count: number;
  mutated: boolean;
}

/** Per-file facts the folder needs: which names are bound once and never reassigned. Built once per file. */
export class FoldScope {
  readonly bindings = new Map<string, Binding>();
  /** Identifier values resolved in the empty environment (memo; also breaks exponential re-evaluation). */
  readonly memo = new Map<string, unknown>();
  readonly resolving = new Set<string>();
  /** `process.env.X = <expr>` assignments in the file (lures set their own env before using it). */
  readonly envAssigned = new Map<string, Node>();
  /** Steps spent on this file so far (a per-file ceiling keeps a hostile file bounded across many folds). */
  spent = 0;
  /** What xorHelper learned about each helper function's body (one walk per function). */
  readonly xorShapes = new Map<Node, { closureKey: Node | null; xor: boolean; loop: boolean; b64: boolean; hex: boolean; n: number }>();

  constructor(ast: Node | null) {
    if (!ast) return;
    const { nodes, parent } = flatAst(ast);
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      switch (node.type) {
        case 'VariableDeclarator':
          if (node.id?.type === 'Identifier') {
            const decl = parent[i]! >= 0 ? nodes[parent[i]!]! : null;
            const kind = decl?.type === 'VariableDeclaration' ? (decl.kind === 'const' ? 'const' : decl.kind === 'let' ? 'let' : 'var') : 'var';
            this.bind(node.id.name, node.init ?? null, kind);
          } else this.bindPattern(node.id);
          break;
        case 'FunctionDeclaration':
          if (node.id?.type === 'Identifier') this.bind(node.id.name, node, 'function');
          for (const p of node.params ?? []) this.bindPattern(p);
          break;
        case 'FunctionExpression':
        case 'ArrowFunctionExpression':
          for (const p of node.params ?? []) this.bindPattern(p);
          if (node.type === 'FunctionExpression' && node.id?.type === 'Identifier') this.bind(node.id.name, null, 'other');
          break;
        case 'ClassDeclaration':
        case 'ClassExpression':
          if (node.id?.type === 'Identifier') this.bind(node.id.name, null, 'other');
          break;
        case 'CatchClause':
          if (node.param) this.bindPattern(node.param);
          break;
        case 'ImportSpecifier':
        case 'ImportDefaultSpecifier':
        case 'ImportNamespaceSpecifier':
          if (node.local?.type === 'Identifier') this.bind(node.local.name, null, 'other');
          break;
        case 'AssignmentExpression': {
          const envName = node.operator === '=' ? processEnvName(node.left) : null;
          if (envName) {
            if (this.envAssigned.has(envName)) this.envAssigned.set(envName, { type: 'Unfoldable', start: 0, end: 0 });
            else this.envAssigned.set(envName, node.right);
          }
          this.markMutated(node.left, node.left?.type !== 'Identifier');
          break;
        }
        case 'UpdateExpression':
          this.markMutated(node.argument, node.argument?.type !== 'Identifier');
          break;
        case 'CallExpression': {
          // arr.push(arr.shift()) rotates an obfuscator string array: its literal is no longer its value.
          const c = node.callee;
          if (c?.type === 'MemberExpression' && !c.computed && c.property?.type === 'Identifier' && MUTATORS.has(c.property.name)) {
            this.markMutated(c.object, true);
          }
          break;
        }
        case 'ForInStatement':
        case 'ForOfStatement':
          if (node.left?.type === 'Identifier') this.markMutated(node.left, false);
          break;
      }
    }
  }

  private bind(name: string, init: Node | null, kind: Binding['kind']): void {
    const b = this.bindings.get(name);
    if (b) b.count++;
    else this.bindings.set(name, { init, kind, count: 1, mutated: false });
  }
  private bindPattern(p: Node | null | undefined): void {
    if (!p) return;
    if (p.type === 'Identifier') {
      this.bind(p.name, null, 'param');
      return;
    }
    // Destructuring and params: names that exist but whose value we do not track.
    walk(p, (n, anc) => {
      if (n.type === 'Identifier') {
        const parent = anc[anc.length - 1];
        if (parent?.type === 'Property' && parent.key === n && !parent.shorthand) return;
        if (parent?.type === 'AssignmentPattern' && parent.right === n) return;
        if (parent?.type === 'MemberExpression') return;
        this.bind(n.name, null, 'param');
      }
    });
  }
  private markMutated(target: Node | null | undefined, viaMember: boolean): void {
    let t = target;
    while (t && (t.type === 'MemberExpression' || t.type === 'TSNonNullExpression')) t = t.object ?? t.expression;
    if (t?.type === 'Identifier') {
      const b = this.bindings.get(t.name);
      if (b) b.mutated = true;
      else this.bindings.set(t.name, { init: null, kind: 'other', count: 0, mutated: true });
    }
    void viaMember;
  }

  /** The single, never-reassigned initializer of `name`, if any. */
  initOf(name: string): Node | null {
    const b = this.bindings.get(name);
    if (!b || b.count !== 1 || b.mutated || !b.init) return null;
    if (b.kind === 'param' || b.kind === 'other') return null;
    return b.init;
  }
}

const MUTATORS = new Set(['push', 'shift', 'unshift', 'splice', 'pop', 'reverse', 'sort', 'fill', 'copyWithin', 'set']);
/** Per-file step ceiling across all folds. */
export const FILE_STEP_BUDGET = 3_000_000;

/** `process.env.X` / `process.env['X']` → 'X'. */
export function processEnvName(node: Node): string | null {
  if (node.type !== 'MemberExpression') return null;
  const o = node.object;
  if (o?.type !== 'MemberExpression' || o.computed || o.property?.name !== 'env') return null;
  if (o.object?.type !== 'Identifier' || o.object.name !== 'process') return null;
  if (!node.computed && node.property?.type === 'Identifier') return node.property.name;
  if (node.computed && node.property?.type === 'Literal' && typeof node.property.value === 'string') return node.property.value;
  return null;
}

const scopes = new WeakMap<object, FoldScope>();

/** The fold scope of a file's AST (built once, cached on the AST object). */
export function scopeOf(ast: Node | null): FoldScope {
  if (!ast) return new FoldScope(null);
  let s = scopes.get(ast);
  if (!s) {
    s = new FoldScope(ast);
    scopes.set(ast, s);
  }
  return s;
}
