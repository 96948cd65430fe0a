/**
 * Evaluation figures from per-sample results: recall per family, benign false positives with their causes, per-rule
 * precision, and the comparison of two runs. Pure functions: no I/O, so they are unit-tested without the corpus.
 */
import type { Label, Source } from './eval-corpus.js';

export type Outcome = 'malicious' | 'suspicious' | 'clean' | 'error' | 'skipped';

export interface FindingBrief {
  rule: string;
  file: string;
  line: number;
  severity: string;
  confidence: string;
  message: string;
}

export interface SampleResult {
  id: string;
  label: Label;
  group: string;
  source: Source;
  /** 'error': the scan itself failed (counts as a miss); 'skipped': the sample could not be obtained (not counted). */
  verdict: Outcome;
  score: number | null;
  top: FindingBrief | null;
  /** The strongest findings, as ranked by the scanner (at most a handful). */
  findings: FindingBrief[];
  /** Every rule that fired, with its number of findings. */
  ruleHits: Record<string, number>;
  /** Wall clock for the sample, preparation (decrypt/unpack) included. */
  durationMs: number;
  /** The scanner's own figure. */
  scanMs: number;
  files: number;
  bytes: number;
  /** Files the scan reported as errors (incomplete scan), and the first few of them. */
  scanErrors: number;
  scanErrorSamples?: { path: string; message: string }[];
  error?: string;
}

export interface GroupStats {
  group: string;
  label: Label;
  samples: number;
  /** Samples actually scanned (skipped ones excluded; errors included). */
  evaluated: number;
  malicious: number;
  suspicious: number;
  clean: number;
  errors: number;
  skipped: number;
  /** Malicious groups: share of malicious verdicts; benign groups: share of false `malicious`. */
  rate: number | null;
  /** Malicious groups: suspicious or worse; benign groups: share of `suspicious` or worse. */
  lenientRate: number | null;
}

export interface RuleStats {
  rule: string;
  maliciousSamples: number;
  benignSamples: number;
  maliciousFindings: number;
  benignFindings: number;
  /** Sample-level precision: malicious samples / samples it fired on. */
  precision: number | null;
}

export interface Totals {
  malicious: { samples: number; evaluated: number; detected: number; lenient: number; recall: number | null; lenientRecall: number | null };
  benign: { samples: number; evaluated: number; falseMalicious: number; falseSuspicious: number; fpRate: number | null; lenientFpRate: number | null };
  skipped: number;
  errors: number;
  files: number;
  bytes: number;
  scanMs: number;
  wallMs: number;
}

export interface EvalReport {
  schema: 'lurescan-eval/1';
  generatedAt: string;
  commit: string;
  toolVersion: string;
  ruleCount: number;
  corpus: string;
  mode: { zip: 'native' | 'extract'; tgz: 'native' | 'extract'; parallel: number; threads: number | 'auto'; scanner: 'src' | 'dist' };
  selection: { only?: string; npm: boolean; pypi: boolean };
  totals: Totals;
  groups: GroupStats[];
  falseMalicious: SampleResult[];
  falseSuspicious: SampleResult[];
  misses: SampleResult[];
  rules: RuleStats[];
  samples: SampleResult[];
}

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);

export function isDetected(r: SampleResult): boolean {
  return r.verdict === 'malicious';
}
export function isLenientDetected(r: SampleResult): boolean {
  return r.verdict === 'malicious' || r.verdict === 'suspicious';
}

export function groupStats(results: SampleResult[]): GroupStats[] {
  const by = new Map<string, SampleResult[]>();
  for (const r of results) {
    const key = `${r.label}\u0000${r.group}`;
    const list = by.get(key) ?? [];
    list.push(r);
    by.set(key, list);
  }
  const out: GroupStats[] = [];
  for (const list of by.values()) {
    const { label, group } = list[0]!;
    const count = (v: Outcome) => list.filter((r) => r.verdict === v).length;
    const skipped = count('skipped');
    const evaluated = list.length - skipped;
    const mal = count('malicious');
    const sus = count('suspicious');
    out.push({
      group,
      label,
      samples: list.length,
      evaluated,
      malicious: mal,
      suspicious: sus,
      clean: count('clean'),
      errors: count('error'),
      skipped,
      rate: ratio(mal, evaluated),
      lenientRate: ratio(mal + sus, evaluated),
    });
  }
  // Malicious families first, then benign; alphabetical within.
  return out.sort((a, b) => (a.label === b.label ? a.group.localeCompare(b.group) : a.label === 'malicious' ? -1 : 1));
}

