/**
 * Iterative ESTree walker: adversarial trees are 10k–100k levels deep, so no recursion. Parent links are given to the
 * visitor through the ancestor stack.
 */
export type Node = { type: string; start: number; end: number; [k: string]: any };

const SKIP_KEYS = new Set(['type', 'start', 'end', 'loc', 'range', 'raw', 'parent']);
/**
 * Child-bearing keys per node type, learned from the first node of each type: keys whose value was an object, array
 * or null (a missing optional child). Saves a `for…in` over every key of every node on hot paths.
 */
const KEYS_BY_TYPE = new Map<string, string[]>();

function keysOf(node: Node): string[] {
  let keys = KEYS_BY_TYPE.get(node.type);
  if (keys) return keys;
  keys = [];
  for (const key in node) {
    if (SKIP_KEYS.has(key)) continue;
    const v = node[key];
    if (v === null || v === undefined || typeof v === 'object') keys.push(key);
  }
  // Only cache shapes that look complete (meriyah/acorn build every node of a type with the same keys).
  KEYS_BY_TYPE.set(node.type, keys);
  return keys;
}

export function childrenOf(node: Node): Node[] {
  const out: Node[] = [];
  const keys = keysOf(node);
  for (let i = 0; i < keys.length; i++) {
    const v = node[keys[i]!];
    if (v && typeof v === 'object') {
      if (Array.isArray(v)) {
        for (const c of v) if (c && typeof c.type === 'string') out.push(c);
      } else if (typeof v.type === 'string') out.push(v);
    }
  }
  return out;
}

/** Calls `visit(node, ancestors)` for every node, pre-order. `ancestors` is the live stack: copy it to keep it. */
export function walk(root: Node, visit: (node: Node, ancestors: readonly Node[]) => void): void {
  if (!root) return;
  const nodes: Node[] = [root];
  const depths: number[] = [0];
  const ancestors: Node[] = [];
  while (nodes.length) {
    const node = nodes.pop()!;
    const depth = depths.pop()!;
    ancestors.length = depth;
    visit(node, ancestors);
    ancestors.push(node);
    const keys = keysOf(node);
    // Push children in reverse so they are visited in source order.
    for (let k = keys.length - 1; k >= 0; k--) {
      const v = node[keys[k]!];
      if (!v || typeof v !== 'object') continue;
      if (Array.isArray(v)) {
        for (let i = v.length - 1; i >= 0; i--) {
          const c = v[i];
          if (c && typeof c.type === 'string') {
            nodes.push(c);
            depths.push(depth + 1);
          }
        }
      } else if (typeof v.type === 'string') {
        nodes.push(v);
        depths.push(depth + 1);
      }
    }
  }
}

/**
 * A whole AST flattened once, pre-order (the order `walk` visits): rules and analyzers that need every node of a file
 * loop over this array instead of each walking the tree again. Cached per root, so a file's several passes (name
 * index, sinks, fold scope, string facts, rules) pay for one traversal.
 */
/**
 * Codes of the node types the analyzers dispatch on, stored once per node by flatAst (`types`): a pass over a bundle's
 * 600k nodes tests a byte instead of loading each node's type (a megamorphic load, then string compares). 0 is any
 * other type (read `node.type` for those).
 */
