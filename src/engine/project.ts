import type { Finding } from '../core/finding.js';
import type { FileFacts, FileKind, ProjectView } from '../core/inputs.js';
import { LineIndex } from '../core/location.js';
import type { ScanError } from '../core/report.js';
import type { AnyRule, RuleContext } from '../core/rule.js';
import { extOf, isVendoredPath } from '../analyzers/file-facts.js';
import { makeFinding } from './findings.js';

/**
 * Runs the project-level rules once, on the main thread, with the autorun map in hand. Rules `early` already ran (see
 * runProjectRulesEarly) are not run again: their results are taken as they were. Findings come in rule order either way.
 */
export function runProjectRules(rules: readonly AnyRule[], view: ProjectView, early?: EarlyProjectRun): { findings: Finding[]; errors: ScanError[] } {
  const findings: Finding[] = [];
  const errors: ScanError[] = [];
  const indexFor = lineIndexes(view);
  for (const rule of rules) {
    if (rule.input !== 'project') continue;
    const out = early?.done.get(rule) ?? runOne(rule, view, indexFor);
    findings.push(...out.findings);
    errors.push(...out.errors);
  }
  return { findings, errors };
}

type RuleOutput = { findings: Finding[]; errors: ScanError[] };
/** What the early run settled: each rule that did not need the analysis, with its findings and errors. */
export interface EarlyProjectRun {
  done: Map<AnyRule, RuleOutput>;
}

/**
 * The project rules run while the worker threads analyse the files (the main thread is idle then): most of them read
 * only paths, manifests and configs, and on a lure repo they were ~0.15 s of wall time after the last worker finished.
 * The view they get has the files' paths, extensions, sizes and vendored flags; the facts only the per-file analysis
 * computes (kind, text, line counts, minified) are pending. A rule that reads one is not trusted with its early run,
 * even if it caught the error the read throws: its findings are dropped and it runs again with the full view once the
 * analysis is done (runProjectRules, given this run's result). One rule at a time, yielding in between, so the main
 * thread still hands the workers their next batches.
 */
export async function runProjectRulesEarly(rules: readonly AnyRule[], view: ProjectView): Promise<EarlyProjectRun> {
  const done = new Map<AnyRule, RuleOutput>();
  const indexFor = lineIndexes(view);
  for (const rule of rules) {
    if (rule.input !== 'project') continue;
    await new Promise((r) => setImmediate(r));
    pendingRead = false;
    const out = runOne(rule, view, indexFor);
    if (!pendingRead) done.set(rule, out);
  }
  pendingRead = false;
  return { done };
}

/** Facts of a file before its analysis: path, extension, size and vendored are known; reading the rest marks the rule. */
export function factsBeforeAnalysis(path: string, size: number): FileFacts {
  return new PendingFacts(path, extOf(path), size, isVendoredPath(path));
}

/** Set when a rule read a pending fact (see runProjectRulesEarly); reset before each rule. */
let pendingRead = false;

class FactNotYetKnown extends Error {}

class PendingFacts implements FileFacts {
  constructor(
    readonly path: string,
    readonly ext: string,
    readonly size: number,
    readonly vendored: boolean,
  ) {}
  private pending(): never {
    pendingRead = true;
    throw new FactNotYetKnown(`the facts of ${this.path} are computed by the per-file analysis, which has not finished`);
  }
  get kind(): FileKind {
    return this.pending();
  }
  get isText(): boolean {
    return this.pending();
  }
  get lineCount(): number {
    return this.pending();
  }
  get maxLineLength(): number {
    return this.pending();
  }
  get minified(): boolean {
    return this.pending();
  }
}

function lineIndexes(view: ProjectView): (file: string) => LineIndex | null {
  const indexes = new Map<string, LineIndex | null>();
  return (file) => {
    if (!indexes.has(file)) {
      const text = view.readText(file);
      indexes.set(file, text === null ? null : new LineIndex(text));
    }
    return indexes.get(file)!;
  };
}

function runOne(rule: AnyRule, view: ProjectView, indexFor: (file: string) => LineIndex | null): RuleOutput {
  const findings: Finding[] = [];
  const errors: ScanError[] = [];
  const ctx: RuleContext = {
    path: '',
    facts: { path: '', ext: '', kind: 'other', size: 0, isText: false, lineCount: 0, maxLineLength: 0, vendored: false, minified: false },
    report: (args) => {
      const file = args.file ?? '';
      try {
        findings.push(makeFinding(rule, file, file ? indexFor(file) : null, args));
      } catch (e) {
        errors.push({ path: file, message: `rule ${rule.id} reported an unlocatable finding: ${(e as Error).message}` });
      }
    },
  };
  try {
    rule.check(ctx, view as never);
  } catch (e) {
    if (!(e instanceof FactNotYetKnown)) errors.push({ path: '.', message: `rule ${rule.id} crashed: ${(e as Error)?.message ?? e}` });
  }
  return { findings, errors };
}
