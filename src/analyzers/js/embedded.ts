/**
 * Scripts hidden inside string and template literals: lures write their loader out (`fs.writeFileSync('x.js', `…`)`)
 * or serve it to `curl … | node`, so the dangerous code is a string in the AST. Long literals that look like code and
 * parse cleanly are parsed as JavaScript of their own, with offsets that are offsets of the enclosing file (the literal's
 * text is parsed alone and every node's start/end/range shifted by the literal's offset, in one walk), so
 * `js.text.slice(node.start, node.end)` shows the real source. Parsing alone, not a blanked copy of the whole file, keeps
 * the cost proportional to the literal (a 9 MB bundle with ten code-like strings used to cost twenty 9 MB parses).
 */
import type { JsFile } from '../../core/inputs.js';
import { parse as parseMeriyah } from 'meriyah';
import { fileIndex } from './names.js';
import { flatAst, T, walk, type Node } from './walk.js';

const LOOKS_LIKE_CODE = /require\s*\(|\beval\s*\(|Function\b|\baxios\b|\bfetch\s*\(|child_process/;
const MIN_LENGTH = 200;
const MAX_PER_FILE = 10;
const MAX_TOTAL = 1 << 20;

const cache = new WeakMap<object, Node[]>();

/** ASTs of scripts embedded in the file's long string/template literals (file offsets). Cached per file. */
export function embeddedScripts(js: Pick<JsFile, 'ast' | 'text'>): Node[] {
  const ast = js.ast as Node | null;
  if (!ast) return [];
  const hit = cache.get(ast);
  if (hit) return hit;
  const out: Node[] = [];
  const spans: Array<[number, number]> = [];
  let total = 0;
  for (const n of fileIndex(ast).longStrings) {
    if (spans.length >= MAX_PER_FILE || total > MAX_TOTAL) break;
    let from = -1;
    let to = -1;
    if (n.type === 'TemplateLiteral' && n.end - n.start >= MIN_LENGTH) {
      from = n.start + 1;
      to = n.end - 1;
    } else if (n.type === 'Literal' && typeof n.value === 'string' && n.value.length >= MIN_LENGTH) {
      from = n.start + 1;
      to = n.end - 1;
    }
    if (from < 0) continue;
    const raw = js.text.slice(from, to);
    if (!LOOKS_LIKE_CODE.test(raw)) continue;
    spans.push([from, to]);
    total += to - from;
  }
  // Code built from a `+` chain of short literals (`"require('https').get(…" + "…eval(d)…"` handed to `node -e`): parsed
  // from the joined value, each node's offsets mapped back into the literal it came from (exact unless escaped).
  for (const chain of literalChains(ast)) {
    if (spans.length + out.length >= MAX_PER_FILE || total > MAX_TOTAL) break;
    const code = chain.map((p) => p.value).join('');
    if (!LOOKS_LIKE_CODE.test(code)) continue;
    const parsed = parseScript(code);
    if (!parsed) continue;
    total += code.length;
    out.push(mapOffsets(parsed, chain));
  }
  for (const [from, to] of spans) {
    // Template substitutions `${…}` become same-length filler so the embedded code keeps its shape.
    const code = js.text.slice(from, to).replace(/\$\{[^{}]*\}/g, (m) => 'x'.repeat(m.length));
    // A leading `#!` is only a hashbang at offset 0 of a file; inside a literal it is not one.
    if (code.startsWith('#!')) continue;
    const parsed = parseScript(code);
    if (parsed) out.push(shiftOffsets(parsed, from));
  }
  cache.set(ast, out);
  return out;
}

/** The literal's text as a script, else as a module; null when it is neither (plain text, HTML, a fragment). */
function parseScript(code: string): Node | null {
  for (const sourceType of ['script', 'module'] as const) {
    try {
      return parseMeriyah(code, { next: true, ranges: { start: true, end: true }, jsx: false, webcompat: true, sourceType }) as unknown as Node;
    } catch {
      /* not a script: plain text, HTML, or a fragment */
    }
  }
  return null;
}

interface ChainPart {
  value: string;
  /** Offset of the part's first character in the file (after its quote). */
  at: number;
}
const MAX_CHAIN_PARTS = 200;
/** Shorter than a lone literal's minimum: a chain is already a sign of splitting, and a `node -e` loader fits in 150 characters. */
const MIN_CHAIN_LENGTH = 80;

/** `'a' + 'b' + …` chains of string literals only (the outermost `+` of each), joined to MIN_CHAIN_LENGTH or more. */
function literalChains(ast: Node): ChainPart[][] {
  const { nodes, types, parent } = flatAst(ast);
  const out: ChainPart[][] = [];
  for (let i = 0; i < nodes.length; i++) {
    if (types[i] !== T.BinaryExpression) continue;
    const n = nodes[i]!;
    if (n.operator !== '+' || n.end - n.start < MIN_CHAIN_LENGTH) continue;
    const p = parent[i]! >= 0 ? nodes[parent[i]!] : undefined;
    if (p?.type === 'BinaryExpression' && p.operator === '+') continue;
    const parts: ChainPart[] = [];
    let ok = true;
    // Left-leaning chain: walk down the left spine, collecting right operands.
    const rights: Node[] = [];
    let cur: Node = n;
    while (cur.type === 'BinaryExpression' && cur.operator === '+' && rights.length < MAX_CHAIN_PARTS) {
      rights.push(cur.right);
      cur = cur.left;
    }
    for (const leaf of [cur, ...rights.reverse()]) {
      if (leaf.type !== 'Literal' || typeof leaf.value !== 'string') {
        ok = false;
        break;
      }
      parts.push({ value: leaf.value, at: leaf.start + 1 });
    }
    if (ok && parts.length >= 2 && parts.reduce((k, x) => k + x.value.length, 0) >= MIN_CHAIN_LENGTH) out.push(parts);
  }
  return out;
}

/** Maps offsets in the joined value of a chain back to the file (into the literal each one falls in). */
function mapOffsets(root: Node, chain: ChainPart[]): Node {
  const starts: number[] = [];
  let k = 0;
  for (const p of chain) {
    starts.push(k);
    k += p.value.length;
  }
  const map = (off: number): number => {
    let j = chain.length - 1;
    while (j > 0 && starts[j]! > off) j--;
    return chain[j]!.at + Math.min(off - starts[j]!, chain[j]!.value.length);
  };
  const seen = new Set<Node>();
  walk(root, (n) => {
    if (seen.has(n)) return;
    seen.add(n);
    n.start = map(n.start);
    n.end = Math.max(n.start, map(n.end));
    if (Array.isArray(n.range)) n.range = [n.start, n.end];
  });
  return root;
}

/** Adds `by` to every node's start/end/range (each node once: meriyah shares the key node of shorthand properties). */
function shiftOffsets(root: Node, by: number): Node {
  const seen = new Set<Node>();
  walk(root, (n) => {
    if (seen.has(n)) return;
    seen.add(n);
    n.start += by;
    n.end += by;
    if (Array.isArray(n.range)) n.range = [n.range[0] + by, n.range[1] + by];
  });
  return root;
}
