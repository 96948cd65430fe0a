/**
 * The folder's per-file facts (split from fold.ts): which bindings are given one value and never reassigned, resolved
 * by scope (a minified bundle's many `e`/`t` are different variables), the file's own `process.env.X = …` assignments,
 * the per-file step budget, and the memo of bindings already folded. Built once per AST from the shared flat AST
 * (walk.ts) and cached.
 */
import { flatAst, T, typeMask, type Node } from './walk.js';
import { patternNames, SCOPE_TYPES, VAR_SCOPE_TYPES } from './patterns.js';

export interface FoldBinding {
  name: string;
  /** The initializer (or function node) of the declaration. */
  init: Node | null;
  kind: 'const' | 'let' | 'var' | 'function' | 'param' | 'other';
  /** Declarations of the name in this scope (`var x` twice is one variable, declared twice). */
  count: number;
  /** Whether an assignment, update or mutating call targets this binding (worked out on first need: see mutatedNow). */
  mutated?: boolean;
  /** Flat-AST index of the scope node that owns the binding (0: the Program), and that node's range. */
  scope: number;
  start: number;
  end: number;
}

/**
 * A name's declarations, recorded as pairs (flat-AST index, DECL_* code) while the file is walked; turned into bindings
 * (scope found, sorted, linked) on the first lookup of the name: most names of a bundle are never folded.
 */
interface NameInfo {
  decls: number[] | null;
  list: FoldBinding[];
  /** For each binding of the sorted list: the index of the nearest binding of the same name whose scope holds it. */
  outer: Int32Array | null;
  /** An assignment of the name resolves to no binding: a global the file reassigns (`atob = …`); worked out on first need. */
  globalAssigned?: boolean;
  /** Whether any declaration can give the name a value (a `const`/`let`/`var` initializer, a function declaration). */
  valued?: boolean;
}

const DECL_VAR = 0; // VariableDeclarator with an identifier: its init is the value
const DECL_PATTERN = 1; // a name inside a declarator's pattern (value not tracked)
const DECL_FN = 2; // FunctionDeclaration's name, in the enclosing scope
const DECL_PARAM = 3; // a parameter (or catch parameter) of the node, scoped to it
const DECL_OWN_NAME = 4; // a function or class expression's own name, scoped to it
const DECL_CLASS = 5; // ClassDeclaration's name, in the enclosing scope
const DECL_IMPORT = 6; // an import, in the Program
/**
 * Names declared more often than this (a minified bundle's e/t/n, declared thousands of times) are not resolved: they
 * stay unfoldable, as before scopes were tracked. Resolving them costs more than the bundle's strings are worth (+0.1
 * CPU-s on a 2.3 MB bundle, for numbers like `s+1`); hand-written code, lures included, stays well under it.
 */
const MAX_DECLS_RESOLVED = 32;

/**
 * Per-file facts the folder needs: the bindings of each name by owning scope, and which are given one value and never
 * reassigned. A name read at some offset resolves to the binding of the innermost scope around that offset that
 * declares it (parameters and block-level `let`/`const` shadow, `var` hoists to its function), as names.ts
 * resolveName does; an undeclared name is a global. Built once per file, cheaply: the walk only records where each name
 * is declared and assigned; a name's scopes are found (up the flat AST's parent links), sorted (scopes nest, so a
 * binary search finds the innermost one around a reference) and its assignments resolved when the folder first reads it.
 */
export class FoldScope {
  private readonly names = new Map<string, NameInfo>();
  /** Offsets of the identifiers each name's assignments, updates and mutating calls target. */
  private readonly mutations = new Map<string, number[]>();
  private readonly nodes: Node[] = [];
  private readonly parent: Int32Array = new Int32Array(0);
  /** Values of bindings resolved in the empty environment (memo; also breaks exponential re-evaluation). */
  readonly memo = new Map<object, unknown>();
  readonly resolving = new Set<object>();
  /** `process.env.X = <expr>` assignments in the file (lures set their own env before using it). */
  readonly envAssigned = new Map<string, Node>();
  /** Steps spent on this file so far (a per-file ceiling keeps a hostile file bounded across many folds). */
  spent = 0;
  /** What xorHelper learned about each helper function's body (one walk per function). */
  readonly xorShapes = new Map<Node, { closureKey: Node | null; xor: boolean; loop: boolean; b64: boolean; hex: boolean; n: number }>();

