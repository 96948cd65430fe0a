/**
 * Small ESTree helpers shared by the JS rules: dotted names of callees, unwrapping of `(0, f)` / parens / TS casts,
 * and a per-file index (built once, cached on the AST) of declarations, assignments, functions and call sites that
 * the data-flow and sink finders query by name.
 */
import { foldString } from './fold.js';
import { walk, type Node } from './walk.js';

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
}

const indexes = new WeakMap<object, FileIndex>();

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const a = m.get(k);
  if (a) {
    if (a.length < 200) a.push(v);
  } else m.set(k, [v]);
}

/** Builds (once per AST) the name index. One iterative walk. */
export function fileIndex(ast: Node): FileIndex {
  const hit = indexes.get(ast);
  if (hit) return hit;
  const ix: FileIndex = {
    values: new Map(),
    memberValues: new Map(),
    functions: new Map(),
    calls: new Map(),
    paramOf: new Map(),
    params: new Map(),
    catchParams: new Map(),
    callbackOf: new Map(),
    parent: new Map(),
    modules: new Map(),
  };
  walk(ast, (node, anc) => {
    const parent = anc[anc.length - 1];
    if (parent) ix.parent.set(node, parent);
    switch (node.type) {
      case 'VariableDeclarator': {
        if (node.id?.type === 'Identifier' && node.init) {
          push(ix.values, node.id.name, node.init);
          const init = unwrap(node.init);
          if (init && (init.type === 'ArrowFunctionExpression' || init.type === 'FunctionExpression')) push(ix.functions, node.id.name, init as FnNode);
          const mod = requiredModule(init);
          if (mod) ix.modules.set(node.id.name, mod);
        } else if (node.id?.type === 'ObjectPattern' && node.init) {
          // const { data } = await axios.get(u)  → data comes from the init (property read).
          const mod = requiredModule(unwrap(node.init));
          for (const p of node.id.properties ?? []) {
            const v = p.type === 'Property' ? (p.value?.type === 'AssignmentPattern' ? p.value.left : p.value) : p.argument;
            if (v?.type === 'Identifier') {
              push(ix.values, v.name, node.init);
              if (mod) ix.modules.set(v.name, `${mod}.${p.key?.name ?? ''}`);
            }
          }
        } else if (node.id?.type === 'ArrayPattern' && node.init) {
          for (const el of node.id.elements ?? []) if (el?.type === 'Identifier') push(ix.values, el.name, node.init);
        }
        break;
      }
      case 'AssignmentExpression': {
        const l = unwrap(node.left);
        if (l?.type === 'Identifier') {
          push(ix.values, l.name, node.right);
          const r = unwrap(node.right);
          if (r && (r.type === 'ArrowFunctionExpression' || r.type === 'FunctionExpression')) push(ix.functions, l.name, r as FnNode);
        } else if (l?.type === 'MemberExpression') {
          const name = dottedName(l);
          if (name) {
            push(ix.memberValues, name, node.right);
            const r = unwrap(node.right);
            if (r && (r.type === 'ArrowFunctionExpression' || r.type === 'FunctionExpression')) {
              push(ix.functions, name, r as FnNode);
              const last = name.slice(name.lastIndexOf('.') + 1);
              if (name.startsWith('exports.') || name.startsWith('module.exports.')) push(ix.functions, last, r as FnNode);
            }
          }
        }
        break;
      }
      case 'FunctionDeclaration':
        if (node.id?.name) push(ix.functions, node.id.name, node as FnNode);
        indexParams(ix, node as FnNode);
        break;
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
        indexParams(ix, node as FnNode);
        if (parent?.type === 'Property' && parent.value === node && !parent.computed && parent.key?.type === 'Identifier') push(ix.functions, parent.key.name, node as FnNode);
        if (parent?.type === 'MethodDefinition' && parent.key?.type === 'Identifier') push(ix.functions, parent.key.name, node as FnNode);
        break;
      case 'CatchClause':
        if (node.param?.type === 'Identifier') push(ix.catchParams, node.param.name, parent!);
        break;
      case 'CallExpression':
      case 'NewExpression': {
        const callee = unwrap(node.callee);
        const name = dottedName(callee);
        if (name) {
          push(ix.calls, name, node);
          const last = name.lastIndexOf('.');
          if (last !== -1) push(ix.calls, name.slice(last + 1), node);
        }
        (node.arguments ?? []).forEach((a: Node, i: number) => {
          const u = unwrap(a);
          if (u && (u.type === 'ArrowFunctionExpression' || u.type === 'FunctionExpression')) ix.callbackOf.set(u, { call: node, index: i });
        });
        break;
      }
      case 'ImportDeclaration': {
        const src = node.source?.value;
        if (typeof src === 'string') {
          for (const s of node.specifiers ?? []) {
            if (s.local?.name) ix.modules.set(s.local.name, s.type === 'ImportSpecifier' ? `${src}.${s.imported?.name ?? s.imported?.value}` : src);
          }
        }
        break;
      }
    }
  });
  indexes.set(ast, ix);
  return ix;
}

function indexParams(ix: FileIndex, fn: FnNode): void {
  (fn.params ?? []).forEach((p: Node, index: number) => {
    const id = p.type === 'AssignmentPattern' ? p.left : p.type === 'RestElement' ? p.argument : p;
    if (id?.type === 'Identifier') {
      ix.paramOf.set(id, { fn, index });
      push(ix.params, id.name, { fn, index });
    } else if (id?.type === 'ObjectPattern') {
      // ({ data }) => eval(data): each destructured name is a property of the parameter.
      for (const prop of id.properties ?? []) {
        const v = prop.type === 'Property' ? (prop.value?.type === 'AssignmentPattern' ? prop.value.left : prop.value) : prop.argument;
        if (v?.type === 'Identifier') push(ix.params, v.name, { fn, index });
      }
    }
  });
}

/** `require('x')`, `require('x').y`, `await import('x')` → 'x' / 'x.y'. */
export function requiredModule(n: Node | null): string | null {
  let x = unwrap(n);
  if (x?.type === 'AwaitExpression') x = unwrap(x.argument);
  const props: string[] = [];
  while (x?.type === 'MemberExpression' && !x.computed && x.property?.name) {
    props.unshift(x.property.name);
    x = unwrap(x.object);
  }
  let mod: string | null = null;
  if (x?.type === 'CallExpression' && unwrap(x.callee)?.type === 'Identifier' && unwrap(x.callee)!.name === 'require') {
    const a = x.arguments?.[0];
    if (a?.type === 'Literal' && typeof a.value === 'string') mod = a.value;
  } else if (x?.type === 'ImportExpression' && x.source?.type === 'Literal' && typeof x.source.value === 'string') {
    mod = x.source.value;
  }
  if (!mod) return null;
  mod = mod.replace(/^node:/, '');
  return props.length ? `${mod}.${props.join('.')}` : mod;
}

/** The module an identifier stands for, if it was bound by require/import in this file ('https', 'vm', 'axios'). */
export function moduleOf(ix: FileIndex, name: string): string | null {
  return ix.modules.get(name) ?? null;
}