export function ruleStats(results: SampleResult[]): RuleStats[] {
  const by = new Map<string, RuleStats>();
  for (const r of results) {
    if (r.verdict === 'skipped') continue;
    for (const [rule, n] of Object.entries(r.ruleHits)) {
      const s = by.get(rule) ?? { rule, maliciousSamples: 0, benignSamples: 0, maliciousFindings: 0, benignFindings: 0, precision: null };
      if (r.label === 'malicious') {
        s.maliciousSamples++;
        s.maliciousFindings += n;
      } else {
        s.benignSamples++;
        s.benignFindings += n;
      }
      by.set(rule, s);
    }
  }
  for (const s of by.values()) s.precision = ratio(s.maliciousSamples, s.maliciousSamples + s.benignSamples);
  return [...by.values()].sort((a, b) => b.maliciousSamples + b.benignSamples - (a.maliciousSamples + a.benignSamples) || a.rule.localeCompare(b.rule));
}

export function totals(results: SampleResult[], wallMs: number): Totals {
  const mal = results.filter((r) => r.label === 'malicious');
  const ben = results.filter((r) => r.label === 'benign');
  const malEval = mal.filter((r) => r.verdict !== 'skipped');
  const benEval = ben.filter((r) => r.verdict !== 'skipped');
  const detected = malEval.filter(isDetected).length;
  const lenient = malEval.filter(isLenientDetected).length;
  const falseMalicious = benEval.filter((r) => r.verdict === 'malicious').length;
  const falseSuspicious = benEval.filter((r) => r.verdict === 'suspicious').length;
  return {
    malicious: { samples: mal.length, evaluated: malEval.length, detected, lenient, recall: ratio(detected, malEval.length), lenientRecall: ratio(lenient, malEval.length) },
    benign: {
      samples: ben.length,
      evaluated: benEval.length,
      falseMalicious,
      falseSuspicious,
      fpRate: ratio(falseMalicious, benEval.length),
      lenientFpRate: ratio(falseMalicious + falseSuspicious, benEval.length),
    },
    skipped: results.filter((r) => r.verdict === 'skipped').length,
    errors: results.filter((r) => r.verdict === 'error').length,
    files: results.reduce((n, r) => n + r.files, 0),
    bytes: results.reduce((n, r) => n + r.bytes, 0),
    scanMs: results.reduce((n, r) => n + r.scanMs, 0),
    wallMs,
  };
}