export const T = {
  Other: 0,
  Identifier: 1,
  Literal: 2,
  MemberExpression: 3,
  CallExpression: 4,
  NewExpression: 5,
  ImportExpression: 6,
  TemplateLiteral: 7,
  TemplateElement: 8,
  BinaryExpression: 9,
  LogicalExpression: 10,
  AssignmentExpression: 11,
  VariableDeclarator: 12,
  VariableDeclaration: 13,
  FunctionDeclaration: 14,
  FunctionExpression: 15,
  ArrowFunctionExpression: 16,
  ImportDeclaration: 17,
  ImportSpecifier: 18,
  ImportDefaultSpecifier: 19,
  ImportNamespaceSpecifier: 20,
  ClassDeclaration: 21,
  ClassExpression: 22,
  CatchClause: 23,
  UpdateExpression: 24,
  ForInStatement: 25,
  ForOfStatement: 26,
  ForStatement: 27,
  Program: 28,
  BlockStatement: 29,
  StaticBlock: 30,
  SwitchStatement: 31,
  ThisExpression: 32,
  Property: 33,
  ExpressionStatement: 34,
  SequenceExpression: 35,
  UnaryExpression: 36,
  ObjectExpression: 37,
  ArrayExpression: 38,
  ConditionalExpression: 39,
  ReturnStatement: 40,
  MethodDefinition: 41,
  IfStatement: 42,
  TaggedTemplateExpression: 43,
} as const;
const TYPE_CODES: ReadonlyMap<string, number> = new Map(Object.entries(T).filter(([k]) => k !== 'Other'));
/** The code of a node type name (T.Other when it has none). */
export function typeCode(type: string): number {
  return TYPE_CODES.get(type) ?? T.Other;
}

/** A byte mask over type codes (`mask[types[i]]` is 1 for the listed types): one load tests a node against a set. */
export function typeMask(...codes: number[]): Uint8Array {
  const m = new Uint8Array(256);
  for (const c of codes) if (c !== T.Other) m[c] = 1;
  return m;
}

export interface FlatAst {
  /** Every node, pre-order (source order). A node reachable twice (meriyah's shorthand property key/value) is listed twice. */
  readonly nodes: Node[];
  /** Each node's type code (T), by index in `nodes`. */
  readonly types: Uint8Array;
  /** Index in `nodes` of each node's parent (-1 for the root). */
  readonly parent: Int32Array;
  /** Index just past each node's subtree: its descendants are `nodes[i + 1 .. end[i])`. */
  readonly end: Int32Array;
}

const flats = new WeakMap<object, FlatAst>();

