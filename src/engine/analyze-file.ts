import type { Finding } from '../core/finding.js';
import type { FileFacts, JsFile, PyFile, TextFile } from '../core/inputs.js';
import { LineIndex } from '../core/location.js';
import { REDUCED_ANALYSIS, type ScanError } from '../core/report.js';
import { prefilterMatches, type AnyRule, type RuleContext, type RuleInputs } from '../core/rule.js';
import { prefilterMemo } from '../core/literal-prefilter.js';
import { computeFacts, decodeText, isBinary } from '../analyzers/file-facts.js';
import { parseJs } from '../analyzers/js/parse.js';
import { resolveAsciiEscapes } from '../analyzers/js/hints.js';
import { ejsCode } from '../analyzers/js/template-code.js';
import { parseTs } from '../analyzers/js/parse-ts.js';
import { loadPython, parsePython, PythonNotLoaded, pythonLoaded } from '../analyzers/python/parse.js';
import { sniffCode } from '../rules/text/_code-sniff.js';
import { EXPECTED } from '../rules/text/_magic.js';
import { makeFinding } from './findings.js';
import { parseUnits } from './parse-cost.js';

export interface AnalyzeOptions {
  /** An autorun entry runs this file with node: parse it as JavaScript whatever its name (text files only). */
  parseAsJs?: boolean;
  /**
   * The parse limit. A file larger than this (bytes) is parsed whole only when it is JavaScript with at most
   * `parseMaxBytes / 2` parse units (see parse-cost.ts: as many as this many bytes of the densest real code, and a
   * bound on the AST's node count whatever the text). Otherwise the AST rules see only the first and last
   * `parseWindow` characters (where a prepended or appended payload sits), the text rules still see all of it, and the
   * result says so in `reduced`. A 50 MB bundle's AST alone needs gigabytes and minutes; 9 MB of emscripten output
   * that is mostly one base64 string is 13,000 nodes.
   */
  parseMaxBytes?: number;
  /** Characters of each end the AST rules see in a file over the parse limit (default: a quarter of the limit). */
  parseWindow?: number;
}

/**
 * Default parse limit: 4 MB of any file, or 2,097,152 parse units of a larger JavaScript file. Measured on the heavy
 * worker's 420 MB heap (pool.ts), full parse plus every rule: 2.5 M units of the worst shapes (`;`, `a\n`, `f(a);`,
 * `a.b;`: one node per unit) fit, 3.5 M do not; real code costs about half as much per unit (sass.dart.js: 1.65 M
 * units, 825 k nodes, runs out of a 160 MB heap and fits 240 MB). The densest real code measured has 2.0–2.6 bytes per unit, so the unit
 * limit admits what 4 MB of it would need; TypeScript (the sucrase path needs ~170 MB per MB) and Python (tree-sitter)
 * keep the byte limit.
 */
export const PARSE_MAX_BYTES = 4 << 20;
/** Parse units a JavaScript file over the byte limit may have and still be parsed whole (see PARSE_MAX_BYTES). */
export const parseMaxUnits = (parseMaxBytes: number): number => Math.floor(parseMaxBytes / 2);
/** What the AST rules see of each end of a file over the parse limit: a quarter of the limit (characters). */
export const PARSE_WINDOW = PARSE_MAX_BYTES >> 2;
/** Parse units a JavaScript file under the byte limit may have (measured: 2.5 M units of the worst shapes fit the heavy worker, 3.5 M do not). */
const DENSE_UNITS_UNDER_LIMIT = (parseMaxBytes: number): number => Math.floor(parseMaxBytes * 0.6);

export interface FileResult {
  facts: FileFacts;
  findings: Finding[];
  errors: ScanError[];
  parsed: boolean;
  /** Set when the analysis was reduced (a file over the parse limit): what was and was not examined. */
  reduced?: string;
}

/**
 * Runs every applicable per-file rule on one file. Pure apart from the rules it is given: no I/O. A crashing rule is
 * recorded as an error (the scan becomes incomplete) and the other rules still run.
 */
