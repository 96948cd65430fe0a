import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding } from './finding.js';
import type { RuleMeta } from './rule.js';
import { chainedFile, locationNote, scoreFindings } from './score.js';

const meta = (over: Partial<RuleMeta>): RuleMeta => ({ kind: 'threat', category: 'execution', severity: 'high', confidence: 'high', summary: 's', why: 'w', fix: 'f', falsePositives: 'fp', references: ['r'], status: 'stable', ...over });
const finding = (over: Partial<Finding>): Finding => ({ ruleId: 'r', severity: 'high', confidence: 'high', file: 'a.js', line: 1, column: 1, endLine: 1, endColumn: 2, message: 'm', evidence: 'e', ...over });

describe('scoring', () => {
  it('one near-certain critical signal decides alone', () => {
    const s = scoreFindings([finding({ ruleId: 'nc', severity: 'critical' })], { nc: meta({ nearCertain: true }) });
    assert.equal(s.verdict, 'malicious');
    assert.ok(s.score >= 95);
  });
  it('a lone capability is discounted; with a threat in the same file it counts', () => {
    const metas = { cap: meta({ kind: 'capability', severity: 'high' }), thr: meta({ severity: 'medium' }) };
    const alone = scoreFindings([finding({ ruleId: 'cap' })], metas);
    const together = scoreFindings([finding({ ruleId: 'cap' }), finding({ ruleId: 'thr', severity: 'medium' })], metas);
    assert.equal(alone.verdict, 'clean');
    assert.ok(together.score > alone.score + 30);
  });
  it('repeats of one rule add little', () => {
    const many = Array.from({ length: 20 }, (_, i) => finding({ ruleId: 'low', severity: 'medium', confidence: 'medium', line: i + 1 }));
    assert.notEqual(scoreFindings(many, { low: meta({ severity: 'medium' }) }).verdict, 'malicious');
  });
});

describe('combination of threat categories in one file', () => {
  const metas = { hook: meta({ category: 'autorun', severity: 'high' }), exf: meta({ category: 'exfiltration', severity: 'medium' }), exf2: meta({ category: 'exfiltration', severity: 'medium' }) };
  const hook = (over: Partial<Finding> = {}) => finding({ ruleId: 'hook', severity: 'high', confidence: 'medium', file: 'setup.py', ...over });
  const exf = (over: Partial<Finding> = {}) => finding({ ruleId: 'exf', severity: 'medium', confidence: 'medium', file: 'setup.py', ...over });
  it('install-time code and exfiltration in the same file add a combined weight', () => {
    const apart = scoreFindings([hook(), exf({ file: 'other.py' })], metas);
    const together = scoreFindings([hook(), exf()], metas);
    assert.notEqual(apart.verdict, 'malicious');
    assert.equal(together.verdict, 'malicious');
    assert.deepEqual(chainedFile([hook(), exf()], metas), { file: 'setup.py', categories: ['autorun', 'exfiltration'] });
  });
  it('one category twice, low confidence, or discounted code does not combine', () => {
    assert.equal(chainedFile([exf(), finding({ ruleId: 'exf2', severity: 'medium', confidence: 'medium', file: 'setup.py' })], metas), undefined);
    assert.equal(chainedFile([hook(), exf({ confidence: 'low' })], metas), undefined);
    assert.equal(chainedFile([hook(), exf({ severity: 'low' })], metas), undefined);
    assert.equal(chainedFile([hook({ weightNote: 'minified or bundled code' }), exf()], metas), undefined);
    assert.equal(chainedFile([hook(), finding({ ruleId: 'cap', file: 'setup.py' })], { ...metas, cap: meta({ kind: 'capability', category: 'exfiltration' }) }), undefined);
    assert.notEqual(scoreFindings([hook(), exf({ confidence: 'low' })], metas).verdict, 'malicious');
  });
});

describe('location weighting', () => {
  const m = meta({});
  it('vendored and minified code weighs less', () => {
    assert.equal(locationNote(finding({ file: 'node_modules/x/a.js' }), { vendored: true, minified: false }, m), 'vendored code');
    assert.equal(locationNote(finding({}), { vendored: false, minified: true }, m), 'minified or bundled code');
    assert.equal(locationNote(finding({}), { vendored: false, minified: false }, m), undefined);
  });
  it('code that runs by itself is weighed in full outside node_modules', () => {
    assert.equal(locationNote(finding({ autorun: true }), { vendored: false, minified: true }, m), undefined);
    assert.equal(locationNote(finding({ file: 'node_modules/x/a.js', autorun: true }), { vendored: true, minified: false }, m), 'vendored code');
  });
  it('obfuscation findings are not discounted for the minified look obfuscation produces', () => {
    assert.equal(locationNote(finding({}), { vendored: false, minified: true }, meta({ category: 'obfuscation' })), undefined);
  });
});