  constructor(ast: Node | null) {
    if (!ast) return;
    const { nodes, types, parent } = flatAst(ast);
    this.nodes = nodes;
    this.parent = parent;
    const decl = (name: string, i: number, code: number) => {
      const info = this.names.get(name);
      if (info) info.decls!.push(i, code);
      else this.names.set(name, { decls: [i, code], list: [], outer: null });
    };
    const declPattern = (p: Node, i: number, code: number) => {
      if (p.type === 'Identifier') decl(p.name, i, code);
      else for (const x of patternNames(p)) decl(x.name, i, code);
    };
    const markMutated = (target: Node | null | undefined) => {
      let t = target;
      while (t && (t.type === 'MemberExpression' || t.type === 'TSNonNullExpression')) t = t.object ?? t.expression;
      if (t?.type !== 'Identifier') return;
      const list = this.mutations.get(t.name);
      if (list) list.push(t.start);
      else this.mutations.set(t.name, [t.start]);
    };
    for (let i = 0; i < nodes.length; i++) {
      // Only the types the switch reads are loaded (by the flat AST's type codes).
      if (!DECL_TYPES[types[i]!]) continue;
      const node = nodes[i]!;
      switch (node.type) {
        case 'VariableDeclarator':
          if (node.id?.type === 'Identifier') decl(node.id.name, i, DECL_VAR);
          else if (node.id) declPattern(node.id, i, DECL_PATTERN);
          break;
        case 'FunctionDeclaration':
          if (node.id?.type === 'Identifier') decl(node.id.name, i, DECL_FN);
          for (const p of node.params ?? []) declPattern(p, i, DECL_PARAM);
          break;
        case 'FunctionExpression':
        case 'ArrowFunctionExpression':
          for (const p of node.params ?? []) declPattern(p, i, DECL_PARAM);
          // `function g() { … g … }`: a function expression's name is visible only inside it.
          if (node.type === 'FunctionExpression' && node.id?.type === 'Identifier') decl(node.id.name, i, DECL_OWN_NAME);
          break;
        case 'ClassDeclaration':
          if (node.id?.type === 'Identifier') decl(node.id.name, i, DECL_CLASS);
          break;
        case 'ClassExpression':
          if (node.id?.type === 'Identifier') decl(node.id.name, i, DECL_OWN_NAME);
          break;
        case 'CatchClause':
          if (node.param) declPattern(node.param, i, DECL_PARAM);
          break;
        case 'ImportSpecifier':
        case 'ImportDefaultSpecifier':
        case 'ImportNamespaceSpecifier':
          if (node.local?.type === 'Identifier') decl(node.local.name, i, DECL_IMPORT);
          break;
        case 'AssignmentExpression': {
          const envName = node.operator === '=' ? processEnvName(node.left) : null;
          if (envName) {
            if (this.envAssigned.has(envName)) this.envAssigned.set(envName, { type: 'Unfoldable', start: 0, end: 0 });
            else this.envAssigned.set(envName, node.right);
          }
          markMutated(node.left);
          break;
        }
        case 'UpdateExpression':
          markMutated(node.argument);
          break;
        case 'CallExpression': {
          // arr.push(arr.shift()) rotates an obfuscator string array: its literal is no longer its value.
          const c = node.callee;
          if (c?.type === 'MemberExpression' && !c.computed && c.property?.type === 'Identifier' && MUTATORS.has(c.property.name)) markMutated(c.object);
          break;
        }
        case 'ForInStatement':
        case 'ForOfStatement':
          if (node.left?.type === 'Identifier') markMutated(node.left);
          break;
      }
    }
  }

