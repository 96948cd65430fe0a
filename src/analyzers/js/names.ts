/**
 * Small ESTree helpers shared by the JS rules: dotted names of callees, unwrapping of `(0, f)` / parens / TS casts,
 * and a per-file index (built once, cached on the AST) of declarations, assignments, functions and call sites that
 * the data-flow and sink finders query by name.
 */
import { foldString } from './fold.js';
import { flatAst, T, typeMask, type Node } from './walk.js';
import { patternNames, SCOPE_TYPES, VAR_SCOPE_TYPES } from './patterns.js';

export { patternNames } from './patterns.js';

/** Strips wrappers that do not change the value: `(0, x)`, `x!`, `x as T`, `a?.b` chains. */
export function unwrap(n: Node | null | undefined): Node | null {
  let x = n ?? null;
  for (let i = 0; x && i < 1000; i++) {
    if (x.type === 'ChainExpression' || x.type === 'TSNonNullExpression' || x.type === 'TSAsExpression' || x.type === 'TSSatisfiesExpression' || x.type === 'ParenthesizedExpression' || x.type === 'TSTypeAssertion') x = x.expression;
    else if (x.type === 'SequenceExpression' && x.expressions.length) x = x.expressions[x.expressions.length - 1];
    else break;
  }
  return x;
}

/** The key of a member expression when static: `a.b` → 'b', `a['b']` → 'b', `a['ev'+'al']` → 'eval' (folded). */
export function memberKey(m: Node, ast?: Node | null): string | null {
  if (!m.computed) return m.property?.type === 'Identifier' || m.property?.type === 'PrivateIdentifier' ? m.property.name : null;
  const p = unwrap(m.property);
  if (p?.type === 'Literal' && (typeof p.value === 'string' || typeof p.value === 'number')) return String(p.value);
  if (ast !== undefined) {
    const r = foldString(p, ast ?? null, { maxSteps: 2000, maxLength: 200 });
    if (r) return r.value;
  }
  return null;
}

/** `a.b['c']` → 'a.b.c' (null if any part is dynamic). Folds computed keys when `ast` is given. */
export function dottedName(n: Node | null | undefined, ast?: Node | null): string | null {
  const parts: string[] = [];
  let x = unwrap(n);
  for (let i = 0; x && i < 50; i++) {
    if (x.type === 'Identifier') {
      parts.push(x.name);
      return parts.reverse().join('.');
    }
    if (x.type === 'ThisExpression') {
      parts.push('this');
      return parts.reverse().join('.');
    }
    if (x.type === 'MetaProperty') {
      parts.push(`${x.meta?.name}.${x.property?.name}`);
      return parts.reverse().join('.');
    }
    if (x.type !== 'MemberExpression') return null;
    const k = memberKey(x, ast);
    if (k === null) return null;
    parts.push(k);
    x = unwrap(x.object);
  }
  return null;
}

const GLOBAL_OBJECTS = new Set(['global', 'globalThis', 'window', 'self']);
/** Strips a leading `global.` / `globalThis.` / `window.` / `self.`: `globalThis.eval` → 'eval'. */
export function stripGlobal(name: string | null): string | null {
  if (!name) return name;
  for (;;) {
    const dot = name.indexOf('.');
    if (dot === -1 || !GLOBAL_OBJECTS.has(name.slice(0, dot))) return name;
    name = name.slice(dot + 1);
  }
}
export function isGlobalObjectName(name: string): boolean {
  return GLOBAL_OBJECTS.has(name);
}

export type FnNode = Node & { params: Node[]; body: Node };

