/**
 * What binds a name, shared by the name index (names.ts) and the folder's scope (fold-scope.ts): which node types own
 * bindings, which ones `var` hoists to, and the names a destructuring pattern declares. A leaf module (no imports), so
 * both sides can use it without an import cycle (names.ts → fold.ts → fold-scope.ts).
 */
import type { Node } from './walk.js';

/**
 * Nodes that own bindings: functions (parameters, `var`, their own name for function expressions), blocks and loop /
 * switch heads (`let`, `const`, `class`, block functions), catch clauses (the catch parameter), class expressions (their
 * own name) and the Program.
 */
export const SCOPE_TYPES: ReadonlySet<string> = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression', 'CatchClause', 'Program', 'BlockStatement', 'StaticBlock', 'ForStatement', 'ForInStatement', 'ForOfStatement', 'SwitchStatement', 'ClassExpression']);
/** Scopes that `var` hoists to. */
export const VAR_SCOPE_TYPES: ReadonlySet<string> = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression', 'Program', 'StaticBlock']);

/**
 * The identifiers a binding pattern declares, in source order: `{ a, b: c, d = f(e), [k]: g, ...r }` → a, c, d, g, r;
 * `[x, [y], z = w]` → x, y, z. Property keys, computed keys, default values (`f(e)`) and member targets (`[o.p] = …`)
 * are references, not bindings. Shared by declarations, parameters, catch clauses and the folder. Iterative; a hostile
 * pattern is cut at 10,000 nodes.
 */
export function patternNames(pattern: Node | null | undefined): Node[] {
  const out: Node[] = [];
  const stack: Node[] = pattern ? [pattern] : [];
  for (let n = 0; stack.length && n < 10_000; n++) {
    const x = stack.pop()!;
    switch (x.type) {
      case 'Identifier':
        out.push(x);
        break;
      case 'ObjectPattern': {
        const props: Node[] = x.properties ?? [];
        for (let i = props.length - 1; i >= 0; i--) {
          const p = props[i]!;
          const v = p.type === 'RestElement' ? p.argument : p.value;
          if (v) stack.push(v);
        }
        break;
      }
      case 'ArrayPattern': {
        const els: (Node | null)[] = x.elements ?? [];
        for (let i = els.length - 1; i >= 0; i--) if (els[i]) stack.push(els[i]!);
        break;
      }
      case 'AssignmentPattern':
        if (x.left) stack.push(x.left);
        break;
      case 'RestElement':
        if (x.argument) stack.push(x.argument);
        break;
      case 'TSParameterProperty':
        if (x.parameter) stack.push(x.parameter);
        break;
      default:
        break; // MemberExpression targets and anything else bind nothing
    }
  }
  return out;
}
