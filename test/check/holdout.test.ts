/**
 * Generalisation of the message classifier on a hold-out set (test/check/holdout): 20 messages written before the
 * tactic patterns were read, never used to tune src/triage. Targets from issue 6: ≥ 90% of lures rated high or
 * elevated, ≤ 10% of legitimate messages rated high. The figures are printed as test diagnostics.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { combine } from '../../src/api/check.js';
import { triageMessage } from '../../src/triage/index.js';
import { REPO } from './helpers.js';

const DIR = join(REPO, 'test/check/holdout');
const labels = JSON.parse(readFileSync(join(DIR, 'labels.json'), 'utf8')).messages as Record<string, { label: 'lure' | 'legit'; lang: string }>;

it('hold-out messages: lures rated high/elevated ≥ 90%, legitimate rated high ≤ 10%', (t) => {
  const rows = Object.entries(labels).map(([file, l]) => {
    const raw = readFileSync(join(DIR, file), 'utf8');
    const m = triageMessage(raw, { filename: file });
    return { file, ...l, risk: m.risk, score: m.score, verdict: combine(m, undefined, undefined).verdict };
  });
  const lures = rows.filter((r) => r.label === 'lure');
  const legit = rows.filter((r) => r.label === 'legit');
  assert.ok(lures.length >= 10 && legit.length >= 10);
  const caught = lures.filter((r) => r.risk !== 'low');
  const lureHigh = lures.filter((r) => r.risk === 'high');
  const falseHigh = legit.filter((r) => r.risk === 'high');
  const legitElevated = legit.filter((r) => r.risk === 'elevated');
  t.diagnostic(`lures high or elevated: ${caught.length}/${lures.length} (high ${lureHigh.length})`);
  t.diagnostic(`legitimate rated high: ${falseHigh.length}/${legit.length} (elevated ${legitElevated.length})`);
  t.diagnostic(`check without a target — lures DO NOT RUN: ${lures.filter((r) => r.verdict === 'malicious').length}/${lures.length}; legitimate NO KNOWN THREAT: ${legit.filter((r) => r.verdict === 'clean').length}/${legit.length}`);
  for (const r of rows) if ((r.label === 'lure') !== (r.risk === 'high')) t.diagnostic(`  ${r.label} ${r.file}: ${r.risk} (${r.score})`);
  assert.ok(caught.length / lures.length >= 0.9, `lures caught ${caught.length}/${lures.length}`);
  assert.ok(falseHigh.length / legit.length <= 0.1, `legitimate rated high ${falseHigh.length}/${legit.length}`);
});