export interface FileIndex {
  /** Initializers and assigned values by identifier name (every `x = v`, `let x = v`, `x += v`). */
  values: Map<string, Node[]>;
  /** Values assigned to `base.prop` (by dotted name), e.g. `cfg.code = r.data`. */
  memberValues: Map<string, Node[]>;
  /** Functions by the name they are bound to (declaration, `const f = () =>`, `f = function`, object method `o.f`). */
  functions: Map<string, FnNode[]>;
  /** Call sites by callee name (`f(...)`, `o.f(...)` under 'f' and 'o.f'). */
  calls: Map<string, Node[]>;
  /** The innermost function containing each parameter identifier node, and the parameter's index. */
  paramOf: Map<Node, { fn: FnNode; index: number }>;
  /** Parameter names → the declarations (fn, index) that bind them. */
  params: Map<string, Array<{ fn: FnNode; index: number }>>;
  /** Catch clause parameter names → their try statements. */
  catchParams: Map<string, Node[]>;
  /** For every function node: the call whose argument it is (callbacks), and which argument. */
  callbackOf: Map<Node, { call: Node; index: number }>;
  /** The parent of every node. */
  parent: Map<Node, Node>;
  /** Names bound by `require('x')` / `import` → module name ('axios', 'https', 'vm', ...). */
  modules: Map<string, string>;
  /** Lexical bindings by name, each with the scope (function, catch clause or Program) that owns it. */
  bindings: Map<string, Binding[]>;
  /** The same bindings grouped by owning scope, then name. */
  scopeBindings: Map<Node, Map<string, Binding[]>>;
  /** Plain assignments `name = v` / `name += v` by name (the AssignmentExpression nodes). */
  assigns: Map<string, Node[]>;
  /** String and template literals of 200+ characters (candidates for embedded scripts). */
  longStrings: Node[];
}

export interface Binding {
  name: string;
  kind: 'var' | 'param' | 'catch' | 'fn' | 'other';
  /** Function, block, loop head, switch, CatchClause, class expression or Program that owns the binding. */
  scope: Node;
  init?: Node | null;
  fn?: FnNode;
  index?: number;
  /** For catch bindings: the try statement. */
  tryStmt?: Node;
  /** Bound by a destructuring pattern (`const { a } = init`): `init` is the whole object, not this name's value. */
  pattern?: boolean;
}

const innermostCache = new WeakMap<Node, Node>();

/** The innermost scope (function, block, catch clause, loop head, Program, …) around `node` (the node itself excluded). */
export function innermostScope(ix: FileIndex, node: Node): Node | null {
  const hit = innermostCache.get(node);
  if (hit) return hit;
  let p = ix.parent.get(node);
  const path: Node[] = [node];
  for (let i = 0; p && i < 100_000; i++) {
    const cached = innermostCache.get(p);
    if (SCOPE_TYPES.has(p.type)) break;
    if (cached) {
      p = cached;
      break;
    }
    path.push(p);
    p = ix.parent.get(p);
  }
  if (p) for (const x of path) innermostCache.set(x, p);
  return p ?? null;
}

/** The bindings a reference to `name` at `ref` resolves to (innermost scope first); [] for globals. */
export function resolveName(ix: FileIndex, name: string, ref: Node): Binding[] {
  if (!ix.bindings.has(name)) return [];
  for (let s: Node | null = innermostScope(ix, ref), i = 0; s && i < 10_000; s = innermostScope(ix, s), i++) {
    const here = ix.scopeBindings.get(s)?.get(name);
    if (here?.length) return here;
    if (s.type === 'Program') break;
  }
  return [];
}

/**
 * The one value a name holds where `ref` reads it: its binding's initializer or its single plain assignment, when the
 * binding is a variable (not a parameter, pattern, loop variable or function) given exactly one value in the file. An
 * undeclared name: its one undeclared assignment. Null otherwise. Builds the file's scopes: gate calls by name first.
 */
export function valueAt(ix: FileIndex, ref: Node): Node | null {
  if (ref.type !== 'Identifier') return null;
  const name = ref.name as string;
  const bs = resolveName(ix, name, ref);
  const assigns = ix.assigns.get(name) ?? [];
  if (!bs.length) {
    const undeclared = assigns.filter((a) => !resolveName(ix, name, a).length);
    return undeclared.length === 1 && undeclared[0]!.operator === '=' ? undeclared[0]!.right : null;
  }
  let value: Node | null = null;
  let count = 0;
  for (const b of bs) {
    if (b.kind !== 'var' || b.pattern) return null;
    if (b.init) {
      const decl = ix.parent.get(b.init);
      // `for (const x of list)`: the binding's init is the list, not x's value.
      if (decl?.type !== 'VariableDeclarator' || decl.init !== b.init) return null;
      value = b.init;
      count++;
    }
  }
  for (const a of assigns) {
    if (!resolveName(ix, name, a).some((x) => bs.includes(x))) continue;
    if (a.operator !== '=') return null;
    value = a.right;
    count++;
  }
  return count === 1 ? value : null;
}

/**
 * Err-first request clients whose callback gets `(err, res, body)`: `request(u, cb)`, `request.get`, `needle.get`.
 * (Node's own `https.get(u, res => …)` passes the response first.)
 */
export function isErrFirstRequest(call: Node): boolean {
  return /^request|needle/.test(dottedName(unwrap(call.callee)) ?? '');
}