export function flatAst(root: Node): FlatAst {
  const hit = flats.get(root);
  if (hit) return hit;
  // Sized from the text length up front (a bundle has about one node per 4 bytes; doubled when short): pushing 600k
  // nodes one by one onto a growing array cost a third of the pass.
  let count = 0;
  const span = root && typeof root.end === 'number' && typeof root.start === 'number' ? root.end - root.start : 0;
  const nodes: Node[] = new Array(root ? Math.min(1 << 22, Math.max(1024, (span / 4) | 0)) : 0);
  let parent: Int32Array = new Int32Array(nodes.length);
  let types: Uint8Array = new Uint8Array(nodes.length);
  if (root) {
    // Pending nodes and their parents' indexes. Children are pushed last-first, so they pop in source order.
    const stack: Node[] = [root];
    let pstack: Int32Array = new Int32Array(256);
    pstack[0] = -1;
    let sp = 1;
    // A child slot (node, array of nodes, or nothing) of the node at index p: pushed last element first.
    const add = (v: any, p: number): void => {
      if (!v || typeof v !== 'object') return;
      if (Array.isArray(v)) {
        for (let j = v.length - 1; j >= 0; j--) {
          const c = v[j];
          if (c && typeof c.type === 'string') {
            if (sp === pstack.length) pstack = grow(pstack);
            stack[sp] = c;
            pstack[sp++] = p;
          }
        }
      } else if (typeof v.type === 'string') {
        if (sp === pstack.length) pstack = grow(pstack);
        stack[sp] = v;
        pstack[sp++] = p;
      }
    };
    while (sp > 0) {
      const node = stack[--sp]!;
      const i = count++;
      if (i === nodes.length) {
        nodes.length = 2 * i;
        parent = grow(parent);
        types = growBytes(types);
      }
      nodes[i] = node;
      const type = node.type;
      types[i] = TYPE_CODES.get(type) ?? T.Other;
      parent[i] = pstack[sp]!;
      // The common node types read their child keys by name (each site sees one node shape), in the order `keysOf`
      // learns from meriyah's nodes; any other type (JSX, acorn-loose's) goes through the learned key list.
      switch (type) {
        case 'Identifier':
        case 'Literal':
        case 'ThisExpression':
        case 'Super':
        case 'TemplateElement':
        case 'EmptyStatement':
          break;
        case 'MemberExpression':
          add(node.property, i);
          add(node.object, i);
          break;
        case 'CallExpression':
        case 'NewExpression':
          add(node.arguments, i);
          add(node.callee, i);
          break;
        case 'Property':
          add(node.value, i);
          add(node.key, i);
          break;
        case 'VariableDeclarator':
          add(node.init, i);
          add(node.id, i);
          break;
        case 'BinaryExpression':
        case 'LogicalExpression':
        case 'AssignmentExpression':
        case 'AssignmentPattern':
          add(node.right, i);
          add(node.left, i);
          break;
        case 'BlockStatement':
        case 'ClassBody':
        case 'Program':
          add(node.body, i);
          break;
        case 'UnaryExpression':
        case 'UpdateExpression':
        case 'ReturnStatement':
        case 'ThrowStatement':
        case 'SpreadElement':
        case 'AwaitExpression':
        case 'RestElement':
          add(node.argument, i);
          break;
        case 'ExpressionStatement':
          add(node.expression, i);
          break;
        case 'SequenceExpression':
          add(node.expressions, i);
          break;
        case 'FunctionExpression':
        case 'FunctionDeclaration':
          add(node.body, i);
          add(node.params, i);
          add(node.id, i);
          break;
        case 'ArrowFunctionExpression':
          add(node.body, i);
          add(node.params, i);
          break;
        case 'VariableDeclaration':
          add(node.declarations, i);
          break;
        case 'MethodDefinition':
          add(node.decorators, i);
          add(node.value, i);
          add(node.key, i);
          break;
        case 'ObjectExpression':
        case 'ObjectPattern':
          add(node.properties, i);
          break;
        case 'ArrayExpression':
        case 'ArrayPattern':
          add(node.elements, i);
          break;
        case 'IfStatement':
        case 'ConditionalExpression':
          add(node.alternate, i);
          add(node.consequent, i);
          add(node.test, i);
          break;
        case 'ForStatement':
          add(node.body, i);
          add(node.update, i);
          add(node.test, i);
          add(node.init, i);
          break;
        case 'ClassDeclaration':
        case 'ClassExpression':
          add(node.decorators, i);
          add(node.body, i);
          add(node.superClass, i);
          add(node.id, i);
          break;
        case 'SwitchCase':
          add(node.consequent, i);
          add(node.test, i);
          break;
        case 'SwitchStatement':
          add(node.cases, i);
          add(node.discriminant, i);
          break;
        case 'ForOfStatement':
          add(node.body, i);
          add(node.right, i);
          add(node.left, i);
          break;
        case 'ForInStatement':
          add(node.right, i);
          add(node.left, i);
          add(node.body, i);
          break;
        case 'TemplateLiteral':
          add(node.quasis, i);
          add(node.expressions, i);
          break;
        case 'BreakStatement':
        case 'ContinueStatement':
          add(node.label, i);
          break;
        case 'TryStatement':
          add(node.finalizer, i);
          add(node.handler, i);
          add(node.block, i);
          break;
        case 'CatchClause':
          add(node.body, i);
          add(node.param, i);
          break;
        default: {
          const keys = keysOf(node);
          for (let k = keys.length - 1; k >= 0; k--) add(node[keys[k]!], i);
        }
      }
    }
  }
  const n = count;
  nodes.length = n;
  parent = parent.slice(0, n);
  types = types.slice(0, n);
  const end = new Int32Array(n);
  for (let i = 0; i < n; i++) end[i] = i + 1;
  for (let i = n - 1; i > 0; i--) {
    const p = parent[i]!;
    if (end[i]! > end[p]!) end[p] = end[i]!;
  }
  const flat: FlatAst = { nodes, types, parent, end };
  if (root) flats.set(root, flat);
  return flat;
}

function grow(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

function growBytes(a: Uint8Array): Uint8Array {
  const b = new Uint8Array(a.length * 2);
  b.set(a);
  return b;
}
