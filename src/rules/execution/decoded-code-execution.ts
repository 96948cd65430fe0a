import { defineRule } from '../../core/rule.js';
import { OBFUSCATION_HATCH } from '../../analyzers/js/hints.js';
import { findSinks, SINK_HINT } from '../../analyzers/js/sinks.js';
import { originsOf } from '../../analyzers/js/flow.js';
import { fileIndex } from '../../analyzers/js/names.js';
import { foldString } from '../../analyzers/js/fold.js';
import type { Node } from '../../analyzers/js/walk.js';
import { brotliDecompressSync, inflateRawSync, unzipSync } from 'node:zlib';
import { foldedCode, urlIocs } from './_exec.js';
import { astUnits, EMBEDDED_PREFIX } from './_exec.js';

// What a decoded payload does once it runs: Node capabilities, network, more dynamic code.
const DANGEROUS = /\brequire\b|child_process|\bexec(Sync)?\s*\(|\bspawn\b|https?:\/\/|process\.env|\beval\b|Function\s*\(|fs\.\w+|\bimport\s*\(|\bfetch\s*\(|XMLHttpRequest|document\.cookie|localStorage/;
/** A read of an image, font, media or plain-text file: data by its name, never code. */
const DATA_FILE = /\.(?:svg|png|jpe?g|gif|ico|bmp|webp|avif|woff2?|ttf|otf|eot|mp3|mp4|wav|ogg|webm|pdf|txt|dict|dic|md|csv|log|dat)['"`)]/i;
const STAGE_RUN = /\beval\s*\(|Function\s*\(|runIn\w*Context|_compile\s*\(|child_process|\bexec(?:Sync)?\s*\(|\bspawn(?:Sync)?\s*\(/;
const URL_RE = /\bhttps?:\/\/[^\s'"`<>()]{4,200}/g;

/** A literal worth calling hidden data: a string of 8+ characters, or a number in a charCode list (4+ array, 3+ args). */
/** The path a readFileSync-like call reads: folded, or the source of the one value bound to the name it passes. */
function readTarget(call: Node, ast: Node, text: string): string | null {
  const arg = call.arguments?.[0];
  if (!arg) return null;
  const folded = foldString(arg, ast, { maxSteps: 2000, maxLength: 500 })?.value;
  if (folded !== undefined) return folded;
  const vals = arg.type === 'Identifier' ? fileIndex(ast).values.get(arg.name) : undefined;
  return vals?.length === 1 ? text.slice(vals[0]!.start, Math.min(vals[0]!.end, vals[0]!.start + 300)) : null;
}

/**
 * The extension a require hook is installed for, when `node` sits in its handler: `require.extensions['.md'] =
 * function (module, filename) { … }` (or Module._extensions). What that handler reads is every required `.md` file.
 */
function hookedExtension(node: Node, ast: Node): string | null {
  const parent = fileIndex(ast).parent;
  let n: Node | undefined = node;
  for (let d = 0; n && d < 200; d++) {
    if (n.type === 'FunctionExpression' || n.type === 'ArrowFunctionExpression') {
      const a = parent.get(n);
      const left = a?.type === 'AssignmentExpression' && a.right === n ? a.left : null;
      if (left?.type === 'MemberExpression' && left.computed && typeof left.property?.value === 'string') {
        const obj = left.object;
        const name = obj?.type === 'MemberExpression' && !obj.computed ? obj.property?.name : null;
        if (name === 'extensions' || name === '_extensions') return left.property.value;
      }
    }
    n = parent.get(n);
  }
  return null;
}

const MAX_PACKED = 1_000_000;
/**
 * The code a compressed literal holds (`inflateSync(Buffer.from('eJw…', 'base64'))`): base64/hex first, then zlib,
 * gzip, raw deflate or brotli, bounded in and out. Undefined unless it decompresses to text.
 */
function unpack(lit: Node, decoders: string[]): string | undefined {
  if (typeof lit.value !== 'string' || lit.value.length > MAX_PACKED || !decoders.some((d) => /inflate|gunzip|unzip|brotli/i.test(d))) return undefined;
  const raw = Buffer.from(lit.value, decoders.some((d) => /hex/.test(d)) ? 'hex' : 'base64');
  for (const f of [unzipSync, inflateRawSync, brotliDecompressSync]) {
    try {
      const out = f(raw, { maxOutputLength: MAX_PACKED }).toString('utf8');
      if (/^[\t\n\r\x20-\x7e\u00a0-\uffff]*$/.test(out) && out.trim()) return out;
    } catch {
      // not this format
    }
  }
  return undefined;
}

function hidesData(lit: Node, parent: Node | undefined): boolean {
  if (typeof lit.value === 'string') return lit.value.length >= 8;
  if (lit.type === 'TemplateLiteral') return lit.end - lit.start >= 10;
  if (typeof lit.value !== 'number') return false;
  return (parent?.type === 'ArrayExpression' && parent.elements.length >= 4) || (parent?.type === 'CallExpression' && parent.arguments.length >= 3);
}

export default defineRule({
  id: 'decoded-code-execution',
  meta: {
    kind: 'threat',
    category: 'execution',
    severity: 'high',
    confidence: 'high',
    summary: 'A string is decoded (base64, hex, charCodes, URI escapes, XOR, reversal) and then executed',
    why: 'Droppers hide their code from reviewers and scanners by encoding it and decoding it just before eval/Function/vm. Benign code almost never executes a string it had to decode.',
    fix: 'Read the decoded code shown in the finding; do not run the project until you know what it does.',
    falsePositives: 'Literal evals (webpack eval-source-map bundles), `Function("return this")()` polyfills and template engines compile strings they did not decode, so they are not reported. A decoded string whose content cannot be resolved is reported with medium confidence.',
    references: ['https://attack.mitre.org/techniques/T1140/', 'CWE-94', 'CWE-506'],
    status: 'stable',
  },
  input: 'js-ast',
  // A sink AND a decoder.
  prefilter: [[SINK_HINT, OBFUSCATION_HATCH], /atob|Buffer|fromCharCode|fromCodePoint|decodeURI|unescape|reverse|\^|decrypt|Decipher|inflate|gunzip/],
  check(ctx, js) {
    for (const unit of astUnits(js)) {
      const ast = unit.ast;
      for (const sink of findSinks(ast)) {
        if (!sink.code) continue;
        const origins = originsOf(sink.code, ast);
        // Network-fed sinks belong to remote-code-execution.
        if (origins.some((o) => o.kind === 'network' || o.kind === 'network-error')) continue;
        // Decoding of data hidden in the file or the environment; converting unknown runtime data (Emscripten's
        // UTF8ToString over the heap, worker sources) is not hiding anything.
        const ix = fileIndex(ast);
        const decodedFrom = origins.filter((o) => o.decoders.length && (o.kind === 'env' || (o.kind === 'literal' && hidesData(o.node, ix.parent.get(o.node)))));
        // Steganography: an image, font or text file read from disk, decoded, then run (SVG comment chunks, a .woff2).
        // A require hook for a data extension (`require.extensions['.md']`) reads every such file it is given.
        const hooked = origins.some((o) => o.kind === 'file' && o.decoders.length) ? hookedExtension(sink.node, ast) : null;
        const media = origins.find(
          (o) => o.kind === 'file' && o.decoders.length && (DATA_FILE.test(`${readTarget(o.node, ast, js.text) ?? js.text.slice(o.node.start, Math.min(o.node.end, o.node.start + 300))}'`) || (hooked !== null && DATA_FILE.test(`${hooked}'`))),
        );
        if (media) {
          const read = js.text.slice(media.node.start, Math.min(media.node.end, media.node.start + 200));
          ctx.report({
            at: { node: sink.node },
            message: `${unit.embedded ? EMBEDDED_PREFIX : ''}${sink.label} executes data read from a non-code file (${read}) after ${[...new Set(media.decoders)].join(', ')}`,
            evidence: js.text.slice(sink.node.start, Math.min(sink.node.end, sink.node.start + 300)),
            severity: 'critical',
            confidence: js.facts.vendored || js.facts.minified ? 'medium' : 'high',
          });
          continue;
        }
        if (!decodedFrom.length) continue;
        const steps = [...new Set(decodedFrom.flatMap((o) => o.decoders))];
        const code = foldedCode(sink.code, ast);
        const shown = code?.value ?? decodedFrom.map((o) => unpack(o.node, o.decoders)).find((x) => x !== undefined);
        // Ciphertext stored in the file, decrypted with a key stored beside it, then run: encryption only hides it.
        const decrypted = shown === undefined && decodedFrom.some((o) => o.kind === 'literal' && o.decoders.some((d) => /decrypt|decipher/i.test(d)));
        const dangerous = shown !== undefined && DANGEROUS.test(shown);
        const env = decodedFrom.find((o) => o.kind === 'env');
        const confidence = dangerous || env || decrypted ? 'high' : 'medium';
        // The decoded code is itself a downloader (a URL next to eval/Function/a process launch, or curl | sh): a loader.
        const loader = shown !== undefined && ((/https?:\/\//.test(shown) && STAGE_RUN.test(shown)) || /\b(?:curl|wget)\b[^|\n]{0,300}\|\s*(?:(?:ba|z|da)?sh|node|python[\d.]*)\b/.test(shown));
        const severity = loader || decrypted ? 'critical' : shown !== undefined && !dangerous ? 'medium' : 'high';
        const urls = shown ? [...new Set(shown.match(URL_RE) ?? [])].slice(0, 10) : [];
        ctx.report({
          at: { node: sink.node },
          message: `${unit.embedded ? EMBEDDED_PREFIX : ''}${sink.label} executes a string decoded with ${steps.join(', ')}${env ? ` from ${env.label}` : ''}${shown !== undefined ? '' : decrypted ? ' (encrypted in the file, with its key beside it)' : ' (content not statically known)'}`,
          evidence: js.text.slice(sink.node.start, Math.min(sink.node.end, sink.node.start + 300)),
          ...(shown !== undefined ? { decoded: shown } : {}),
          severity,
          confidence: js.facts.vendored || js.facts.minified ? (confidence === 'high' ? 'medium' : 'low') : confidence,
          iocs: urls.flatMap((u) => urlIocs(u)),
        });
      }
    }
  },
});
