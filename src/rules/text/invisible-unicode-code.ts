import type { Confidence, Severity } from '../../core/finding.js';
import { defineRule } from '../../core/rule.js';
import { sniffCode } from './_code-sniff.js';
import { Lexer, LexState, lexLangOf } from './_lex.js';
import {
  INVISIBLE,
  classify,
  codePointBefore,
  decodeSelectors,
  decodeTags,
  isCjk,
  isComplexScriptLetter,
  isEmojiBase,
  printableRatio,
  reveal,
  type InvisibleClass,
} from './_invisible.js';

/** Command or code execution in the file (JS or Python). */
const RUNS_COMMANDS = /child_process|\bexec(?:Sync|File)?\s*\(|\bspawn(?:Sync)?\s*\(|\beval\s*\(|\bFunction\s*\(|\bos\.(?:system|popen)\b|\bsubprocess\./;
const CODE_KINDS = new Set(['js', 'ts', 'python', 'shell']);
const CODE_MARKUP = new Set(['.html', '.htm', '.vue', '.svelte', '.astro']);
/** Selector/tag characters that make a payload (GlassWorm strings hold thousands). */
const PAYLOAD_COUNT = 16;
const PAYLOAD_RUN = 8;
/** A contiguous run of zero-width characters inside a string this long is a hidden message, not a line-break hint. */
const ZW_STRING_RUN = 16;
const DECODER = /\b(?:codePointAt|charCodeAt|fromCharCode|fromCodePoint)\b|(?<![\w$.])(?:eval|Function|exec)\s*\(|\.constructor\s*\(|\b(?:ord|chr)\s*\(/;
const BIDI_AWARE = /\b(?:rtl|bidi|RegExp|replace(?:All)?\s*\(|dir(?:ection)?\b)/i;
const ESCAPE_BEFORE = /\\u(?:[0-9a-fA-F]{4}|\{[0-9a-fA-F]{1,6}\})$/;
const RTL_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC]/;

interface Run {
  start: number;
  end: number;
  cps: number[];
  classes: Set<InvisibleClass>;
}

/** Runs that ordinary text produces: emoji presentation and ZWJ sequences, flag tags, CJK variants, joiners in Arabic/Indic words, a BOM. */
function isBenignRun(text: string, run: Run): boolean {
  const before = codePointBefore(text, run.start);
  const after = run.end < text.length ? text.codePointAt(run.end)! : -1;
  const cps = run.cps;
  if (cps.length === 1 && cps[0] === 0xfeff && run.start === 0) return true;
  // Emoji tables in source often spell the base as an escape: "\uD83C\uDD7E" + U+FE0F.
  const escapedBefore = ESCAPE_BEFORE.test(text.slice(Math.max(0, run.start - 12), run.start));
  if (cps.length <= 3 && cps.every((c) => c === 0x200d || c === 0xfe0f || c === 0xfe0e || c === 0x20e3)) {
    // ❤️ ✔️ 🛡️ (base + VS16), 👨‍👩‍👧 (ZWJ between pictographs), 🏳️‍🌈, 1️⃣
    const baseOk = before >= 0x80 || isEmojiBase(before) || escapedBefore;
    if (!cps.includes(0x200d)) return baseOk;
    return baseOk && (after >= 0x80 || after === -1 || after === 92);
  }
  if (cps.length === 1) {
    const c = cps[0]!;
    if (c >= 0xfe00 && c <= 0xfe0f) return before >= 0x80 || isEmojiBase(before) || escapedBefore; // standardized variants (math, CJK)
    if (c >= 0xe0100 && c <= 0xe01ef) return isCjk(before); // ideographic variation sequence
    if (c === 0x200c || c === 0x200d) return isComplexScriptLetter(before) || isComplexScriptLetter(after);
  }
  if (classOnly(run, 'tag') && before === 0x1f3f4 && cps.length <= 10 && cps[cps.length - 1] === 0xe007f) return true; // 🏴 subdivision flags
  return false;
}

function classOnly(run: Run, cls: InvisibleClass): boolean {
  return run.classes.size === 1 && run.classes.has(cls);
}

function collectRuns(text: string): Run[] {
  const runs: Run[] = [];
  let cur: Run | null = null;
  for (const m of text.matchAll(INVISIBLE)) {
    const start = m.index!;
    const cp = text.codePointAt(start)!;
    const end = start + m[0].length;
    if (cur && cur.end === start) {
      cur.end = end;
      cur.cps.push(cp);
      cur.classes.add(classify(cp));
    } else {
      cur = { start, end, cps: [cp], classes: new Set([classify(cp)]) };
      runs.push(cur);
      if (runs.length > 200_000) break;
    }
  }
  return runs;
}

function isAsciiIdent(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36;
}

function touchesIdentifier(text: string, run: Run): boolean {
  return isAsciiIdent(text.charCodeAt(run.start - 1)) || isAsciiIdent(text.charCodeAt(run.end));
}

function lineOf(text: string, offset: number): string {
  const s = text.lastIndexOf('\n', offset) + 1;
  let e = text.indexOf('\n', offset);
  if (e === -1) e = text.length;
  return text.slice(s, e);
}

function lineAround(text: string, offset: number): string {
  const s = text.lastIndexOf('\n', offset) + 1;
  let e = text.indexOf('\n', offset);
  if (e === -1) e = text.length;
  const from = Math.max(s, offset - 60);
  return (from > s ? '…' : '') + text.slice(from, Math.min(e, offset + 20000));
}

export default defineRule({
  id: 'invisible-unicode-code',
  meta: {
    kind: 'threat',
    category: 'obfuscation',
    severity: 'high',
    confidence: 'medium',
    summary: 'Invisible Unicode that hides code: variation-selector/tag payloads, invisible identifiers, bidi controls',
    why: 'GlassWorm-style loaders store their payload as thousands of invisible variation selectors (one per byte) and decode it with codePointAt + eval; tag characters smuggle ASCII the same way; Hangul fillers and zero-width joiners make invisible variable names; bidi overrides (Trojan Source) make code read differently from how it runs.',
    fix: 'Do not run the project. Open the file in an editor that shows invisible characters (or use the decoded value shown here) and read what the string really holds.',
    falsePositives:
      'Emoji presentation selectors (❤️), emoji ZWJ sequences (👨‍👩‍👧), subdivision flags, CJK variation sequences, joiners inside Arabic/Persian/Indic words, a leading BOM and bidi controls on lines with right-to-left text are recognised and ignored. A handful of zero-width spaces inside strings (line-break hints) is ignored; only many, long runs, invisible characters outside strings, or payload-sized selector runs count. Locale JSON and Markdown are checked only for payload-sized selector/tag runs.',
    references: [
      'https://www.koi.ai/blog/glassworm-first-self-propagating-worm-using-invisible-code-hits-openvsx-marketplace',
      'https://trojansource.codes/',
      'https://paulbutler.org/2025/smuggling-arbitrary-data-through-an-emoji/',
      'CWE-1007',
    ],
    status: 'stable',
  },
  input: 'file',
  prefilter: /[\u200B-\u200D\u2060-\u2064\u202A-\u202E\u2066-\u2069\uFE00-\uFE0F\uFEFF\u3164\uFFA0\u115F\u1160\u180E]|\uDB40[\uDC00-\uDDEF]/,
  appliesTo: (f) => f.isText,
  check(ctx, file) {
    const text = file.text!;
    const facts = file.facts;
    // A "font" or extension-less file that is really a script (node public/fa-solid-400.woff2) counts as code too.
    const isCode = CODE_KINDS.has(facts.kind) || CODE_MARKUP.has(facts.ext) || ((facts.kind === 'text' || facts.kind === 'other') && sniffCode(text) !== null);
    const lang = lexLangOf(facts);
    const lexer = lang !== 'none' ? new Lexer(text, lang) : null;
    const runs = collectRuns(text).filter((r) => !isBenignRun(text, r));
    if (!runs.length) return;

    // 1. Selector / tag payloads.
    const payloadRuns = runs.filter((r) => r.classes.has('selector') || r.classes.has('tag'));
    const payloadCps = payloadRuns.flatMap((r) => r.cps.filter((c) => (c >= 0xfe00 && c <= 0xfe0f) || c >= 0xe0000));
    const longest = payloadRuns.reduce((m, r) => Math.max(m, r.cps.length), 0);
    // Bytes of a payload sit together; emoji tables scatter one or two selectors per entry.
    const inLongRuns = payloadRuns.reduce((n, r) => n + (r.cps.length >= 4 ? r.cps.length : 0), 0);
    const decoderHere = DECODER.test(text);
    if (inLongRuns >= PAYLOAD_COUNT || longest >= PAYLOAD_RUN) {
      const selectors = payloadCps.filter((c) => c < 0xe0000 || c >= 0xe0100);
      const tags = payloadCps.filter((c) => c >= 0xe0000 && c < 0xe0100);
      const fromSel = selectors.length >= tags.length ? decodeSelectors(selectors) : decodeTags(tags);
      const readable = fromSel.length >= 4 && printableRatio(fromSel) >= 0.8;
      let severity: Severity;
      let confidence: Confidence;
      if (isCode && decoderHere) [severity, confidence] = ['critical', 'high'];
      else if (isCode) [severity, confidence] = ['high', readable ? 'high' : 'medium'];
      else [severity, confidence] = ['medium', readable ? 'high' : 'medium'];
      const kind = selectors.length >= tags.length ? 'variation selectors (U+FE00–FE0F/U+E0100–E01EF)' : 'tag characters (U+E0000–E007F)';
      const first = payloadRuns[0]!;
      ctx.report({
        at: { offset: first.start, length: first.end - first.start },
        message:
          `${payloadCps.length} invisible ${kind} in ${payloadRuns.length} run(s), longest ${longest}` +
          (isCode && decoderHere ? '; the file also decodes code points and evaluates (codePointAt/fromCharCode/eval/Function)' : '') +
          (readable ? '; they decode to readable text (one byte per selector)' : ''),
        evidence: reveal(lineAround(text, first.start)),
        ...(readable ? { decoded: fromSel } : {}),
        severity,
        confidence,
      });
    }

    // The rest is about code files only: i18n text in JSON/Markdown carries joiners and bidi marks legitimately.
    if (!isCode) return;

    // 2. Zero-width / filler characters: outside strings they are invisible identifiers; in strings, a hidden message.
    const zwRuns = runs.filter((r) => r.classes.has('zero-width') || r.classes.has('filler'));
    const inCode: Run[] = [];
    const inString: Run[] = [];
    for (const r of zwRuns) {
      const st = lexer ? lexer.stateAt(r.start) : LexState.String;
      if (st === LexState.Code) {
        // Only fillers (ID_Start) and ZWJ/ZWNJ (ID_Continue) can sit inside an identifier; a zero-width space in
        // "code" is JSX text or a syntax error, not a hidden name.
        if (r.classes.has('filler') || ((r.cps.includes(0x200c) || r.cps.includes(0x200d)) && touchesIdentifier(text, r))) inCode.push(r);
      } else if (st === LexState.String) inString.push(r);
    }
    if (inCode.length) {
      const fillers = inCode.some((r) => r.classes.has('filler'));
      const runsCommands = RUNS_COMMANDS.test(text);
      const n = inCode.reduce((s, r) => s + r.cps.length, 0);
      ctx.report({
        at: { offset: inCode[0]!.start, length: inCode[0]!.end - inCode[0]!.start },
        message: `${n} invisible character(s) in code outside strings and comments${fillers ? ' (Hangul filler: an invisible identifier)' : ''}: code that reads differently from how it runs${fillers && runsCommands ? '; the file also runs commands or code' : ''}`,
        evidence: reveal(lineAround(text, inCode[0]!.start)),
        // An invisible variable in a file that runs commands is the "invisible backdoor" (a hidden request parameter
        // handed to exec): nothing honest names a variable with a character no one can see.
        severity: fillers && runsCommands ? 'critical' : fillers || decoderHere ? 'high' : 'medium',
        confidence: fillers ? 'high' : 'medium',
      });
    }
    const zwCount = inString.reduce((s, r) => s + r.cps.length, 0);
    const zwLongest = inString.reduce((m, r) => Math.max(m, r.cps.length), 0);
    // A hidden message is a contiguous run (8 characters per byte); scattered line-break hints and entity tables are not.
    if (zwLongest >= ZW_STRING_RUN) {
      ctx.report({
        at: { offset: inString[0]!.start, length: inString[0]!.end - inString[0]!.start },
        message: `${zwCount} zero-width characters inside strings (longest run ${zwLongest}): a hidden message or payload${decoderHere ? ', and the file decodes code points' : ''}`,
        evidence: reveal(lineAround(text, inString[0]!.start)),
        severity: decoderHere ? 'high' : 'medium',
        confidence: zwLongest >= 64 ? 'high' : 'medium',
      });
    }

    // 3. Bidi overrides/isolates (Trojan Source) on lines without right-to-left text.
    // Trojan Source deceives a reviewer: bundles, vendored code and kilobyte-wide lines are not read line by line, and
    // code that strips or inserts bidi marks names them in a string or regex on one line.
    const bidi =
      facts.minified || facts.vendored
        ? []
        : runs
            .filter((r) => r.classes.has('bidi'))
            .slice(0, 500) // each needs its line: bound the work on hostile files
            .filter((r) => {
            const line = lineOf(text, r.start);
            return line.length < 1000 && !RTL_LETTER.test(line) && !BIDI_AWARE.test(line);
          });
    if (bidi.length) {
      const n = bidi.reduce((s, r) => s + r.cps.filter((c) => (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)).length, 0);
      ctx.report({
        at: { offset: bidi[0]!.start, length: bidi[0]!.end - bidi[0]!.start },
        message: `${n} bidirectional control character(s) (U+202A–202E/U+2066–2069) in code with no right-to-left text: the code displays in a different order than it runs (Trojan Source)`,
        evidence: reveal(lineAround(text, bidi[0]!.start)),
        severity: 'medium',
        confidence: 'medium',
      });
    }
  },
});
