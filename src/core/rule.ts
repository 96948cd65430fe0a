import type { Confidence, Ioc, Severity } from './finding.js';
import type { Observations } from './observations.js';
import type { FileFacts, JsFile, ProjectView, PyFile, TextFile } from './inputs.js';

export type RuleKind = 'threat' | 'capability';
export type RuleCategory =
  | 'autorun'
  | 'execution'
  | 'obfuscation'
  | 'hidden-code'
  | 'file-type'
  | 'stealing'
  | 'exfiltration'
  | 'persistence'
  | 'dependency'
  | 'archive'
  | 'evasion';
export type RuleStatus = 'preview' | 'stable';

export interface RuleMeta {
  kind: RuleKind;
  category: RuleCategory;
  severity: Severity;
  confidence: Confidence;
  /** One line: what it finds. */
  summary: string;
  /** Why it matters: what an attacker uses it for. */
  why: string;
  /** What the user should do. */
  fix: string;
  /** Benign code that looks like this, and how the rule avoids it. */
  falsePositives: string;
  references: string[];
  status: RuleStatus;
  /**
   * THREATS.md §5 first list: signals that benign code practically never shows. Their findings are never discounted
   * for sitting in vendored or minified code.
   */
  nearCertain?: boolean;
}

export interface RuleInputs {
  /** Every file, text or binary. `text` is null for binary files. */
  file: TextFile;
  /** JS/TS/JSX/TSX/MJS/CJS files whose text matched the rule's prefilter, parsed once and shared. */
  'js-ast': JsFile;
  /** Python files whose text matched the rule's prefilter, parsed once (tree-sitter) and shared. */
  'py-ast': PyFile;
  /** The whole tree (file list, small config files, autorun map). Runs once per scan on the main thread. */
  project: ProjectView;
  /** What `lurescan detonate` saw in the jail (processes, files, network, canaries). Runs once per detonation. */
  observations: Observations;
}
export type RuleInput = keyof RuleInputs;

/** Where a finding points. Offsets are into the file's text (UTF-16 indices). */
export type At =
  | { offset: number; length?: number }
  | { line: number; column?: number; endLine?: number; endColumn?: number }
  | { node: { start?: number; end?: number; range?: [number, number] } };

export interface ReportArgs {
  at: At;
  /** Overrides meta.summary as the message. */
  message?: string;
  /** Defaults to the source text at `at`. */
  evidence?: string;
  decoded?: string;
  severity?: Severity;
  confidence?: Confidence;
  iocs?: Array<Omit<Ioc, 'file' | 'line'> & { line?: number }>;
  /** For project rules: the file the finding belongs to (defaults to the first file rule context). */
  file?: string;
}

export interface RuleContext {
  /** Relative path of the file being checked (project rules: '' unless `file` is given in report). */
  readonly path: string;
  readonly facts: FileFacts;
  report(args: ReportArgs): void;
}

export interface Rule<I extends RuleInput = RuleInput> {
  id: string;
  meta: RuleMeta;
  input: I;
  /**
   * Cheap test on the raw text before anything is parsed. A js-ast rule whose prefilter does not match never costs a
   * parse. Keep it to literal-led alternations so the regex engine can skip ahead. A list means ALL must match (a rule
   * that needs a sink AND a source says so), and a list inside the list means ANY of those: `[SINK, [SOURCE, HATCH]]`.
   * Keep obfuscation escape hatches (`_0x[0-9a-f]{4}`, fromCharCode, …; see analyzers/js/hints.ts) as alternatives so
   * obfuscated payloads are still parsed. Share RegExp objects between rules: each is tested once per file.
   */
  prefilter?: Prefilter;
  /** Narrow by path/kind before the prefilter (e.g. only *.svg). */
  appliesTo?: (facts: FileFacts) => boolean;
  check(ctx: RuleContext, input: RuleInputs[I]): void;
}

/** A RegExp; or a list of which ALL must match, each a RegExp or a list of which ANY must match. */
export type Prefilter = RegExp | readonly (RegExp | readonly RegExp[])[];

/** Every RegExp of a prefilter (for checks and docs). */
export function prefilterRegExps(prefilter: Prefilter | undefined): RegExp[] {
  if (!prefilter) return [];
  if (prefilter instanceof RegExp) return [prefilter];
  return prefilter.flatMap((p) => (p instanceof RegExp ? [p] : [...p]));
}

/**
 * Whether `text` passes a rule's prefilter (no prefilter: always). `memo` caches each RegExp's answer for one text,
 * so a regex object shared by several rules runs once per file.
 */
export function prefilterMatches(prefilter: Prefilter | undefined, text: string | null, memo?: Map<RegExp, boolean>): boolean {
  if (!prefilter) return true;
  if (text === null) return false;
  const test = (re: RegExp): boolean => {
    let hit = memo?.get(re);
    if (hit === undefined) {
      re.lastIndex = 0;
      hit = re.test(text);
      memo?.set(re, hit);
    }
    return hit;
  };
  if (prefilter instanceof RegExp) return test(prefilter);
  for (const p of prefilter) {
    if (p instanceof RegExp ? !test(p) : !p.some(test)) return false;
  }
  return true;
}

/** Identity helper so ids, inputs and metadata are checked at the definition site. */
export function defineRule<const I extends RuleInput>(rule: Rule<I>): Rule<I> {
  return rule;
}

export type AnyRule = Rule<RuleInput>;