  /** Scope found for a VariableDeclaration (its declarators share it) or a declaration's parent, by kind. */
  private readonly upMemo = new Map<number, number>();
  /** The innermost ancestor of node i whose type is in `types` (0, the Program, when none). */
  private up(i: number, types: ReadonlySet<string>): number {
    const { nodes, parent } = this;
    const from = parent[i]!;
    const key = types === VAR_SCOPE_TYPES ? -from - 1 : from;
    const hit = this.upMemo.get(key);
    if (hit !== undefined) return hit;
    let p = from;
    for (let k = 0; p > 0 && k < 100_000 && !types.has(nodes[p]!.type); k++) p = parent[p]!;
    const scope = p > 0 ? p : 0;
    this.upMemo.set(key, scope);
    return scope;
  }

  /** A binding from a recorded declaration: its kind, value and owning scope. */
  private binding(name: string, i: number, code: number): FoldBinding {
    const node = this.nodes[i]!;
    let kind: FoldBinding['kind'] = 'param';
    let init: Node | null = null;
    let scope = i;
    switch (code) {
      case DECL_VAR:
      case DECL_PATTERN: {
        const d = this.parent[i]! >= 0 ? this.nodes[this.parent[i]!]! : null;
        const k = d?.type === 'VariableDeclaration' ? (d.kind === 'const' ? 'const' : d.kind === 'let' ? 'let' : 'var') : 'var';
        scope = this.up(i, k === 'var' ? VAR_SCOPE_TYPES : SCOPE_TYPES);
        if (code === DECL_VAR) {
          kind = k;
          init = node.init ?? null;
        }
        break;
      }
      case DECL_FN:
        kind = 'function';
        init = node;
        scope = this.up(i, SCOPE_TYPES);
        break;
      case DECL_CLASS:
        kind = 'other';
        scope = this.up(i, SCOPE_TYPES);
        break;
      case DECL_OWN_NAME:
        kind = 'other';
        break;
      case DECL_IMPORT:
        kind = 'other';
        scope = 0;
        break;
    }
    const sn = this.nodes[scope]!;
    return { name, init, kind, count: 1, scope, start: scope === 0 ? -1 : sn.start, end: scope === 0 ? Number.MAX_SAFE_INTEGER : sn.end };
  }

  /**
   * Builds a name's bindings from its declarations: sorted by scope (outer first on ties), redeclarations in one scope
   * merged, each linked to the nearest binding around it; then resolves the name's assignments to mark what they mutate.
   */
  private prepare(name: string, info: NameInfo): void {
    const decls = info.decls!;
    info.decls = null;
    const all: FoldBinding[] = [];
    for (let k = 0; k < decls.length; k += 2) all.push(this.binding(name, decls[k]!, decls[k + 1]!));
    if (all.length > 1) {
      all.sort((a, b) => a.start - b.start || b.end - a.end || a.scope - b.scope);
      const list: FoldBinding[] = [];
      for (const b of all) {
        const last = list[list.length - 1];
        if (last && last.scope === b.scope) last.count++;
        else list.push(b);
      }
      const outer = new Int32Array(list.length);
      const stack: number[] = [];
      for (let k = 0; k < list.length; k++) {
        while (stack.length && list[stack[stack.length - 1]!]!.end <= list[k]!.start) stack.pop();
        outer[k] = stack.length ? stack[stack.length - 1]! : -1;
        stack.push(k);
      }
      info.list = list;
      info.outer = outer;
    } else info.list = all;
    const muts = this.mutations.get(name);
    if (muts && muts.length > 1) muts.sort((a, b) => a - b);
  }