export function analyzeFile(path: string, bytes: Uint8Array, rules: readonly AnyRule[], opts: AnalyzeOptions = {}): FileResult {
  const binary = isBinary(bytes);
  const decoded = binary ? null : decodeText(bytes);
  const text = decoded ? decoded.text : null;
  const facts = computeFacts(path, bytes, text);
  if (text !== null && facts.kind === 'text' && (opts.parseAsJs || disguisedJs(facts.ext, text))) facts.kind = 'js';
  // Before any rule runs, so the caller's second call (after loadPython) repeats no work.
  if (text !== null && facts.kind === 'python' && !pythonLoaded() && rules.some((r) => r.input === 'py-ast')) throw new PythonNotLoaded();
  const findings: Finding[] = [];
  const errors: ScanError[] = [];
  let index: LineIndex | null = null;
  const lineIndex = () => (index ??= text === null ? null : new LineIndex(text));

  const run = <I extends keyof RuleInputs>(rule: AnyRule, input: RuleInputs[I]) => {
    const ctx: RuleContext = {
      path,
      facts,
      report: (args) => {
        try {
          findings.push(makeFinding(rule, path, lineIndex(), args));
        } catch (e) {
          errors.push({ path, message: `rule ${rule.id} reported an unlocatable finding: ${(e as Error).message}` });
        }
      },
    };
    try {
      rule.check(ctx, input as never);
    } catch (e) {
      errors.push({ path, message: `rule ${rule.id} crashed: ${(e as Error)?.stack?.split('\n').slice(0, 3).join(' | ') ?? e}` });
    }
  };

  const fileInput: TextFile = { facts, bytes, text };
  // One literal scan answers every prefilter RegExp that cannot match (see literal-prefilter.ts); the rest run.
  // ASCII spelled as \u escapes (`\u0065val(src)`, `requir\u0065('\u0068ttps')`: identifiers the parser reads as eval,
  // require, https): the prefilters read a copy with them resolved, or they would turn away the rules that see through it.
  const pfText = text === null ? null : resolveAsciiEscapes(text);
  const pf = prefilterMemo(rules, facts.kind, pfText);
  for (const rule of rules) {
    if (rule.input !== 'file') continue;
    if (rule.appliesTo && !rule.appliesTo(facts)) continue;
    if (!prefilterMatches(rule.prefilter, pfText, pf)) continue;
    run(rule, fileInput);
  }

  let parsed = false;
  let reduced: string | undefined;
  const parseMax = opts.parseMaxBytes ?? PARSE_MAX_BYTES;
  // Over the parse limit the AST rules run on a windowed copy (see windowed()): same length and line breaks, so
  // every offset and line they report is the file's own.
  const astText = (lang: string, ruleCount: number, code: string | null = text): string => {
    const text = code;
    if (text === null) return '';
    const window = (over: string): string => {
      const w = windowed(text, opts.parseWindow ?? Math.max(1, parseMax >> 2));
      if (w.head >= w.tail) return text;
      reduced =
        `${REDUCED_ANALYSIS}: ${over}: the text rules (hidden code, ` +
        `obfuscation fingerprints, file type) read all of it, the ${ruleCount} ${lang} AST rule(s) that apply only its first ` +
        `${mb(w.head)} MB and last ${mb(text.length - w.tail)} MB (characters ${w.head}–${w.tail} not parsed)`;
      return w.text;
    };
    const overBytes = facts.size > parseMax;
    // JavaScript is judged by what its AST would cost (units <= bytes, so a file no larger than the unit bound needs no
    // count). Over the byte limit, mostly data in strings parses whole. Under it, only the densest shapes (`;`, `a\n`,
    // `f(a);`: one node per byte or two) can still outgrow the heavy worker's heap (3.5 M units do not fit, 2.5 M do):
    // such a file is windowed too, so its text findings and the rest of the scan survive the worker's memory cap.
    const unitLimit = overBytes ? parseMaxUnits(parseMax) : DENSE_UNITS_UNDER_LIMIT(parseMax);
    if (lang === 'JavaScript' && facts.size > unitLimit) {
      if (parseUnits(text, unitLimit) <= unitLimit) return text;
      const units = `more than ${unitLimit.toLocaleString('en')} parse units (tokens)`;
      return window(
        overBytes
          ? `${mb(facts.size)} MB is over the ${mb(parseMax)} MB parse limit and has ${units}, the limit for JavaScript`
          : `${mb(facts.size)} MB has ${units}, more than a worker's heap holds`,
      );
    }
    return overBytes ? window(`${mb(facts.size)} MB is over the ${mb(parseMax)} MB parse limit`) : text;
  };
  // An EJS template's scriptlets run on the server: the JS rules read them (template-code.ts keeps their offsets).
  const template = text !== null && facts.ext === '.ejs' ? ejsCode(text) : null;
  if (text !== null && (facts.kind === 'js' || facts.kind === 'ts' || template !== null)) {
    const jsRules = rules.filter(
      (r) => r.input === 'js-ast' && (!r.appliesTo || r.appliesTo(facts)) && prefilterMatches(r.prefilter, pfText, pf),
    );
    if (jsRules.length) {
      const src = astText(facts.kind === 'ts' ? 'TypeScript' : 'JavaScript', jsRules.length, template ?? text);
      const result = facts.kind === 'ts' ? parseTs(src, facts.ext) : parseJs(src);
      parsed = true;
      if (!result.ast) {
        errors.push({ path, message: `could not parse as JavaScript (${result.error}); text rules still ran` });
      } else {
        const js: JsFile = { facts, text: src, ast: result.ast, recovered: result.recovered };
        for (const rule of jsRules) run(rule, js);
      }
    }
  }
  if (text !== null && facts.kind === 'python') {
    const pyRules = rules.filter(
      (r) => r.input === 'py-ast' && (!r.appliesTo || r.appliesTo(facts)) && prefilterMatches(r.prefilter, pfText, pf),
    );
    if (pyRules.length) {
      const src = astText('Python', pyRules.length);
      const result = parsePython(src);
      parsed = true;
      if (!result.ok) {
        errors.push({ path, message: `could not parse as Python (${result.error}); text rules still ran` });
      } else {
        try {
          const py: PyFile = { facts, text: src, root: result.root, recovered: result.recovered };
          for (const rule of pyRules) run(rule, py);
        } finally {
          result.tree.delete();
        }
      }
    }
  }
  return reduced ? { facts, findings, errors, parsed, reduced } : { facts, findings, errors, parsed };
}

