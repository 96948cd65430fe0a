/**
 * One iterative walk over a tree-sitter-python tree, collecting what the Python rules look at: calls (with their dotted
 * callee name), string literals (with their value), simple assignments (for one-step constant/taint propagation),
 * imports, classes and where each call sits (module level, function, class method). Cached per tree so every rule of
 * a file shares one walk.
 */
import type { Node } from 'web-tree-sitter';
import type { PyFile } from '../../core/inputs.js';
import { pyQuery } from './parse.js';

export interface PyCall {
  node: Node;
  /** Dotted callee as written ('base64.b64decode', 'exec', 'requests.get'); '' for computed callees. */
  callee: string;
  /** Last segment of the callee ('b64decode'). */
  name: string;
  args: Node[];
  /** Keyword arguments by name. */
  kwargs: Map<string, Node>;
  /** Enclosing function name ('' at module level) and class name ('' outside classes). */
  func: string;
  cls: string;
  /** True when inside an `if __name__ == "__main__":` block or a function/class body (not run at import). */
  deferred: boolean;
}

export interface PyString {
  node: Node;
  value: string;
}

export interface PyClass {
  node: Node;
  name: string;
  bases: string[];
}

export interface PyModel {
  calls: PyCall[];
  strings: PyString[];
  /** name → value nodes of `name = value` (and `a.b = value` as 'a.b'), in source order. */
  assigns: Map<string, Node[]>;
  /** Imported module names ('os', 'urllib.request', 'base64'), and alias → module for `import x as y`/`from m import f`. */
  imports: Set<string>;
  aliases: Map<string, string>;
  classes: PyClass[];
  /** Functions by name. */
  funcs: Map<string, Node>;
  /** Functions of two or more parameters whose body XORs (`^`): `decrypt(data, key)` helpers. */
  xorFuncs: Map<string, Node>;
}

const cache = new WeakMap<object, PyModel>();

export function modelOf(py: PyFile): PyModel {
  let m = cache.get(py);
  if (!m) {
    m = build(py.root);
    cache.set(py, m);
  }
  return m;
}

/** Dotted name of an identifier/attribute chain, '' otherwise. */
export function dotted(node: Node | null): string {
  let n = node;
  const parts: string[] = [];
  for (let depth = 0; n && depth < 12; depth++) {
    if (n.type === 'identifier') {
      parts.push(n.text);
      return parts.reverse().join('.');
    }
    if (n.type === 'attribute') {
      const attr = n.childForFieldName('attribute');
      if (!attr) return '';
      parts.push(attr.text);
      n = n.childForFieldName('object');
      continue;
    }
    if (n.type === 'call') {
      // __import__('os').system → os.system ; getattr chains are left to the rules.
      const fn = n.childForFieldName('function');
      if (fn?.type === 'identifier' && fn.text === '__import__') {
        const arg = n.childForFieldName('arguments')?.namedChild(0);
        const mod = arg?.type === 'string' ? stringValue(arg) : null;
        if (mod) {
          parts.push(mod);
          return parts.reverse().join('.');
        }
      }
      return '';
    }
    return '';
  }
  return '';
}

