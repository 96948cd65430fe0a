// Unit tests of the eval harness's figures and comparison (no corpus needed).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { groupOf, packFileName } from '../../scripts/eval-corpus.js';
import { buildReport, compareReports, renderMarkdown, renderText, type Outcome, type SampleResult } from '../../scripts/eval-metrics.js';

function sample(id: string, label: 'malicious' | 'benign', group: string, verdict: Outcome, rules: Record<string, number> = {}): SampleResult {
  const findings = Object.keys(rules).map((rule, i) => ({ rule, file: 'a.js', line: i + 1, severity: 'high', confidence: 'high', message: `${rule} hit` }));
  return {
    id,
    label,
    group,
    source: 'zip',
    verdict,
    score: verdict === 'malicious' ? 95 : verdict === 'suspicious' ? 50 : verdict === 'clean' ? 0 : null,
    top: findings[0] ?? null,
    findings,
    ruleHits: rules,
    durationMs: 10,
    scanMs: 8,
    files: 3,
    bytes: 1000,
    scanErrors: 0,
  };
}

const meta = {
  generatedAt: '2026-11-25T00:00:00.000Z',
  commit: 'abc1234',
  toolVersion: '0.1.0',
  ruleCount: 3,
  corpus: '../shared/corpus',
  mode: { zip: 'extract' as const, tgz: 'extract' as const, parallel: 2, threads: 0, scanner: 'src' as const },
  selection: { npm: true, pypi: true },
};

const results = [
  sample('ci-a', 'malicious', 'contagious-interview', 'malicious', { 'fn-ctor': 2 }),
  sample('ci-b', 'malicious', 'contagious-interview', 'suspicious', { 'fetch-eval': 1 }),
  sample('ci-c', 'malicious', 'contagious-interview', 'error'),
  sample('pr-a', 'malicious', 'polinrider', 'malicious', { whitespace: 1, 'fn-ctor': 1 }),
  sample('bn-a', 'benign', 'benign-repo', 'clean'),
  sample('bn-b', 'benign', 'benign-repo', 'suspicious', { 'fetch-eval': 3 }),
  sample('npm/x@1.0.0', 'benign', 'benign-npm', 'malicious', { 'fn-ctor': 1 }),
  sample('npm/y@1.0.0', 'benign', 'benign-npm', 'skipped'),
];

describe('eval metrics', () => {
  const r = buildReport(results, meta, 1234);

  it('computes recall and lenient recall per family, errors counting as misses', () => {
    const ci = r.groups.find((g) => g.group === 'contagious-interview')!;
    assert.equal(ci.samples, 3);
    assert.equal(ci.malicious, 1);
    assert.equal(ci.errors, 1);
    assert.equal(ci.rate, 1 / 3);
    assert.equal(ci.lenientRate, 2 / 3);
    assert.equal(r.totals.malicious.recall, 2 / 4);
    assert.equal(r.totals.malicious.lenientRecall, 3 / 4);
  });

  it('leaves skipped samples out of the rates and lists benign false positives', () => {
    const npm = r.groups.find((g) => g.group === 'benign-npm')!;
    assert.equal(npm.evaluated, 1);
    assert.equal(npm.skipped, 1);
    assert.equal(npm.rate, 1);
    assert.deepEqual(r.falseMalicious.map((s) => s.id), ['npm/x@1.0.0']);
    assert.deepEqual(r.falseSuspicious.map((s) => s.id), ['bn-b']);
    assert.equal(r.totals.benign.evaluated, 3);
    assert.deepEqual(r.misses.map((s) => s.id), ['ci-b', 'ci-c']);
  });

  it('counts per-rule hits on malicious vs benign samples', () => {
    const fn = r.rules.find((s) => s.rule === 'fn-ctor')!;
    assert.deepEqual([fn.maliciousSamples, fn.benignSamples, fn.maliciousFindings, fn.benignFindings], [2, 1, 3, 1]);
    assert.equal(fn.precision, 2 / 3);
    assert.equal(r.rules.find((s) => s.rule === 'fetch-eval')!.precision, 0.5);
  });

  it('renders markdown and text with every section', () => {
    const md = renderMarkdown(r);
    for (const h of ['## Totals', '## Per group', '## Benign samples called malicious (1)', '## Benign samples called suspicious (1)', '## Per rule', '## Per sample'])
      assert.ok(md.includes(h), h);
    assert.match(md, /`fn-ctor` a\.js:1/);
    const text = renderText(r);
    assert.match(text, /ci-b\s+malicious suspicious\*/);
    assert.match(text, /recall 50\.0% \(2\/4\)/);
  });
});

describe('eval comparison', () => {
  const prev = { samples: results };
  it('reports no regression against itself', () => {
    const c = compareReports(prev, { samples: results });
    assert.equal(c.regression, false);
  });

  it('flags new misses and new false positives, and records fixes', () => {
    const cur = results.map((s) => {
      if (s.id === 'pr-a') return { ...s, verdict: 'suspicious' as const };
      if (s.id === 'ci-b') return { ...s, verdict: 'clean' as const };
      if (s.id === 'bn-a') return { ...s, verdict: 'suspicious' as const };
      if (s.id === 'npm/x@1.0.0') return { ...s, verdict: 'clean' as const };
      if (s.id === 'ci-c') return { ...s, verdict: 'malicious' as const };
      return s;
    });
    cur.push(sample('bn-new', 'benign', 'benign-repo', 'malicious'));
    const c = compareReports(prev, { samples: cur });
    assert.deepEqual(c.newMisses.map((x) => x.id), ['pr-a']);
    assert.deepEqual(c.newLenientMisses.map((x) => x.id), ['ci-b']);
    assert.deepEqual(c.newFalseSuspicious.map((x) => x.id), ['bn-a']);
    assert.deepEqual(c.newFalseMalicious, []);
    assert.deepEqual(c.fixed.map((x) => x.id).sort(), ['ci-c', 'npm/x@1.0.0']);
    assert.deepEqual(c.added, ['bn-new']);
    assert.equal(c.regression, true);
  });

  it('ignores samples skipped in either run', () => {
    const cur = results.map((s) => (s.id === 'pr-a' ? { ...s, verdict: 'skipped' as const } : s));
    assert.equal(compareReports(prev, { samples: cur }).regression, false);
  });
});

describe('eval corpus helpers', () => {
  it('names npm pack tarballs like npm does', () => {
    assert.equal(packFileName('semver@7.8.6'), 'semver-7.8.6.tgz');
    assert.equal(packFileName('@swc/core@1.16.22'), 'swc-core-1.16.22.tgz');
  });
  it('groups samples by family prefix', () => {
    assert.equal(groupOf('pr-wedocs-plugin', 'malicious', 'zip'), 'polinrider');
    assert.equal(groupOf('npm-sonatype-collection/lodashs', 'malicious', 'zip'), 'npm-malicious');
    assert.equal(groupOf('hardneg-mern-ecommerce-axhamit', 'benign', 'zip'), 'benign-hard-negative');
    assert.equal(groupOf('x', 'benign', 'npm'), 'benign-npm');
  });
});