/**
 * analyzeFile for the engine's async callers: a Python file met before the grammar was loaded loads it (once per
 * thread; see python/parse.ts) and is analysed again. Everything else is answered by the first call.
 */
export async function analyzeFileLoadingPython(path: string, bytes: Uint8Array, rules: readonly AnyRule[], opts: AnalyzeOptions = {}): Promise<FileResult> {
  try {
    return analyzeFile(path, bytes, rules, opts);
  } catch (e) {
    if (!(e instanceof PythonNotLoaded)) throw e;
    await loadPython();
    return analyzeFile(path, bytes, rules, opts);
  }
}

const mb = (n: number) => (n / (1 << 20)).toFixed(1);

/**
 * The text with everything between its first and last `window` characters blanked to spaces, line breaks kept: the
 * parser skips the blank middle at memory-copy speed, and offsets, lines and columns stay those of the real file.
 * Cuts are moved back to a line break (or a `;`) near the window's edge so the two ends parse as whole statements
 * where the file allows; a cut inside a statement leaves a parse error the loose parser recovers from.
 */
export function windowed(text: string, window: number): { text: string; head: number; tail: number } {
  if (text.length <= 2 * window) return { text, head: text.length, tail: text.length };
  const cut = (from: number, to: number): number => {
    const nl = text.lastIndexOf('\n', to);
    if (nl >= from) return nl + 1;
    const semi = text.lastIndexOf(';', to);
    return semi >= from ? semi + 1 : to;
  };
  const head = cut(window >> 1, window);
  const tailFrom = text.length - window;
  // The tail starts after a line break / `;` at most a quarter window in, else at the window's edge.
  const nl = text.indexOf('\n', tailFrom);
  const semi = nl >= 0 && nl < tailFrom + (window >> 2) ? nl : text.indexOf(';', tailFrom);
  const tail = semi >= 0 && semi < tailFrom + (window >> 2) ? semi + 1 : tailFrom;
  const middle = text.slice(head, tail).replace(/[^\n]+/g, (run) => ' '.repeat(run.length));
  return { text: text.slice(0, head) + middle + text.slice(tail), head, tail };
}

/**
 * A font/image/media/archive name over text that reads as JavaScript: `node public/fonts/fa-solid-400.woff2` runs it,
 * so the JS rules must see it even when no autorun entry names it (a real font or image is never text).
 */
function disguisedJs(ext: string, text: string): boolean {
  return ext in EXPECTED && sniffCode(text)?.lang === 'javascript';
}
