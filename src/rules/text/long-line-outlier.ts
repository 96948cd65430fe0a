import { defineRule } from '../../core/rule.js';
import { Lexer, lexLangOf } from './_lex.js';

const MIN_LONG = 1000;
/** How many times wider than the file's 90th-percentile line an outlier must be. */
const FACTOR = 20;
/** Columns below which a file's norm is not trusted (a file of 10-char lines makes 200 chars look huge). */
const NORM_FLOOR = 50;
/** At least this many ordinary lines make a "norm". */
const MIN_OTHERS = 3;
/** A code line has this many non-blank characters outside strings and comments... */
const MIN_CODE_CHARS = 400;
/** ...and this share of `;(){}[]=,` punctuation among them (prose and data tables have far less). */
const MIN_PUNCT_RATIO = 0.04;
/** Code (outside comments) the rest of the file must hold to be a hand-written file at all. */
const MIN_OTHER_CODE = 20;
const PADDING = /(?:        |\t)[ \t]{30}\S/;
/** What loaders carry and pasted-in libraries rarely do; without any of these an outlier is only worth a look. */
const LOADER_SIGNS: Array<[RegExp, string]> = [
  [/_0x[0-9a-f]{4,}/, 'obfuscator.io names'],
  [/(?:\\x[0-9a-fA-F]{2}){4}/, 'hex-escaped strings'],
  [/(?<![\w$.])(?:eval|Function)\s*\(|\.constructor\s*\(/, 'eval/Function'],
  [/(?<![\w$.])(?:require|import)\s*\(/, 'require/import'],
  [/child_process|\bexecSync\b|\bspawn\s*\(/, 'process spawning'],
  [/\bglobal\s*\[|globalThis\s*\[/, 'global[...] aliasing'],
  [/fromCharCode|\batob\s*\(|Buffer\.from\s*\(/, 'string decoding'],
  [/while\s*\(\s*!!\s*\[\s*\]\s*\)/, 'string-array rotation loop'],
  [/__import__\s*\(|(?<![\w$.])exec\s*\(|\bos\.system\b|\bsubprocess\b|b64decode|marshal\.loads|zlib\.decompress/, 'exec/decoding (Python)'],
  [/https?:\/\/|\bfetch\s*\(|\baxios\b|\bhttps?\.(?:get|request)\b/, 'network'],
];
const CODE_KINDS = new Set(['js', 'ts', 'python', 'shell']);
const DATA_EXT = new Set(['.json', '.map', '.svg', '.md', '.lock', '.yaml', '.yml', '.d.ts']);

interface Line {
  start: number;
  len: number;
}

function punctuation(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    // ; ( ) { } [ ] = ,
    if (c === 59 || c === 40 || c === 41 || c === 123 || c === 125 || c === 91 || c === 93 || c === 61 || c === 44) n++;
  }
  return n;
}

export default defineRule({
  id: 'long-line-outlier',
  meta: {
    kind: 'threat',
    category: 'hidden-code',
    severity: 'medium',
    confidence: 'medium',
    summary: 'One line of code far wider than the rest of a hand-written source file',
    why: 'Injected loaders are appended (or prepended) to a legitimate file as one enormous line: 20 lines of 40 characters and then 5,000 characters of obfuscated code on a single line. Editors soft-wrap off, reviewers never scroll right, and diffs show only "1 line changed".',
    fix: 'Open the line (the evidence shows its start) and read it. A hand-written config or route has no reason to hold kilobytes of code on one line; if it is obfuscated, do not run the project.',
    falsePositives:
      'Minified and vendored files (node_modules, dist, build, *.min.js, files where many lines are long) are skipped, as are data formats (.json, .map, .svg, .md, lockfiles, .d.ts). Lines that are mostly one long string (base64 data URIs, embedded SVG paths, inline source maps, integrity hashes) or comments do not count: only non-blank characters outside strings and comments, with code-like punctuation, make an outlier. Lines carrying a long blank run are left to whitespace-hidden-code.',
    references: ['https://opensourcemalware.com/blog/polinrider', 'CWE-506'],
    status: 'stable',
  },
  input: 'file',
  appliesTo: (f) =>
    f.isText &&
    !f.vendored &&
    f.maxLineLength >= MIN_LONG &&
    CODE_KINDS.has(f.kind) &&
    !DATA_EXT.has(f.ext) &&
    !f.path.endsWith('.d.ts'),
  check(ctx, file) {
    const text = file.text!;
    // One pass, constant memory: a histogram of ordinary line lengths and the few long lines (a hostile file may have
    // tens of millions of lines).
    const hist = new Uint32Array(MIN_LONG);
    const long: Array<Line & { n: number }> = [];
    let others = 0;
    let start = 0;
    for (let n = 0; ; n++) {
      const nl = text.indexOf('\n', start);
      const end = nl === -1 ? text.length : nl;
      let len = end - start;
      if (len && text.charCodeAt(end - 1) === 13) len--;
      if (len >= MIN_LONG) {
        long.push({ start, len, n });
        if (long.length > 3) return; // many long lines: a bundle, a generated table, a minified file
      } else if (len > 0) {
        hist[len]++;
        others++;
      }
      if (nl === -1) break;
      start = nl + 1;
    }
    if (long.length === 0 || others < MIN_OTHERS || (long.length > 1 && long.length * 10 > others)) return;
    const quantile = (q: number) => {
      const want = Math.min(others - 1, Math.floor(others * q));
      let seen = 0;
      for (let len = 1; len < MIN_LONG; len++) {
        seen += hist[len]!;
        if (seen > want) return len;
      }
      return MIN_LONG - 1;
    };
    const p90 = quantile(0.9);
    const median = quantile(0.5);
    const threshold = Math.max(MIN_LONG, FACTOR * Math.max(p90, NORM_FLOOR));
    const lexer = new Lexer(text, lexLangOf(file.facts));
    const candidates: Array<{ l: Line & { n: number }; code: number }> = [];
    let longCode = 0;
    for (const l of long) {
      if (l.len < threshold) continue;
      const end = l.start + l.len;
      const line = text.slice(l.start, end);
      if (PADDING.test(line)) continue;
      lexer.advanceTo(l.start);
      const before = lexer.codeChars;
      lexer.advanceTo(end);
      const code = lexer.codeChars - before;
      longCode += code;
      if (code < MIN_CODE_CHARS || punctuation(text, l.start, end) < MIN_PUNCT_RATIO * code) continue;
      candidates.push({ l, code });
    }
    if (!candidates.length) return;
    lexer.advanceTo(text.length);
    // A licence banner over one minified line is a minified file, not a file with something appended.
    if (lexer.codeChars - longCode < MIN_OTHER_CODE) return;
    for (const { l, code } of candidates) {
      const line = text.slice(l.start, l.start + l.len);
      const lead = line.length - line.trimStart().length;
      const signs = LOADER_SIGNS.filter(([re]) => re.test(line)).map(([, name]) => name);
      ctx.report({
        at: { offset: l.start + lead, length: Math.min(200, l.len - lead) },
        message: `Line ${l.n + 1} is ${l.len.toLocaleString('en-US')} characters wide (${code.toLocaleString('en-US')} of code); the file's other ${others} lines are at most ${p90} wide for 90% of them (median ${median})${signs.length ? `; it carries ${signs.join(', ')}` : ''}`,
        evidence: line.slice(lead, lead + 200),
        ...(signs.length ? {} : { severity: 'low' as const, confidence: 'low' as const }),
      });
    }
  },
});