/** The literal value of a string node (prefixes, quotes and common escapes handled); null for f-strings with fields. */
export function stringValue(node: Node): string | null {
  if (node.type === 'concatenated_string') {
    let out = '';
    for (const c of node.namedChildren) {
      if (!c) continue;
      const v = stringValue(c);
      if (v === null) return null;
      out += v;
    }
    return out;
  }
  if (node.type !== 'string') return null;
  const raw = node.text;
  const m = /^([rRbBuUfF]{0,2})('''|"""|'|")/.exec(raw);
  if (!m) return null;
  const prefix = m[1]!.toLowerCase();
  if (prefix.includes('f') && node.namedChildren.some((c) => c?.type === 'interpolation')) return null;
  const q = m[2]!;
  const body = raw.slice(m[0].length, raw.length >= m[0].length + q.length ? raw.length - q.length : raw.length);
  return prefix.includes('r') ? body : unescape(body);
}

function unescape(s: string): string {
  if (!s.includes('\\')) return s;
  return s.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{1,3}|N\{[^}]*\}|\n|.)/g, (_, e: string) => {
    switch (e[0]) {
      case 'x':
      case 'u':
      case 'U':
        return e.length > 1 ? String.fromCodePoint(parseInt(e.slice(1), 16)) : e;
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case 'r':
        return '\r';
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
        return String.fromCharCode(parseInt(e, 8));
      case '\n':
        return '';
      case '\\':
      case "'":
      case '"':
        return e;
      default:
        return '\\' + e;
    }
  });
}

// The node kinds the model is made of; everything else is never visited from JS.
const MODEL_QUERY = `
(call) @call
(string) @string
(concatenated_string) @string
(assignment) @assignment
(import_statement) @import
(import_from_statement) @from
(function_definition) @function
(class_definition) @class
(if_statement) @if
`;

interface Scope {
  end: number;
  kind: 'function' | 'class' | 'main';
  name: string;
}

function build(root: Node): PyModel {
  const model: PyModel = { calls: [], strings: [], assigns: new Map(), imports: new Set(), aliases: new Map(), classes: [], funcs: new Map(), xorFuncs: new Map() };
  const query = pyQuery(MODEL_QUERY);
  if (!query) return model;
  const captures = query.captures(root);
  captures.sort((a, b) => a.node.startIndex - b.node.startIndex || b.node.endIndex - a.node.endIndex);
  const scopes: Scope[] = [];
  // Strings inside an f-string's interpolation are code, not separate literals.
  let stringEnd = -1;
  for (const { name: kind, node } of captures) {
    const start = node.startIndex;
    while (scopes.length && scopes[scopes.length - 1]!.end <= start) scopes.pop();
    let func = '';
    let cls = '';
    let deferred = false;
    for (const sc of scopes) {
      if (sc.kind === 'class') [cls, func] = [sc.name, ''];
      else if (sc.kind === 'function') [func, deferred] = [sc.name, true];
      else deferred = true;
    }
    switch (kind) {
      case 'call': {
        const fn = node.childForFieldName('function');
        const callee = dotted(fn);
        const args: Node[] = [];
        const kwargs = new Map<string, Node>();
        const list = node.childForFieldName('arguments');
        if (list?.type === 'generator_expression') args.push(list);
        else if (list) {
          for (const a of list.namedChildren) {
            if (!a) continue;
            if (a.type === 'keyword_argument') {
              const k = a.childForFieldName('name');
              const v = a.childForFieldName('value');
              if (k && v) kwargs.set(k.text, v);
            } else if (a.type !== 'comment') args.push(a);
          }
        }
        const name = callee ? callee.slice(callee.lastIndexOf('.') + 1) : fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text ?? '' : '';
        model.calls.push({ node, callee, name, args, kwargs, func, cls, deferred });
        break;
      }
      case 'string': {
        if (node.type === 'string' && start < stringEnd) break;
        if (node.type === 'string') stringEnd = node.endIndex;
        // f-strings with fields keep their raw body ({host}/keys) so content rules still see URLs and paths.
        const value = stringValue(node) ?? (node.type === 'string' ? node.text.replace(/^[a-zA-Z]{0,2}('''|"""|'|")/, '').replace(/('''|"""|'|")$/, '') : null);
        if (value !== null && value.length) model.strings.push({ node, value });
        break;
      }
      case 'assignment': {
        const left = node.childForFieldName('left');
        const right = node.childForFieldName('right');
        const key = left ? dotted(left) : '';
        if (key && right) {
          const list = model.assigns.get(key);
          if (list) list.push(right);
          else model.assigns.set(key, [right]);
        }
        // sp = __import__('subprocess'); fetch = __import__('urllib.request', fromlist=['urlopen']).urlopen: an import.
        if (left?.type === 'identifier' && right && (right.type === 'call' || right.type === 'attribute') && right.text.startsWith('__import__')) {
          const target = dotted(right);
          if (target) {
            model.aliases.set(left.text, target);
            model.imports.add(target.split('.')[0]!);
          }
        }
        break;
      }
      case 'import':
        for (const c of node.namedChildren) {
          if (!c) continue;
          if (c.type === 'dotted_name') model.imports.add(c.text);
          else if (c.type === 'aliased_import') {
            const mod = c.childForFieldName('name')?.text;
            const alias = c.childForFieldName('alias')?.text;
            if (mod) model.imports.add(mod);
            if (mod && alias) model.aliases.set(alias, mod);
          }
        }
        break;
      case 'from': {
        const mod = node.childForFieldName('module_name')?.text ?? '';
        if (mod) model.imports.add(mod);
        for (const c of node.childrenForFieldName('name')) {
          if (!c) continue;
          if (c.type === 'dotted_name') model.aliases.set(c.text, `${mod}.${c.text}`);
          else if (c.type === 'aliased_import') {
            const n = c.childForFieldName('name')?.text;
            const alias = c.childForFieldName('alias')?.text;
            if (n && alias) model.aliases.set(alias, `${mod}.${n}`);
          }
        }
        break;
      }
      case 'function': {
        const name = node.childForFieldName('name')?.text ?? '?';
        model.funcs.set(name, node);
        if ((node.childForFieldName('parameters')?.namedChildCount ?? 0) >= 2 && /\^/.test(node.childForFieldName('body')?.text ?? '')) {
          model.xorFuncs.set(name, node);
        }
        scopes.push({ end: node.endIndex, kind: 'function', name });
        break;
      }
      case 'class': {
        const name = node.childForFieldName('name')?.text ?? '?';
        const bases = (node.childForFieldName('superclasses')?.namedChildren ?? []).map((b) => (b ? dotted(b) : '')).filter(Boolean);
        model.classes.push({ node, name, bases });
        scopes.push({ end: node.endIndex, kind: 'class', name });
        break;
      }
      case 'if': {
        const cond = node.childForFieldName('condition')?.text ?? '';
        if (/__name__\s*==\s*['"]__main__['"]/.test(cond)) scopes.push({ end: node.endIndex, kind: 'main', name: '' });
        break;
      }
    }
  }
  model.calls.sort((a, b) => a.node.startIndex - b.node.startIndex);
  model.strings.sort((a, b) => a.node.startIndex - b.node.startIndex);
  return model;
}

/** Resolves an alias to its full dotted name ('b64d' → 'base64.b64decode', 'req.get' → 'requests.get'). */
export function resolveCallee(model: PyModel, callee: string): string {
  if (!callee) return callee;
  const dot = callee.indexOf('.');
  const head = dot === -1 ? callee : callee.slice(0, dot);
  const full = model.aliases.get(head);
  return full ? full + (dot === -1 ? '' : callee.slice(dot)) : callee;
}