export function buildReport(
  results: SampleResult[],
  meta: Pick<EvalReport, 'generatedAt' | 'commit' | 'toolVersion' | 'ruleCount' | 'corpus' | 'mode' | 'selection'>,
  wallMs: number,
): EvalReport {
  const samples = [...results].sort((a, b) => a.id.localeCompare(b.id));
  return {
    schema: 'lurescan-eval/1',
    ...meta,
    totals: totals(samples, wallMs),
    groups: groupStats(samples),
    falseMalicious: samples.filter((r) => r.label === 'benign' && r.verdict === 'malicious'),
    falseSuspicious: samples.filter((r) => r.label === 'benign' && r.verdict === 'suspicious'),
    misses: samples.filter((r) => r.label === 'malicious' && r.verdict !== 'skipped' && !isDetected(r)),
    rules: ruleStats(samples),
    samples,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Comparison of two runs

export interface Change {
  id: string;
  label: Label;
  was: Outcome;
  now: Outcome;
}
export interface Comparison {
  /** Malicious samples that were `malicious` and are not any more. */
  newMisses: Change[];
  /** Malicious samples that were suspicious and are now clean or failed. */
  newLenientMisses: Change[];
  /** Benign samples newly called `malicious`. */
  newFalseMalicious: Change[];
  /** Benign samples that were clean and are now `suspicious`. */
  newFalseSuspicious: Change[];
  /** Improvements, for the record. */
  fixed: Change[];
  added: string[];
  removed: string[];
  regression: boolean;
}

const rank: Record<Outcome, number> = { skipped: -1, error: 0, clean: 0, suspicious: 1, malicious: 2 };

export function compareReports(prev: Pick<EvalReport, 'samples'>, cur: Pick<EvalReport, 'samples'>): Comparison {
  const before = new Map(prev.samples.map((s) => [s.id, s]));
  const after = new Map(cur.samples.map((s) => [s.id, s]));
  const c: Comparison = { newMisses: [], newLenientMisses: [], newFalseMalicious: [], newFalseSuspicious: [], fixed: [], added: [], removed: [], regression: false };
  for (const [id, now] of after) {
    const was = before.get(id);
    if (!was) {
      c.added.push(id);
      continue;
    }
    if (was.verdict === 'skipped' || now.verdict === 'skipped' || was.verdict === now.verdict) continue;
    const ch: Change = { id, label: now.label, was: was.verdict, now: now.verdict };
    const up = rank[now.verdict] > rank[was.verdict];
    if (now.label === 'malicious') {
      if (up) c.fixed.push(ch);
      else if (was.verdict === 'malicious') c.newMisses.push(ch);
      else if (was.verdict === 'suspicious') c.newLenientMisses.push(ch);
    } else {
      if (!up) c.fixed.push(ch);
      else if (now.verdict === 'malicious') c.newFalseMalicious.push(ch);
      else if (now.verdict === 'suspicious') c.newFalseSuspicious.push(ch);
    }
  }
  for (const id of before.keys()) if (!after.has(id)) c.removed.push(id);
  c.regression = c.newMisses.length + c.newLenientMisses.length + c.newFalseMalicious.length + c.newFalseSuspicious.length > 0;
  return c;
}

export function renderComparison(c: Comparison): string {
  const lines: string[] = [];
  const section = (title: string, list: Change[]) => {
    if (!list.length) return;
    lines.push(`${title} (${list.length}):`);
    for (const ch of list) lines.push(`  ${ch.id}: ${ch.was} -> ${ch.now}`);
  };
  section('NEW MISSES', c.newMisses);
  section('NEW LENIENT MISSES (suspicious -> clean)', c.newLenientMisses);
  section('NEW FALSE MALICIOUS', c.newFalseMalicious);
  section('NEW FALSE SUSPICIOUS', c.newFalseSuspicious);
  section('Fixed', c.fixed);
  if (c.added.length) lines.push(`Added samples: ${c.added.length}`);
  if (c.removed.length) lines.push(`Removed samples: ${c.removed.length}`);
  lines.push(c.regression ? 'Regression: yes' : 'Regression: none');
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// Rendering

export const pct = (x: number | null): string => (x === null ? '–' : `${(100 * x).toFixed(1)}%`);
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mb = (b: number) => `${(b / 1e6).toFixed(1)} MB`;
const md = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
export const where = (f: FindingBrief | null): string => (f ? `${f.rule} ${f.file}:${f.line}` : '–');

export function renderMarkdown(r: EvalReport): string {
  const t = r.totals;
  const out: string[] = [];
  out.push('# lurescan evaluation report', '');
  out.push(
    `Generated ${r.generatedAt} by \`npm run eval\` at commit \`${r.commit}\` (lurescan ${r.toolVersion}, ${r.ruleCount} rules). ` +
      `Corpus: \`${r.corpus}\`. Zips scanned ${r.mode.zip === 'native' ? 'in place (scanner zip input)' : 'after decrypting with unzip into a temp folder'}; ` +
      `npm tarballs ${r.mode.tgz === 'native' ? 'in place (scanner tgz input)' : 'after unpacking with tar into a temp folder'}.` +
      (r.selection.only ? ` Only samples matching \`${r.selection.only}\`.` : '') +
      (!r.selection.npm ? ' Benign npm packages not included.' : '') +
      (!r.selection.pypi ? ' PyPI samples not included.' : ''),
    '',
  );
  out.push('## Totals', '');
  out.push('| | samples | scanned | result |', '|---|---:|---:|---|');
  out.push(`| malicious | ${t.malicious.samples} | ${t.malicious.evaluated} | recall ${pct(t.malicious.recall)} (${t.malicious.detected}), lenient recall ${pct(t.malicious.lenientRecall)} (${t.malicious.lenient}) |`);
  out.push(`| benign | ${t.benign.samples} | ${t.benign.evaluated} | false malicious ${t.benign.falseMalicious} (${pct(t.benign.fpRate)}), false suspicious ${t.benign.falseSuspicious} (suspicious or worse ${pct(t.benign.lenientFpRate)}) |`);
  out.push('');
  out.push(`Scan errors: ${t.errors}; samples not obtained (skipped): ${t.skipped}. ${t.files} files, ${mb(t.bytes)} scanned; scan time ${secs(t.scanMs)} (sum), wall time ${secs(t.wallMs)}.`, '');

  out.push('## Per group', '');
  out.push('| group | label | samples | malicious | suspicious | clean | error | skipped | recall / false malicious | lenient |', '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const g of r.groups) {
    out.push(`| ${g.group} | ${g.label} | ${g.samples} | ${g.malicious} | ${g.suspicious} | ${g.clean} | ${g.errors} | ${g.skipped} | ${pct(g.rate)} | ${pct(g.lenientRate)} |`);
  }
  out.push('', 'For malicious groups the two rates are recall (verdict `malicious`) and lenient recall (`suspicious` or worse); for benign groups they are the false `malicious` rate and the `suspicious`-or-worse rate.', '');

  const fpSection = (title: string, list: SampleResult[]) => {
    out.push(`## ${title} (${list.length})`, '');
    if (!list.length) {
      out.push('None.', '');
      return;
    }
    for (const s of list) {
      out.push(`- **${s.id}** (${s.group}) score ${s.score}`);
      for (const f of s.findings) out.push(`  - \`${f.rule}\` ${md(f.file)}:${f.line} ${f.severity}/${f.confidence} — ${md(cut(f.message, 160))}`);
    }
    out.push('');
  };
  fpSection('Benign samples called malicious', r.falseMalicious);
  fpSection('Benign samples called suspicious', r.falseSuspicious);

  out.push(`## Missed malicious samples (${r.misses.length})`, '');
  const zipMisses = r.misses.filter((s) => s.source !== 'pypi');
  const pypiMisses = r.misses.filter((s) => s.source === 'pypi');
  for (const s of zipMisses) out.push(`- **${s.id}** (${s.group}): ${s.verdict}${s.score !== null ? ` ${s.score}` : ''}, top: ${md(where(s.top))}${s.error ? ` — error: ${md(cut(s.error, 200))}` : ''}`);
  if (pypiMisses.length) out.push(`- PyPI: ${pypiMisses.length} of ${r.samples.filter((s) => s.source === 'pypi' && s.verdict !== 'skipped').length} versions not called malicious (listed in the per-sample table).`);
  if (!r.misses.length) out.push('None.');
  out.push('');

  const incomplete = r.samples.filter((s) => s.scanErrors > 0);
  out.push(`## Incomplete scans (${incomplete.length})`, '');
  out.push('Samples where the scanner reported files it could not examine (timeouts, size limits, unreadable entries).', '');
  for (const s of incomplete) {
    const first = (s.scanErrorSamples ?? []).map((e) => `${md(e.path)}: ${md(cut(e.message, 80))}`).join('; ');
    out.push(`- **${s.id}**: ${s.scanErrors} file error(s)${first ? ` — ${first}` : ''}`);
  }
  if (!incomplete.length) out.push('None.');
  out.push('');

  out.push('## Per rule', '');
  out.push('Samples (and findings) each rule fired on; precision = malicious samples / samples it fired on.', '');
  out.push('| rule | malicious samples | benign samples | malicious findings | benign findings | precision |', '|---|---:|---:|---:|---:|---:|');
  for (const s of r.rules) out.push(`| ${s.rule} | ${s.maliciousSamples} | ${s.benignSamples} | ${s.maliciousFindings} | ${s.benignFindings} | ${pct(s.precision)} |`);
  if (!r.rules.length) out.push('| (no rule fired) | | | | | |');
  out.push('');

  out.push('## Per sample', '');
  const table = (list: SampleResult[]) => {
    out.push('| sample | label | group | verdict | score | top finding | duration |', '|---|---|---|---|---:|---|---:|');
    for (const s of list) {
      const ok = s.label === 'malicious' ? s.verdict === 'malicious' : s.verdict === 'clean';
      const mark = s.verdict === 'skipped' ? '' : ok ? '' : ' ✗';
      out.push(`| ${md(s.id)} | ${s.label} | ${s.group} | ${s.verdict}${mark} | ${s.score ?? '–'} | ${md(s.error ? `error: ${cut(s.error, 80)}` : where(s.top))} | ${s.durationMs} ms |`);
    }
    out.push('');
  };
  const repos = r.samples.filter((s) => s.source === 'zip');
  const pypi = r.samples.filter((s) => s.source === 'pypi');
  const npm = r.samples.filter((s) => s.source === 'npm');
  if (repos.length) {
    out.push('### Repositories and packages (corpus zips)', '');
    table(repos);
  }
  for (const [title, list] of [
    ['PyPI malicious versions', pypi],
    ['Benign npm packages', npm],
  ] as const) {
    if (!list.length) continue;
    out.push(`### ${title}`, '', `<details><summary>${list.length} samples</summary>`, '');
    table(list);
    out.push('</details>', '');
  }
  return out.join('\n');
}

/** The plain-text table for stdout: one line per sample, then the group figures. */
export function renderText(r: EvalReport): string {
  const out: string[] = [];
  const w = Math.min(60, Math.max(10, ...r.samples.map((s) => s.id.length)));
  out.push(`${'sample'.padEnd(w)}  ${'label'.padEnd(9)} ${'verdict'.padEnd(10)} ${'score'.padStart(5)} ${'ms'.padStart(7)}  top finding`);
  for (const s of r.samples) {
    const ok = s.verdict === 'skipped' || (s.label === 'malicious' ? s.verdict === 'malicious' : s.verdict === 'clean');
    out.push(
      `${cut(s.id, w).padEnd(w)}  ${s.label.padEnd(9)} ${(s.verdict + (ok ? '' : '*')).padEnd(10)} ${String(s.score ?? '-').padStart(5)} ${String(s.durationMs).padStart(7)}  ${s.error ? `error: ${cut(s.error, 70)}` : where(s.top)}${s.scanErrors ? ` [${s.scanErrors} file errors]` : ''}`,
    );
  }
  out.push('', '* = not the expected verdict (malicious for malicious samples, clean for benign ones)', '');
  out.push(`${'group'.padEnd(22)} ${'label'.padEnd(9)} ${'n'.padStart(4)} ${'mal'.padStart(4)} ${'sus'.padStart(4)} ${'clean'.padStart(5)} ${'err'.padStart(4)} ${'skip'.padStart(4)} ${'rate'.padStart(7)} ${'lenient'.padStart(7)}`);
  for (const g of r.groups) {
    out.push(
      `${g.group.padEnd(22)} ${g.label.padEnd(9)} ${String(g.samples).padStart(4)} ${String(g.malicious).padStart(4)} ${String(g.suspicious).padStart(4)} ${String(g.clean).padStart(5)} ${String(g.errors).padStart(4)} ${String(g.skipped).padStart(4)} ${pct(g.rate).padStart(7)} ${pct(g.lenientRate).padStart(7)}`,
    );
  }
  const t = r.totals;
  out.push('');
  out.push(`malicious: recall ${pct(t.malicious.recall)} (${t.malicious.detected}/${t.malicious.evaluated}), lenient ${pct(t.malicious.lenientRecall)} (${t.malicious.lenient}/${t.malicious.evaluated})`);
  out.push(`benign: false malicious ${t.benign.falseMalicious}/${t.benign.evaluated}, false suspicious ${t.benign.falseSuspicious}/${t.benign.evaluated}`);
  out.push(`errors ${t.errors}, skipped ${t.skipped}, ${t.files} files, ${mb(t.bytes)}, scan ${secs(t.scanMs)}, wall ${secs(t.wallMs)}`);
  return out.join('\n');
}
