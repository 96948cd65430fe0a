import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { scan } from '../../src/index.js';
import type { Report } from '../../src/core/report.js';
import { validateReport } from '../../src/cli/validate-report.js';
import { renderTerminal } from '../../src/reporters/terminal.js';
import { CLEAN_FIXTURE, EXAMPLE, normalize, REPO } from './helpers.js';

/**
 * What users see, byte for byte. Each case renders a saved report (test/cli/fixtures/*.report.json) so the snapshot
 * only moves when the reporter changes; `UPDATE_SNAPSHOTS=1 node scripts/run-tests.mjs test/cli/snapshot` rescans the
 * fixtures with the current rules, saves their reports and rewrites the expected output. Review the diff, then commit.
 */
const UPDATE = process.env.UPDATE_SNAPSHOTS === '1';

const CASES = [
  { name: 'take-home-lure', target: EXAMPLE, display: 'examples/take-home-lure', color: [false, true] },
  { name: 'clean-app', target: CLEAN_FIXTURE, display: 'test/cli/fixtures/clean-app', color: [false] },
];

async function liveReport(target: string, display: string): Promise<Report> {
  const r = normalize(await scan(target, { threads: 0 }));
  return { ...r, target: display };
}

describe('terminal snapshots', () => {
  for (const c of CASES) {
    const saved = join(REPO, 'test/cli/fixtures', `${c.name}.report.json`);
    it(`${c.name}: saved report is a valid report`, async () => {
      if (UPDATE || !existsSync(saved)) writeFileSync(saved, `${JSON.stringify(await liveReport(c.target, c.display), null, 2)}\n`);
      assert.deepEqual(validateReport(JSON.parse(readFileSync(saved, 'utf8'))), []);
    });
    for (const color of c.color) {
      const file = join(REPO, 'test/cli/snapshots', `${c.name}.terminal${color ? '.ansi' : ''}.txt`);
      it(`${c.name}${color ? ' (colour)' : ''}: rendered output matches ${file.slice(REPO.length + 1)}`, () => {
        const report = JSON.parse(readFileSync(saved, 'utf8')) as Report;
        const actual = renderTerminal(report, { color });
        if (UPDATE || !existsSync(file)) writeFileSync(file, actual);
        const expected = readFileSync(file, 'utf8');
        assert.ok(
          actual === expected,
          `terminal output changed for ${c.name}; if intended, run UPDATE_SNAPSHOTS=1 node scripts/run-tests.mjs test/cli/snapshot\n${firstDiff(expected, actual)}`,
        );
      });
    }
    it(`${c.name}: the saved report still matches a live scan (verdict and findings)`, async (t) => {
      const live = await liveReport(c.target, c.display);
      const savedReport = JSON.parse(readFileSync(saved, 'utf8')) as Report;
      const key = (r: Report) => ({ verdict: r.verdict, findings: r.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`).sort() });
      // Other rules land often; a stale fixture is a note, not a failure: the verdict must still agree.
      if (JSON.stringify(key(live)) !== JSON.stringify(key(savedReport))) {
        t.diagnostic(`${c.name}: fixture report is older than the rules; refresh with UPDATE_SNAPSHOTS=1`);
      }
      assert.equal(live.verdict, savedReport.verdict);
    });
  }
});

function firstDiff(a: string, b: string): string {
  const al = a.split('\n');
  const bl = b.split('\n');
  for (let i = 0; i < Math.max(al.length, bl.length); i++) {
    if (al[i] !== bl[i]) return `line ${i + 1}:\n- ${JSON.stringify(al[i])}\n+ ${JSON.stringify(bl[i])}`;
  }
  return '';
}
