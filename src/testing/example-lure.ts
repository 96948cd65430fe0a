import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The bundled example lure (examples/take-home-lure) as path → text, for tests that run analyses on a tree. */
export function readExampleLure(): Record<string, string> {
  const root = fileURLToPath(new URL('../../examples/take-home-lure/', import.meta.url));
  const tree: Record<string, string> = {};
  const stack = [root];
  while (stack.length) {
    const d = stack.pop()!;
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) stack.push(p);
      else tree[relative(root, p).split('\\').join('/')] = readFileSync(p, 'utf8');
    }
  }
  return tree;
}
