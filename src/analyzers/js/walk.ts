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
export interface FlatAst {
  /** Every node, pre-order (source order). A node reachable twice (meriyah's shorthand property key/value) is listed twice. */
  readonly nodes: Node[];
  /** Index in `nodes` of each node's parent (-1 for the root). */
  readonly parent: Int32Array;
  /** Index just past each node's subtree: its descendants are `nodes[i + 1 .. end[i])`. */
  readonly end: Int32Array;
}

const flats = new WeakMap<object, FlatAst>();

export function flatAst(root: Node): FlatAst {
  const hit = flats.get(root);
  if (hit) return hit;
  const nodes: Node[] = [];
  const parents: number[] = [];
  if (root) {
    const stack: Node[] = [root];
    const pstack: number[] = [-1];
    while (stack.length) {
      const node = stack.pop()!;
      const p = pstack.pop()!;
      const i = nodes.length;
      nodes.push(node);
      parents.push(p);
      const keys = keysOf(node);
      for (let k = keys.length - 1; k >= 0; k--) {
        const v = node[keys[k]!];
        if (!v || typeof v !== 'object') continue;
        if (Array.isArray(v)) {
          for (let j = v.length - 1; j >= 0; j--) {
            const c = v[j];
            if (c && typeof c.type === 'string') {
              stack.push(c);
              pstack.push(i);
            }
          }
        } else if (typeof v.type === 'string') {
          stack.push(v);
          pstack.push(i);
        }
      }
    }
  }
  const n = nodes.length;
  const parent = Int32Array.from(parents);
  const end = new Int32Array(n);
  for (let i = 0; i < n; i++) end[i] = i + 1;
  for (let i = n - 1; i > 0; i--) {
    const p = parent[i]!;
    if (end[i]! > end[p]!) end[p] = end[i]!;
  }
  const flat: FlatAst = { nodes, parent, end };
  if (root) flats.set(root, flat);
  return flat;
}
