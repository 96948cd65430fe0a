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
import { walk, type Node } from './walk.js';

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
  for (const [from, to] of spans) {
    // Template substitutions `${…}` become same-length filler so the embedded code keeps its shape.
    let code = js.text.slice(from, to).replace(/\$\{[^{}]*\}/g, (m) => 'x'.repeat(m.length));
    // A leading `#!` is only a hashbang at offset 0 of a file; inside a literal it is not one.
    if (code.startsWith('#!')) continue;
    let parsed: Node | null = null;
    try {
      parsed = parseMeriyah(code, { next: true, ranges: { start: true, end: true }, jsx: false, webcompat: true, sourceType: 'script' }) as unknown as Node;
    } catch {
      try {
        parsed = parseMeriyah(code, { next: true, ranges: { start: true, end: true }, jsx: false, webcompat: true, sourceType: 'module' }) as unknown as Node;
      } catch {
        /* not a script: plain text, HTML, or a fragment */
      }
    }
    if (parsed) out.push(shiftOffsets(parsed, from));
  }
  cache.set(ast, out);
  return out;
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
