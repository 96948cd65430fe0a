/**
 * The shared harness of the hold-out sets (variants-2, -3, -4): each fixture folder scanned as a project (threads 0),
 * its verdict asserted against the row's `expect`, with the first-scan verdict (`holdout`) kept for the tally.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { scan } from '../../src/index.js';
import { fixtureStager } from './stage-fixture.js';

export type Verdict = 'malicious' | 'suspicious' | 'clean';
export interface Variant {
  expect: Verdict;
  /** Verdict at the first scan, before any fix: the published hold-out figure. */
  holdout: Verdict;
  tactic: 'obfuscation' | 'payload-fetch' | 'sink' | 'placement' | 'python' | 'stealer' | 'dependency' | 'persistence' | 'benign';
  shape: string;
  /** A known gap: why the verdict is not yet the intended one, and where a fix lies. `expect` is today's verdict. */
  todo?: string;
}

/** Files beside the fixture folders that are not fixtures (the set's own description). */
const NOT_FIXTURES = new Set(['ROWS.md']);

export function holdoutSuite(title: string, rootUrl: URL, variants: Record<string, Variant>): void {
  const root = rootUrl.pathname;
  const stage = fixtureStager(root, title.replace(/\W+/g, '-'));
  describe(title, () => {
    it('every fixture folder has an expectation and every expectation a folder', () => {
      assert.deepEqual(readdirSync(root).filter((n) => !NOT_FIXTURES.has(n)).sort(), Object.keys(variants).sort());
    });

    const got = new Map<string, Verdict>();
    for (const [name, v] of Object.entries(variants)) {
      it(`${name}: ${v.expect}${v.todo ? ' (known gap)' : ''} — ${v.shape}`, async () => {
        const r = await scan(stage(name), { threads: 0 });
        got.set(name, r.verdict);
        const top = r.findings.slice(0, 6).map((f) => `${f.ruleId} ${f.file}:${f.line} ${f.severity}/${f.confidence}`).join('; ');
        assert.equal(r.errors.length, 0, `${name}: scan errors ${JSON.stringify(r.errors)}`);
        assert.equal(r.verdict, v.expect, `${name}: expected ${v.expect}, got ${r.verdict} ${r.score}: ${top || 'no findings'}${v.todo ? ` (known gap: ${v.todo})` : ''}`);
      });
    }

    it('tally: hold-out vs now', (t) => {
      const count = (prefix: string, pick: (n: string) => Verdict | undefined) => {
        const c = { malicious: 0, suspicious: 0, clean: 0 };
        for (const n of Object.keys(variants)) if (n.startsWith(prefix)) c[pick(n) ?? 'clean']++;
        return JSON.stringify(c);
      };
      t.diagnostic(`lures at hold-out ${count('m-', (n) => variants[n]!.holdout)}, now ${count('m-', (n) => got.get(n))}`);
      t.diagnostic(`look-alikes at hold-out ${count('b-', (n) => variants[n]!.holdout)}, now ${count('b-', (n) => got.get(n))}`);
    });
  });
}