function addBinding(ix: FileIndex, b: Binding): void {
  const list = ix.bindings.get(b.name);
  if (list) list.push(b);
  else ix.bindings.set(b.name, [b]);
  let byName = ix.scopeBindings.get(b.scope);
  if (!byName) ix.scopeBindings.set(b.scope, (byName = new Map()));
  const l2 = byName.get(b.name);
  if (l2) l2.push(b);
  else byName.set(b.name, [b]);
}

const indexes = new WeakMap<object, FileIndex>();

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const a = m.get(k);
  if (a) {
    if (a.length < 200) a.push(v);
  } else m.set(k, [v]);
}

/**
 * Builds (once per AST) the name index. Each part is built on first use by one pass over the file's flattened AST
 * (shared with the other analyzers): most files never need the call sites, scopes or parent links (no sink to trace),
 * and those parts cost more than the rest on a large bundle.
 */
export function fileIndex(ast: Node): FileIndex {
  const hit = indexes.get(ast);
  if (hit) return hit;
  const ix = new LazyFileIndex(ast);
  indexes.set(ast, ix);
  return ix;
}

/** The node types the core pass reads (see the switch in core()). */
const CORE_TYPES = typeMask(T.Literal, T.TemplateLiteral, T.VariableDeclarator, T.AssignmentExpression, T.FunctionDeclaration, T.FunctionExpression, T.ArrowFunctionExpression, T.ImportDeclaration);

class LazyFileIndex implements FileIndex {
  private readonly nodes: Node[];
  private readonly types: Uint8Array;
  private readonly parentIx: Int32Array;
  private readonly _values = new Map<string, Node[]>();
  private readonly _memberValues = new Map<string, Node[]>();
  private readonly _functions = new Map<string, FnNode[]>();
  private readonly _modules = new Map<string, string>();
  private readonly _assigns = new Map<string, Node[]>();
  private readonly _longStrings: Node[] = [];
  private readonly _calls = new Map<string, Node[]>();
  private readonly _callbackOf = new Map<Node, { call: Node; index: number }>();
  private readonly _paramOf = new Map<Node, { fn: FnNode; index: number }>();
  private readonly _params = new Map<string, Array<{ fn: FnNode; index: number }>>();
  private readonly _catchParams = new Map<string, Node[]>();
  private readonly _bindings = new Map<string, Binding[]>();
  private readonly _scopeBindings = new Map<Node, Map<string, Binding[]>>();
  private _parent: Map<Node, Node> | null = null;
  private coreBuilt = false;
  private membersBuilt = false;
  private callsBuilt = false;
  private scopesBuilt = false;

  constructor(private readonly ast: Node) {
    const flat = flatAst(ast);
    this.nodes = flat.nodes;
    this.types = flat.types;
    this.parentIx = flat.parent;
  }

  get values() { return this.core()._values; }
  get memberValues() { return this.members()._memberValues; }
  get functions() { return this.core()._functions; }
  get modules() { return this.core()._modules; }
  get assigns() { return this.core()._assigns; }
  get longStrings() { return this.core()._longStrings; }
  get calls() { return this.callSites()._calls; }
  get callbackOf() { return this.callSites()._callbackOf; }
  get paramOf() { return this.scopes()._paramOf; }
  get params() { return this.scopes()._params; }
  get catchParams() { return this.scopes()._catchParams; }
  get bindings() { return this.scopes()._bindings; }
  get scopeBindings() { return this.scopes()._scopeBindings; }
  get parent(): Map<Node, Node> {
    if (!this._parent) {
      const m = new Map<Node, Node>();
      const { nodes, parentIx } = this;
      for (let i = 1; i < nodes.length; i++) m.set(nodes[i]!, nodes[parentIx[i]!]!);
      this._parent = m;
    }
    return this._parent;
  }

