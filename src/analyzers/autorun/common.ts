import type { AutorunEntry } from '../../core/autorun.js';
import type { ProjectView } from '../../core/inputs.js';
import { type Node as JsonNode, findNodeAtLocation, parseTree, type ParseError } from 'jsonc-parser';

export type BaseView = Omit<ProjectView, 'autorun'>;

/** Shared state of one map build: the file set, cached parses and the entries found so far. */
export class MapContext {
  readonly paths: Set<string>;
  readonly entries: AutorunEntry[] = [];
  readonly errors: Array<{ path: string; message: string }> = [];
  private readonly texts = new Map<string, string | null>();
  private readonly lineStarts = new Map<string, number[]>();
  private readonly seen = new Set<string>();

  constructor(readonly view: BaseView) {
    this.paths = new Set(view.files.map((f) => f.path));
  }

  has(path: string): boolean {
    return this.paths.has(path);
  }

  read(path: string): string | null {
    if (!this.texts.has(path)) {
      let t: string | null = null;
      try {
        t = this.paths.has(path) ? this.view.readText(path) : null;
      } catch (e) {
        this.errors.push({ path, message: `autorun map could not read: ${(e as Error).message}` });
      }
      this.texts.set(path, t);
    }
    return this.texts.get(path)!;
  }

  /** 1-based line of an offset into `path`'s text. */
  lineAt(path: string, offset: number): number {
    let starts = this.lineStarts.get(path);
    if (!starts) {
      const text = this.read(path) ?? '';
      starts = [0];
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.lineStarts.set(path, starts);
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  add(e: AutorunEntry): void {
    const key = `${e.trigger}\0${e.file}\0${e.line}\0${e.label ?? ''}\0${e.command}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    // The declaring file is reached by definition; leadsTo lists what it leads to.
    e.leadsTo = [...new Set(e.leadsTo)].filter((p) => p !== e.file);
    this.entries.push(e);
  }
}

/** JSONC (comments, trailing commas) parse with offsets; null when it is not an object at all. */
export function parseJsonc(text: string): JsonNode | null {
  const errors: ParseError[] = [];
  const root = parseTree(flattenDeepJson(text), errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
  return root && root.type === 'object' ? root : null;
}

/** Real configs nest a handful of levels; junk nested deeper is only there to crash recursive parsers. */
export const MAX_JSON_DEPTH = 200;

/**
 * Replaces every value nested deeper than `limit` with `0` padded by blanks (same length, so offsets and line numbers
 * stay right), in one linear pass that knows JSONC strings and comments. jsonc-parser recurses: a lure can hide its
 * postinstall behind a 100k-deep array next to it and overflow the stack; this keeps the rest of the file readable.
 */
export function flattenDeepJson(text: string, limit = MAX_JSON_DEPTH): string {
  let depth = 0;
  let cutStart = -1;
  const cuts: Array<[number, number]> = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      for (i++; i < text.length && text.charCodeAt(i) !== 34; i++) if (text.charCodeAt(i) === 92) i++;
    } else if (c === 47 /* / */ && text.charCodeAt(i + 1) === 47) {
      const nl = text.indexOf('\n', i);
      i = nl === -1 ? text.length : nl;
    } else if (c === 47 && text.charCodeAt(i + 1) === 42 /* * */) {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? text.length : end + 1;
    } else if (c === 123 || c === 91 /* { [ */) {
      depth++;
      if (depth === limit + 1) cutStart = i;
    } else if (c === 125 || c === 93 /* } ] */) {
      if (depth === limit + 1 && cutStart !== -1) {
        cuts.push([cutStart, i + 1]);
        cutStart = -1;
      }
      depth = Math.max(0, depth - 1);
    }
  }
  if (cutStart !== -1) cuts.push([cutStart, text.length]);
  if (!cuts.length) return text;
  let out = '';
  let last = 0;
  for (const [a, b] of cuts) {
    // Keep newlines so line numbers after the cut stay right.
    out += text.slice(last, a) + '0' + text.slice(a + 1, b).replace(/[^\n]/g, ' ');
    last = b;
  }
  return out + text.slice(last);
}

export function prop(node: JsonNode | undefined, key: string): JsonNode | undefined {
  if (!node || node.type !== 'object') return undefined;
  return findNodeAtLocation(node, [key]);
}

export function str(node: JsonNode | undefined): string | undefined {
  return node && node.type === 'string' ? (node.value as string) : undefined;
}

/** Property nodes of an object, in order: [key, valueNode, propertyNode]. */
export function props(node: JsonNode | undefined): Array<[string, JsonNode, JsonNode]> {
  if (!node || node.type !== 'object' || !node.children) return [];
  const out: Array<[string, JsonNode, JsonNode]> = [];
  for (const p of node.children) {
    const k = p.children?.[0];
    const v = p.children?.[1];
    if (k && v && typeof k.value === 'string') out.push([k.value, v, p]);
  }
  return out;
}

export function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i === -1 ? '' : path.slice(0, i);
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Joins and normalises a relative reference against a directory of the target; null if it leaves the root. */
export function joinPath(dir: string, ref: string): string | null {
  let r = ref.replace(/\\/g, '/');
  r = r.replace(/^\$\{(?:workspaceFolder|workspaceRoot|fileWorkspaceFolder)\}\/?/, '');
  if (r.startsWith('/')) return null;
  const parts = dir ? dir.split('/') : [];
  for (const seg of r.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (!parts.length) return null;
      parts.pop();
    } else parts.push(seg);
  }
  return parts.join('/');
}

/** The folder a workspace-level config belongs to: `a/.vscode/tasks.json` → `a`. */
export function workspaceOf(path: string, marker: string): string {
  const i = path.lastIndexOf(marker);
  return i <= 0 ? '' : path.slice(0, i - 1);
}

export function isVendoredPath(path: string): boolean {
  return /(^|\/)node_modules\//.test(path);
}

/** The hooks git runs in a working copy (a core.hooksPath folder's or lefthook.yml's other names never run there). */
export const GIT_HOOK_NAMES = new Set(['applypatch-msg', 'pre-applypatch', 'post-applypatch', 'pre-commit', 'pre-merge-commit', 'prepare-commit-msg', 'commit-msg', 'post-commit', 'pre-rebase', 'post-checkout', 'post-merge', 'pre-push', 'post-rewrite', 'pre-auto-gc', 'reference-transaction', 'push-to-checkout', 'post-index-change']);
