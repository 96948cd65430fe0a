import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Finding } from '../core/finding.js';
import type { AnyRule, Rule, RuleInput } from '../core/rule.js';
import { analyzeFile } from '../engine/analyze-file.js';
import { loadPython } from '../analyzers/python/parse.js';
import { runProjectRules } from '../engine/project.js';
import { runObservationRules } from '../engine/observations.js';
import type { Observations } from '../core/observations.js';
import type { RegistryFacts } from '../core/inputs.js';
import { computeFacts } from '../analyzers/file-facts.js';
import { buildAutorunMap } from '../analyzers/autorun/index.js';

/** Expected finding: only the fields given are compared (line is required so every case pins a location). */
export interface ExpectedFinding {
  line: number;
  column?: number;
  evidence?: string | RegExp;
  decoded?: string | RegExp;
  message?: string | RegExp;
  severity?: Finding['severity'];
  confidence?: Finding['confidence'];
  file?: string;
}

export interface CleanCase {
  /** For file/js-ast rules: the file path. */
  file?: string;
  code?: string;
  /** For file rules on binary content: the raw bytes (instead of `code`). */
  bytes?: Uint8Array;
  /** For observation rules: what the jail saw. */
  observations?: Observations;
  /** For project rules: a whole tree (path → text). */
  files?: Record<string, string>;
  /** For project rules: what online mode's registry lookups said (absent = an offline scan). */
  registry?: RegistryFacts;
  name?: string;
}
export interface FlaggedCase extends CleanCase {
  findings: ExpectedFinding[];
}

/** Registers node:test cases for a rule, from literal tables (ESLint RuleTester style): clean cases must yield nothing. */
export function ruleTest<I extends RuleInput>(rule: Rule<I>, cases: { clean: CleanCase[]; flagged: FlaggedCase[] }): void {
  describe(rule.id, () => {
    // The engine loads the Python grammar when it meets the first Python file; a rule's cases are run synchronously.
    if (rule.input === 'py-ast') before(() => loadPython());
    assert.ok(cases.clean.length > 0, 'a rule needs at least one clean (look-alike benign) case');
    assert.ok(cases.flagged.length > 0, 'a rule needs at least one flagged case');
    for (const [i, c] of cases.clean.entries()) {
      it(`clean: ${c.name ?? c.file ?? i}`, () => {
        const { findings, errors } = runRuleOn(rule as AnyRule, c);
        assert.deepEqual(errors, [], 'rule errors');
        assert.deepEqual(findings.map(brief), [], 'expected no findings');
      });
    }
    for (const [i, c] of cases.flagged.entries()) {
      it(`flagged: ${c.name ?? c.file ?? i}`, () => {
        const { findings, errors } = runRuleOn(rule as AnyRule, c);
        assert.deepEqual(errors, [], 'rule errors');
        assert.equal(findings.length, c.findings.length, `expected ${c.findings.length} findings, got ${JSON.stringify(findings.map(brief), null, 1)}`);
        const sorted = [...findings].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
        c.findings.forEach((exp, k) => {
          const got = sorted[k]!;
          assert.equal(got.line, exp.line, `finding ${k} line`);
          if (exp.file !== undefined) assert.equal(got.file, exp.file, `finding ${k} file`);
          if (exp.column !== undefined) assert.equal(got.column, exp.column, `finding ${k} column`);
          for (const key of ['evidence', 'decoded', 'message'] as const) {
            const want = exp[key];
            if (want === undefined) continue;
            const have = got[key] ?? '';
            if (want instanceof RegExp) assert.match(have, want, `finding ${k} ${key}`);
            else assert.equal(have, want, `finding ${k} ${key}`);
          }
          if (exp.severity) assert.equal(got.severity, exp.severity, `finding ${k} severity`);
          if (exp.confidence) assert.equal(got.confidence, exp.confidence, `finding ${k} confidence`);
        });
      });
    }
  });
}

/** Runs one rule the way the engine would, on a single file or an in-memory tree. */
export function runRuleOn(rule: AnyRule, c: CleanCase): { findings: Finding[]; errors: { path: string; message: string }[] } {
  if (rule.input === 'observations') {
    if (!c.observations) throw new Error('an observations rule case needs `observations`');
    return runObservationRules([rule], c.observations);
  }
  if (rule.input === 'project') {
    const tree = c.files ?? { [c.file ?? 'index.js']: c.code ?? '' };
    const enc = new TextEncoder();
    const files = Object.entries(tree).map(([p, text]) => computeFacts(p, enc.encode(text), text));
    const readText = (p: string) => tree[p] ?? null;
    const autorun = buildAutorunMap({ files, readText });
    return runProjectRules([rule], { files, readText, autorun, registry: c.registry });
  }
  const path = c.file ?? 'index.js';
  const r = analyzeFile(path, c.bytes ?? new TextEncoder().encode(c.code ?? ''), [rule]);
  return { findings: r.findings, errors: r.errors };
}

function brief(f: Finding) {
  return `${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.evidence.slice(0, 120)}`;
}