  /** Values, functions, modules, assignments, long strings. */
  private core(): this {
    if (this.coreBuilt) return this;
    this.coreBuilt = true;
    const { nodes, types, parentIx } = this;
    for (let i = 0; i < nodes.length; i++) {
      // Dispatched on the flat AST's type codes: most nodes (identifiers, members, calls) are skipped unread.
      if (!CORE_TYPES[types[i]!]) continue;
      const node = nodes[i]!;
      switch (node.type) {
        case 'Literal':
        case 'TemplateLiteral':
          if (node.end - node.start >= 200 && (node.type === 'TemplateLiteral' || typeof node.value === 'string') && this._longStrings.length < 1000) this._longStrings.push(node);
          break;
        case 'VariableDeclarator': {
          if (node.id?.type === 'Identifier' && node.init) {
            push(this._values, node.id.name, node.init);
            const init = unwrap(node.init);
            if (init && (init.type === 'ArrowFunctionExpression' || init.type === 'FunctionExpression')) push(this._functions, node.id.name, init as FnNode);
            const mod = requiredModule(init, this.ast);
            if (mod) this._modules.set(node.id.name, mod);
          } else if (node.id?.type === 'ObjectPattern' && node.init) {
            // const { data } = await axios.get(u)  → data comes from the init (property read).
            const mod = requiredModule(node.init, this.ast);
            for (const p of node.id.properties ?? []) {
              const v = p.type === 'Property' ? (p.value?.type === 'AssignmentPattern' ? p.value.left : p.value) : p.argument;
              if (v?.type === 'Identifier') {
                push(this._values, v.name, node.init);
                const key = p.key?.type === 'Identifier' ? p.key.name : p.key?.type === 'Literal' ? String(p.key.value) : '';
                if (mod) this._modules.set(v.name, `${mod}.${key}`);
              }
            }
          } else if (node.id?.type === 'ArrayPattern' && node.init) {
            for (const el of node.id.elements ?? []) if (el?.type === 'Identifier') push(this._values, el.name, node.init);
          }
          break;
        }
        case 'AssignmentExpression': {
          const l = unwrap(node.left);
          if (l?.type === 'Identifier') {
            push(this._values, l.name, node.right);
            const al = this._assigns.get(l.name);
            if (al) al.push(node);
            else this._assigns.set(l.name, [node]);
            const r = unwrap(node.right);
            if (r && (r.type === 'ArrowFunctionExpression' || r.type === 'FunctionExpression')) push(this._functions, l.name, r as FnNode);
          } else if (l?.type === 'MemberExpression') {
            // Member values are their own lazy pass (memberValues); here only functions need the dotted name.
            const r = unwrap(node.right);
            const name = r && (r.type === 'ArrowFunctionExpression' || r.type === 'FunctionExpression') ? dottedName(l) : null;
            if (name) {
              push(this._functions, name, r as FnNode);
              const last = name.slice(name.lastIndexOf('.') + 1);
              if (name.startsWith('exports.') || name.startsWith('module.exports.')) push(this._functions, last, r as FnNode);
            }
          }
          break;
        }
        case 'FunctionDeclaration':
          if (node.id?.name) push(this._functions, node.id.name, node as FnNode);
          break;
        case 'FunctionExpression':
        case 'ArrowFunctionExpression': {
          const pi = parentIx[i]!;
          const parent = pi >= 0 ? nodes[pi] : undefined;
          if (parent?.type === 'Property' && parent.value === node && !parent.computed && parent.key?.type === 'Identifier') push(this._functions, parent.key.name, node as FnNode);
          if (parent?.type === 'MethodDefinition' && parent.key?.type === 'Identifier') push(this._functions, parent.key.name, node as FnNode);
          break;
        }
        case 'ImportDeclaration': {
          const raw = node.source?.value;
          if (typeof raw === 'string') {
            const src = raw.startsWith('node:') ? raw.slice(5) : raw;
            for (const s of node.specifiers ?? []) {
              if (s.local?.name) this._modules.set(s.local.name, s.type === 'ImportSpecifier' ? `${src}.${s.imported?.name ?? s.imported?.value}` : src);
            }
          }
          break;
        }
      }
    }
    return this;
  }

  /** Values assigned to members (`cfg.code = r.data`), by dotted name: few files ask (a bundle has 10k+ of them). */
  private members(): this {
    if (this.membersBuilt) return this;
    this.membersBuilt = true;
    const { nodes, types } = this;
    for (let i = 0; i < nodes.length; i++) {
      if (types[i] !== T.AssignmentExpression) continue;
      const node = nodes[i]!;
      const l = unwrap(node.left);
      if (l?.type !== 'MemberExpression') continue;
      const name = dottedName(l);
      if (name) push(this._memberValues, name, node.right);
    }
    return this;
  }

