/**
 * Iterative ESTree walker: adversarial trees are 10k–100k levels deep, so no recursion. Parent links are given to the
 * visitor through the ancestor stack.
 */
export type Node = { type: string; start: number; end: number; [k: string]: any };

const SKIP_KEYS = new Set(['type', 'start', 'end', 'loc', 'range', 'raw', 'parent']);

export function childrenOf(node: Node): Node[] {
  const out: Node[] = [];
  for (const key in node) {
    if (SKIP_KEYS.has(key)) continue;
    const v = node[key];
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
  const stack: Array<{ node: Node; depth: number }> = [{ node: root, depth: 0 }];
  const ancestors: Node[] = [];
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    ancestors.length = depth;
    visit(node, ancestors);
    ancestors.push(node);
    const kids = childrenOf(node);
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i]!, depth: depth + 1 });
  }
}