  /** Whether an assignment of the name resolves to `b`: only the name's assignments inside b's scope are looked up. */
  private mutatedNow(info: NameInfo, b: FoldBinding): boolean {
    if (b.mutated !== undefined) return b.mutated;
    const muts = this.mutations.get(b.name) ?? [];
    let lo = 0;
    let hi = muts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (muts[mid]! < b.start) lo = mid + 1;
      else hi = mid;
    }
    let mutated = false;
    for (let k = lo; k < muts.length && muts[k]! < b.end && !mutated; k++) mutated = this.lookup(info, muts[k]!) === b;
    b.mutated = mutated;
    return mutated;
  }

  private lookup(info: NameInfo, at: number): FoldBinding | null {
    const list = info.list;
    if (list.length === 1) {
      const b = list[0]!;
      return b.start <= at && at < b.end ? b : null;
    }
    // The last binding whose scope starts at or before `at`, then outwards to one whose scope holds it.
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (list[mid]!.start <= at) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo - 1, i = 0; k >= 0 && i < 100_000; k = info.outer![k]!, i++) if (at < list[k]!.end) return list[k]!;
    return null;
  }

  /**
   * The binding `name` refers to when read at offset `at` (the reference's start), or null for a global. Without a
   * position (a synthetic node), only a name declared exactly once in the file resolves.
   */
  resolve(name: string, at: number | undefined): FoldBinding | null {
    const info = this.names.get(name);
    if (!info) return null;
    if (info.decls) {
      if (info.decls.length > 2 * MAX_DECLS_RESOLVED) return null;
      this.prepare(name, info);
    }
    if (typeof at !== 'number') return info.list.length === 1 ? info.list[0]! : null;
    return this.lookup(info, at);
  }

  /**
   * Cheap, without resolving: could `name` hold a known value anywhere (some declaration has an initializer or is a
   * function declaration)? A name only ever bound as a parameter, pattern or class never folds, wherever it is read.
   */
  hasValued(name: string): boolean {
    const info = this.names.get(name);
    if (!info) return false;
    if (info.valued !== undefined) return info.valued;
    let valued = false;
    if (info.decls) {
      const d = info.decls;
      for (let k = 0; k < d.length && !valued; k += 2) valued = d[k + 1] === DECL_FN || (d[k + 1] === DECL_VAR && !!this.nodes[d[k]!]!.init);
    } else valued = info.list.some((b) => b.init !== null);
    info.valued = valued;
    return valued;
  }

  /** Whether the file declares or assigns `name` anywhere (cheap; a superset of isBound). */
  mentions(name: string): boolean {
    return this.names.has(name) || this.mutations.has(name);
  }

  /** Whether `name` read at `at` is the file's own (a binding, or a global the file assigns), not a built-in. */
  isBound(name: string, at: number | undefined): boolean {
    const info = this.names.get(name);
    if (!info) return this.mutations.has(name);
    if (info.decls && info.decls.length > 2 * MAX_DECLS_RESOLVED) return true; // not resolved: bound somewhere, as before
    if (this.resolve(name, at) !== null) return true;
    if (info.globalAssigned === undefined) info.globalAssigned = (this.mutations.get(name) ?? []).some((m) => this.lookup(info, m) === null);
    return info.globalAssigned;
  }

  /** The single, never-reassigned initializer of the binding `name` resolves to at `at`, if any. */
  initAt(name: string, at: number | undefined): Node | null {
    const b = this.resolve(name, at);
    return b ? this.initOf(b) : null;
  }

  /** The binding's single initializer, when it is declared once, never reassigned, and not a parameter or class. */
  initOf(b: FoldBinding): Node | null {
    if (b.count !== 1 || !b.init || b.kind === 'param' || b.kind === 'other') return null;
    return this.mutatedNow(this.names.get(b.name)!, b) ? null : b.init;
  }
}

/** The node types the constructor's walk reads. */
const DECL_TYPES = typeMask(
  T.VariableDeclarator, T.FunctionDeclaration, T.FunctionExpression, T.ArrowFunctionExpression, T.ClassDeclaration, T.ClassExpression, T.CatchClause,
  T.ImportSpecifier, T.ImportDefaultSpecifier, T.ImportNamespaceSpecifier, T.AssignmentExpression, T.UpdateExpression, T.CallExpression, T.ForInStatement, T.ForOfStatement,
);
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
