import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { allRules } from './index.js';
import { ruleDoc } from './docs.js';
import { prefilterRegExps } from '../core/rule.js';
import { CONFIDENCES, SEVERITIES } from '../core/finding.js';

// ESLint's checkRuleFiles / typescript-eslint docs.test: a rule without tests, docs, registration or valid metadata fails.
const rulesDir = fileURLToPath(new URL('.', import.meta.url));
const docsDir = fileURLToPath(new URL('../../docs/rules/', import.meta.url));

function ruleFiles(): string[] {
  const out: string[] = [];
  for (const area of readdirSync(rulesDir, { withFileTypes: true })) {
    if (!area.isDirectory()) continue;
    for (const f of readdirSync(join(rulesDir, area.name))) {
      if (f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'index.ts' && !f.startsWith('_')) out.push(join(area.name, f));
    }
  }
  return out;
}

describe('rule registry', () => {
  it('ids are unique kebab-case and sorted', () => {
    const ids = allRules.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    assert.deepEqual(ids, [...ids].sort((a, b) => a.localeCompare(b)));
  });
  it('every rule file is registered, named after its id, and has a test file beside it', () => {
    const ids = new Set(allRules.map((r) => r.id));
    const files = ruleFiles();
    assert.ok(files.length > 0);
    for (const f of files) {
      const id = f.slice(f.indexOf('/') + 1, -3);
      assert.ok(ids.has(id), `${f} is not in the registry (or its id differs from its file name)`);
      assert.ok(existsSync(join(rulesDir, f.replace(/\.ts$/, '.test.ts'))), `${f} has no test file`);
    }
    assert.equal(files.length, ids.size, 'every registered rule lives in its own file');
  });
  for (const r of allRules) {
    it(`${r.id}: metadata is complete`, () => {
      assert.ok(SEVERITIES.includes(r.meta.severity));
      assert.ok(CONFIDENCES.includes(r.meta.confidence));
      for (const k of ['summary', 'why', 'fix', 'falsePositives'] as const) assert.ok(r.meta[k].length > 10, `${k} is too short`);
      assert.ok(r.meta.references.length > 0, 'references');
      for (const re of prefilterRegExps(r.prefilter)) assert.ok(!re.global && !re.sticky, 'a prefilter regex must not be /g or /y (lastIndex state)');
    });
    it(`${r.id}: docs are generated and current (npm run docs)`, () => {
      const path = join(docsDir, `${r.id}.md`);
      assert.ok(existsSync(path), `missing ${path}`);
      assert.equal(readFileSync(path, 'utf8'), ruleDoc(r));
    });
  }
});
