import type { Finding } from '../core/finding.js';
import type { FileFacts, JsFile, PyFile, TextFile } from '../core/inputs.js';
import { LineIndex } from '../core/location.js';
import type { ScanError } from '../core/report.js';
import { prefilterMatches, type AnyRule, type RuleContext, type RuleInputs } from '../core/rule.js';
import { computeFacts, decodeText, isBinary } from '../analyzers/file-facts.js';
import { parseJs } from '../analyzers/js/parse.js';
import { parseTs } from '../analyzers/js/parse-ts.js';
import { parsePython } from '../analyzers/python/parse.js';
import { sniffCode } from '../rules/text/_code-sniff.js';
import { EXPECTED } from '../rules/text/_magic.js';
import { makeFinding } from './findings.js';

export interface AnalyzeOptions {
  /** An autorun entry runs this file with node: parse it as JavaScript whatever its name (text files only). */
  parseAsJs?: boolean;
}

export interface FileResult {
  facts: FileFacts;
  findings: Finding[];
  errors: ScanError[];
  parsed: boolean;
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
  const pf = new Map<RegExp, boolean>();
  for (const rule of rules) {
    if (rule.input !== 'file') continue;
    if (rule.appliesTo && !rule.appliesTo(facts)) continue;
    if (!prefilterMatches(rule.prefilter, text, pf)) continue;
    run(rule, fileInput);
  }

  let parsed = false;
  if (text !== null && (facts.kind === 'js' || facts.kind === 'ts')) {
    const jsRules = rules.filter(
      (r) => r.input === 'js-ast' && (!r.appliesTo || r.appliesTo(facts)) && prefilterMatches(r.prefilter, text, pf),
    );
    if (jsRules.length) {
      const result = facts.kind === 'ts' ? parseTs(text, facts.ext) : parseJs(text);
      parsed = true;
      if (!result.ast) {
        errors.push({ path, message: `could not parse as JavaScript (${result.error}); text rules still ran` });
      } else {
        const js: JsFile = { facts, text, ast: result.ast, recovered: result.recovered };
        for (const rule of jsRules) run(rule, js);
      }
    }
  }
  if (text !== null && facts.kind === 'python') {
    const pyRules = rules.filter(
      (r) => r.input === 'py-ast' && (!r.appliesTo || r.appliesTo(facts)) && prefilterMatches(r.prefilter, text, pf),
    );
    if (pyRules.length) {
      const result = parsePython(text);
      parsed = true;
      if (!result.ok) {
        errors.push({ path, message: `could not parse as Python (${result.error}); text rules still ran` });
      } else {
        try {
          const py: PyFile = { facts, text, root: result.root, recovered: result.recovered };
          for (const rule of pyRules) run(rule, py);
        } finally {
          result.tree.delete();
        }
      }
    }
  }
  return { facts, findings, errors, parsed };
}

/**
 * A font/image/media/archive name over text that reads as JavaScript: `node public/fonts/fa-solid-400.woff2` runs it,
 * so the JS rules must see it even when no autorun entry names it (a real font or image is never text).
 */
function disguisedJs(ext: string, text: string): boolean {
  return ext in EXPECTED && sniffCode(text)?.lang === 'javascript';
}