  /** Call sites by callee name, and which call each callback is an argument of. */
  private callSites(): this {
    if (this.callsBuilt) return this;
    this.callsBuilt = true;
    const { nodes, types } = this;
    for (let i = 0; i < nodes.length; i++) {
      if (types[i] !== T.CallExpression && types[i] !== T.NewExpression) continue;
      const node = nodes[i]!;
      const callee = unwrap(node.callee);
      const name = dottedName(callee);
      if (name) {
        push(this._calls, name, node);
        const last = name.lastIndexOf('.');
        if (last !== -1) push(this._calls, name.slice(last + 1), node);
      }
      const args: Node[] = node.arguments ?? [];
      for (let a = 0; a < args.length; a++) {
        const u = unwrap(args[a]);
        if (u && (u.type === 'ArrowFunctionExpression' || u.type === 'FunctionExpression')) this._callbackOf.set(u, { call: node, index: a });
      }
    }
    return this;
  }

  /** Lexical bindings with their scopes, parameters, catch parameters. */
  private scopes(): this {
    if (this.scopesBuilt) return this;
    this.scopesBuilt = true;
    const { nodes, parentIx, ast } = this;
    // Innermost scope strictly above each node, and innermost function (what `var` hoists to): indexes into `nodes`,
    // -1 for the Program.
    const scopeIx = new Int32Array(nodes.length);
    const varScopeIx = new Int32Array(nodes.length);
    const scopeOfIx = (i: number): Node => {
      const s = scopeIx[i]!;
      return s >= 0 ? nodes[s]! : ast;
    };
    const bind = (b: Binding) => addBinding(this, b);
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      const pi = parentIx[i]!;
      const parent = pi >= 0 ? nodes[pi] : undefined;
      scopeIx[i] = pi < 0 ? -1 : SCOPE_TYPES.has(parent!.type) ? pi : scopeIx[pi]!;
      varScopeIx[i] = pi < 0 ? -1 : VAR_SCOPE_TYPES.has(parent!.type) ? pi : varScopeIx[pi]!;
      switch (node.type) {
        case 'VariableDeclarator': {
          // `var` belongs to the function (or Program); `let`/`const` to the innermost block or loop head.
          const hoist = parent?.type === 'VariableDeclaration' && parent.kind === 'var';
          const si = hoist ? varScopeIx[i]! : scopeIx[i]!;
          const scope = si >= 0 ? nodes[si]! : ast;
          // `for (const x of list)`: x holds the elements of list.
          const loop = !node.init && pi >= 0 && parentIx[pi]! >= 0 ? nodes[parentIx[pi]!] : undefined;
          const init = node.init ?? ((loop?.type === 'ForOfStatement' || loop?.type === 'ForInStatement') && loop.left === parent ? loop.right : null);
          if (node.id?.type === 'Identifier') bind({ name: node.id.name, kind: 'var', scope, init });
          else if (node.id) for (const x of patternNames(node.id)) bind({ name: x.name, kind: 'var', scope, init, pattern: true });
          break;
        }
        case 'FunctionDeclaration':
          if (node.id?.name) bind({ name: node.id.name, kind: 'fn', scope: scopeOfIx(i), fn: node as FnNode });
          indexParams(this, node as FnNode);
          break;
        case 'FunctionExpression':
          // `function g() { … g() … }`: a function expression's name is visible only inside it.
          if (node.id?.name) bind({ name: node.id.name, kind: 'fn', scope: node, fn: node as FnNode });
          indexParams(this, node as FnNode);
          break;
        case 'ArrowFunctionExpression':
          indexParams(this, node as FnNode);
          break;
        case 'ClassExpression':
          if (node.id?.name) bind({ name: node.id.name, kind: 'other', scope: node });
          break;
        case 'CatchClause':
          if (node.param?.type === 'Identifier') {
            push(this._catchParams, node.param.name, parent!);
            bind({ name: node.param.name, kind: 'catch', scope: node, tryStmt: parent! });
          } else if (node.param) {
            // catch ({ response }) { … }: each name is part of the error, and shadows outer names.
            for (const x of patternNames(node.param)) bind({ name: x.name, kind: 'catch', scope: node, tryStmt: parent!, pattern: true });
          }
          break;
        case 'ClassDeclaration':
          if (node.id?.name) bind({ name: node.id.name, kind: 'other', scope: scopeOfIx(i) });
          break;
        case 'ImportDeclaration':
          if (typeof node.source?.value === 'string') {
            for (const s of node.specifiers ?? []) if (s.local?.name) bind({ name: s.local.name, kind: 'other', scope: ast });
          }
          break;
      }
    }
    return this;
  }
}

