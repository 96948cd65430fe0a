import { defineRule } from '../../core/rule.js';
import { printableRatio } from './_invisible.js';

const CHUNK = /[A-Za-z0-9+/]{40,}={0,2}/g;
/** Chunks together must hold at least this much base64 (a lone hash or id is not a payload). */
const MIN_TOTAL = 80;
const HEX = /^[0-9a-f]+$/i;
const ACTIVE = /(?<![\w$.])(?:eval|Function|atob|fetch|setTimeout|setInterval)\s*\(|fromCharCode|\.constructor\s*\(|document\.write|XMLHttpRequest|(?:window|document)\.location|\blocation\.href\b/;
const MAX_BLOCKS = 10_000;

interface Block {
  kind: 'comment' | 'script';
  start: number;
  body: string;
  bodyStart: number;
}

/** `<!-- ... -->` and `<script>...</script>` bodies, found with indexOf (linear, no backtracking). */
function blocks(text: string): Block[] {
  const out: Block[] = [];
  const lower = text.length < 50_000_000 ? text.toLowerCase() : text;
  for (let i = text.indexOf('<!--'); i !== -1 && out.length < MAX_BLOCKS; i = text.indexOf('<!--', i + 4)) {
    const end = text.indexOf('-->', i + 4);
    const stop = end === -1 ? text.length : end;
    out.push({ kind: 'comment', start: i, body: text.slice(i + 4, stop), bodyStart: i + 4 });
    if (end === -1) break;
    i = end;
  }
  for (let i = lower.indexOf('<script'); i !== -1 && out.length < MAX_BLOCKS; i = lower.indexOf('<script', i + 7)) {
    const open = text.indexOf('>', i);
    if (open === -1) break;
    if (text.charCodeAt(open - 1) === 47 /* <script/> */) {
      i = open;
      continue;
    }
    const end = lower.indexOf('</script', open);
    const stop = end === -1 ? text.length : end;
    out.push({ kind: 'script', start: i, body: text.slice(open + 1, stop), bodyStart: open + 1 });
    if (end === -1) break;
    i = end;
  }
  return out.sort((a, b) => a.start - b.start);
}

function decodeBase64(s: string): string {
  try {
    return Buffer.from(s, 'base64').toString('utf8');
  } catch {
    return '';
  }
}

export default defineRule({
  id: 'svg-embedded-payload',
  meta: {
    kind: 'threat',
    category: 'hidden-code',
    severity: 'medium',
    confidence: 'medium',
    summary: 'An SVG that carries base64 chunks in comments, or a script, instead of just drawing',
    why: 'SVG steganography: lures split a payload into base64 chunks inside `<!-- -->` comments of image files; a small decoder elsewhere reads the SVG, reassembles the chunks and evals them. SVGs with scripts run code when opened in a browser.',
    fix: 'Open the SVG as text. Look for the code that reads this file (fs.readFile of an .svg, a regex over `<!--`) and do not run the project until both are explained.',
    falsePositives:
      'Editor comments (Illustrator/Inkscape generator lines, licence headers) hold no base64. Embedded raster images and fonts live in href/src attributes as data: URIs, not in comments, and are ignored. A plain script with no decoding or network calls is reported at low severity.',
    references: ['https://www.jfrog.com/blog/', 'CWE-506'],
    status: 'stable',
  },
  input: 'file',
  prefilter: /<!--|<script/i,
  appliesTo: (f) => f.ext === '.svg' && f.isText,
  check(ctx, file) {
    const text = file.text!;
    const found: Array<{ block: Block; chunks: RegExpMatchArray[] }> = [];
    let scriptBlock: Block | null = null;
    for (const b of blocks(text)) {
      const chunks = [...b.body.matchAll(CHUNK)].filter((c) => !HEX.test(c[0]));
      if (chunks.length) found.push({ block: b, chunks });
      if (b.kind === 'script' && !scriptBlock && b.body.trim()) scriptBlock = b;
    }
    const total = found.reduce((n, f) => n + f.chunks.reduce((m, c) => m + c[0].length, 0), 0);
    if (found.length && total >= MIN_TOTAL) {
      const firstBlock = found[0]!.block;
      const firstChunk = found[0]!.chunks[0]!;
      const joined = found.flatMap((f) => f.chunks.map((c) => c[0])).join('');
      let decoded = decodeBase64(joined);
      if (printableRatio(decoded) < 0.8) decoded = decodeBase64(firstChunk[0]);
      const readable = decoded.length >= 8 && printableRatio(decoded) >= 0.8;
      const inScript = found.some((f) => f.block.kind === 'script');
      const active = found.some((f) => f.block.kind === 'script' && ACTIVE.test(f.block.body));
      const offset = firstBlock.bodyStart + firstChunk.index!;
      ctx.report({
        at: { offset, length: Math.min(firstChunk[0].length, 200) },
        message: `${found.reduce((n, f) => n + f.chunks.length, 0)} base64 chunk(s), ${total.toLocaleString('en-US')} characters, inside ${inScript ? 'a <script>' : 'SVG comments'}${readable ? '; they decode to readable text' : ''}${active ? ' that decodes/evaluates' : ''}`,
        evidence: firstChunk[0].slice(0, 200),
        ...(readable ? { decoded: decoded.slice(0, 2000) } : {}),
        confidence: readable || active ? 'high' : 'medium',
      });
      return;
    }
    if (scriptBlock) {
      const active = ACTIVE.test(scriptBlock.body);
      ctx.report({
        at: { offset: scriptBlock.start, length: Math.min(200, scriptBlock.body.length + 8) },
        message: active ? 'An SVG image runs a script that decodes, evaluates or navigates' : 'An SVG image carries a script',
        evidence: scriptBlock.body.trim().slice(0, 200),
        severity: active ? 'medium' : 'low',
        confidence: active ? 'medium' : 'low',
      });
    }
  },
});
