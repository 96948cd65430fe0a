import type { Confidence, Finding, Severity } from './finding.js';
import type { Verdict } from './report.js';
import type { RuleMeta } from './rule.js';

/**
 * Turns findings into a verdict. Each finding is a probability-like weight; weights combine as a noisy-OR so many weak
 * hits approach but rarely reach certainty, while one near-certain signal decides alone.
 *
 * GuardDog's lesson: a capability alone (spawn, fetch, eval) is common in benign code; a threat (decoded URL, wallet
 * paths, hidden code) alone can be noise; together in one file or flow they are a risk. Vendored/minified code weighs
 * less, autorun-reachable code more — but THREATS.md §5 signals are never discounted.
 */
const SEVERITY_WEIGHT: Record<Severity, number> = { critical: 0.9, high: 0.6, medium: 0.3, low: 0.1, info: 0 };
const CONFIDENCE_FACTOR: Record<Confidence, number> = { high: 1, medium: 0.7, low: 0.4 };

export const MALICIOUS_SCORE = 80;
export const SUSPICIOUS_SCORE = 40;

/**
 * Why a finding weighs less for where it sits, or undefined when it weighs in full. Vendored code (node_modules, dist,
 * *.min.js) aliases eval and fetch all the time; a minified file in the source tree is usually a pasted library. But
 * code that runs by itself (reached by an autorun entry) counts in full outside node_modules, and obfuscation findings
 * are not discounted for the minified look that obfuscation itself produces.
 */
export function locationNote(f: Finding, facts: { vendored: boolean; minified: boolean } | undefined, meta: RuleMeta | undefined): string | undefined {
  if (!facts) return undefined;
  if (facts.vendored) return f.autorun && !/(^|\/)node_modules\//.test(f.file) && !facts.minified ? undefined : 'vendored code';
  if (!facts.minified) return undefined;
  if (f.autorun || meta?.category === 'obfuscation') return undefined;
  return 'minified or bundled code';
}

/** Threat categories whose meeting in one file is a behaviour chain (GuardDog's combination: install hook + exfiltration). */
const CHAIN_CATEGORIES = new Set(['autorun', 'execution', 'stealing', 'exfiltration', 'persistence', 'evasion']);
/** Weight added once when two or more chain categories meet in one file, each at least medium severity and confidence. */
export const CHAIN_WEIGHT = 0.6;

/**
 * Files where threat findings of two or more distinct chain categories meet (each at least medium severity, at least
 * medium confidence, not discounted for its location): e.g. code run at install time that also sends host data out.
 * Returns the file and the categories that met, for the first such file.
 */
export function chainedFile(findings: Finding[], metas: Record<string, RuleMeta>): { file: string; categories: string[] } | undefined {
  const byFile = new Map<string, Set<string>>();
  for (const f of findings) {
    const meta = metas[f.ruleId];
    if (!meta || meta.kind !== 'threat' || !CHAIN_CATEGORIES.has(meta.category) || f.weightNote) continue;
    if (f.severity === 'low' || f.severity === 'info' || f.confidence === 'low') continue;
    let cats = byFile.get(f.file);
    if (!cats) byFile.set(f.file, (cats = new Set()));
    cats.add(meta.category);
  }
  for (const [file, cats] of byFile) if (cats.size >= 2) return { file, categories: [...cats].sort() };
  return undefined;
}

export interface Scored {
  verdict: Verdict;
  score: number;
  /** Findings ordered by their contribution, strongest first. */
  ranked: Finding[];
}

export function findingWeight(f: Finding, meta: RuleMeta | undefined, capabilityOnlyFiles: Set<string>): number {
  let w = SEVERITY_WEIGHT[f.severity] * CONFIDENCE_FACTOR[f.confidence];
  if (meta?.nearCertain && f.confidence === 'high') return w;
  if (meta?.kind === 'capability' && capabilityOnlyFiles.has(f.file)) w *= 0.3;
  if (f.weightNote) w *= 0.5;
  if (f.autorun) w = Math.min(0.97, w * 1.3);
  return w;
}

export function scoreFindings(findings: Finding[], metas: Record<string, RuleMeta>): Scored {
  // Files where every finding is a mere capability: no threat signal met it there.
  const threatFiles = new Set(findings.filter((f) => metas[f.ruleId]?.kind === 'threat').map((f) => f.file));
  const capabilityOnly = new Set(findings.map((f) => f.file).filter((file) => !threatFiles.has(file)));
  const weighted = findings.map((f) => ({ f, w: findingWeight(f, metas[f.ruleId], capabilityOnly) }));
  weighted.sort((a, b) => b.w - a.w);
  let clean = 1;
  // Repeated hits of one rule add little: only the strongest three of each rule count.
  const perRule = new Map<string, number>();
  let decisive = false;
  for (const { f, w } of weighted) {
    const n = perRule.get(f.ruleId) ?? 0;
    perRule.set(f.ruleId, n + 1);
    if (n >= 3) continue;
    clean *= 1 - w * (n === 0 ? 1 : 0.5);
    const meta = metas[f.ruleId];
    if (meta?.nearCertain && f.confidence === 'high' && (f.severity === 'critical' || f.severity === 'high')) decisive = true;
  }
  if (chainedFile(findings, metas)) clean *= 1 - CHAIN_WEIGHT;
  let score = Math.round(100 * (1 - clean));
  if (decisive) score = Math.max(score, 95);
  const verdict: Verdict = score >= MALICIOUS_SCORE ? 'malicious' : score >= SUSPICIOUS_SCORE ? 'suspicious' : 'clean';
  return { verdict, score, ranked: weighted.map((x) => x.f) };
}