function indexParams(ix: FileIndex, fn: FnNode): void {
  (fn.params ?? []).forEach((p: Node, index: number) => {
    const id = p.type === 'AssignmentPattern' ? p.left : p.type === 'RestElement' ? p.argument : p;
    if (id?.type === 'Identifier') {
      ix.paramOf.set(id, { fn, index });
      addBinding(ix, { name: id.name, kind: 'param', scope: fn, fn, index });
      push(ix.params, id.name, { fn, index });
    } else if (id?.type === 'ObjectPattern') {
      // ({ data }) => eval(data): each destructured name is a property of the parameter.
      for (const prop of id.properties ?? []) {
        const v = prop.type === 'Property' ? (prop.value?.type === 'AssignmentPattern' ? prop.value.left : prop.value) : prop.argument;
        if (v?.type === 'Identifier') {
          push(ix.params, v.name, { fn, index });
          addBinding(ix, { name: v.name, kind: 'param', scope: fn, fn, index });
        } else if (v) bindPatternParams(ix, v, fn, index);
      }
    } else if (id) bindPatternParams(ix, id, fn, index);
  });
}

/** Names bound by a nested parameter pattern (`([a, { b }]) => …`): parameters of `fn` at `index`, so they shadow. */
function bindPatternParams(ix: FileIndex, pattern: Node, fn: FnNode, index: number): void {
  for (const x of patternNames(pattern)) addBinding(ix, { name: x.name, kind: 'param', scope: fn, fn, index });
}

/**
 * A module name spelled from constant pieces (`'child_pro' + 'cess'`, `` `child_${'process'}` ``, `['fs'].join('')`),
 * without the `node:` prefix. Without `ast` nothing bound is folded. With the file's `ast`, names fold through their
 * bindings too (`const n = 'child_' + 'process'; require(n)`); a name bound to a parameter, a computed value or
 * anything reassigned stays unknown, so `require('./locale/' + lang)` does unless `lang` is a constant.
 */
export function constModuleName(a: Node | null | undefined, ast?: Node | null): string | null {
  const x = unwrap(a);
  if (!x) return null;
  let v: string | undefined;
  if (x.type === 'Literal') v = typeof x.value === 'string' ? x.value : undefined;
  else if (x.type === 'BinaryExpression' || x.type === 'TemplateLiteral' || x.type === 'CallExpression' || (ast && (x.type === 'Identifier' || x.type === 'MemberExpression'))) {
    v = foldString(x, ast ?? null, { maxSteps: 500, maxLength: 214 })?.value;
    if (v !== undefined && !/^[@\w.\/:-]+$/.test(v)) v = undefined;
  }
  if (v === undefined) return null;
  return v.startsWith('node:') ? v.slice(5) : v;
}

/** A member key that is a name or a string literal: `.y`, `['y']`. */
function staticKey(m: Node): string | null {
  if (!m.computed) return m.property?.type === 'Identifier' ? m.property.name : null;
  const p = unwrap(m.property);
  return p?.type === 'Literal' && typeof p.value === 'string' ? p.value : null;
}

/**
 * `require('x')`, `require('x').y`, `require('x')['y'].z`, `await import('x')`, `(0, require)('x')` → 'x' / 'x.y' /
 * 'x.y.z' (without `node:`). The name may be built from constant pieces; with the file's `ast`, also held in a constant
 * (`const n = 'child_' + 'process'; require(n)`, `import(m)`): see constModuleName.
 */
export function requiredModule(n: Node | null | undefined, ast?: Node | null): string | null {
  let x = unwrap(n);
  for (let i = 0; x?.type === 'AwaitExpression' && i < 10; i++) x = unwrap(x.argument);
  const props: string[] = [];
  for (let i = 0; x?.type === 'MemberExpression' && i < 50; i++) {
    const k = staticKey(x);
    if (k === null) return null;
    props.push(k);
    x = unwrap(x.object);
  }
  let mod: string | null = null;
  if (x?.type === 'CallExpression') {
    const c = unwrap(x.callee);
    if (c?.type === 'Identifier' && c.name === 'require') mod = constModuleName(x.arguments?.[0], ast);
  } else if (x?.type === 'ImportExpression') mod = constModuleName(x.source, ast);
  if (!mod) return null;
  return props.length ? `${mod}.${props.reverse().join('.')}` : mod;
}

/** The module an identifier stands for, if it was bound by require/import in this file ('https', 'vm', 'axios'). */
export function moduleOf(ix: FileIndex, name: string): string | null {
  return ix.modules.get(name) ?? null;
}
