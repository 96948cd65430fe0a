// dep-autorun-lure on the evaluation corpus: every dependency-only lure repository (its payload lives in an npm
// package, the manifest says so) must get a finding that names a dependency; the benign repositories must get none.
// Only this project rule runs (no file analysis), so it stays fast. Reads ../shared/corpus (archives are unpacked by
// the scanner's own safe target reader into a private temp folder, never executed); skips when the corpus is absent.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { buildAutorunMap } from '../../analyzers/autorun/index.js';
import { computeFacts } from '../../analyzers/file-facts.js';
import type { FileFacts, ProjectView } from '../../core/inputs.js';
import { runProjectRules } from '../../engine/project.js';
import { openTarget } from '../../targets/index.js';
import rule from './dep-autorun-lure.js';

// Same place `npm run eval` looks: LURESCAN_CORPUS, else ../shared/corpus beside the repository.
const corpus = process.env.LURESCAN_CORPUS ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/corpus');
interface Sample { id: string; label: string; location: string; note?: string }
const corpusAvailable = (dir: string) => existsSync(join(dir, 'manifest.json'));
const manifest = () => JSON.parse(readFileSync(join(corpus, 'manifest.json'), 'utf8')) as { password?: string; samples: Array<{ id: string; zip: string; label: string; behaviour?: string }> };
const loadZipSamples = (): Sample[] => manifest().samples.map((s) => ({ id: s.id, label: s.label, location: join(corpus, s.zip), note: s.behaviour }));
const DEPENDENCY_ONLY = /npm dependency|dependency-only/i;

async function findingsFor(zip: string, password: string) {
  const target = await openTarget(zip, { password });
  try {
    const files: FileFacts[] = [];
    const texts = new Map<string, string>();
    for (const f of target.files) {
      const bytes = f.size <= 2 << 20 ? readFileSync(f.abs) : new Uint8Array(0);
      const text = f.size <= 2 << 20 ? Buffer.from(bytes).toString('utf8') : null;
      files.push({ ...computeFacts(f.rel, bytes, text), size: f.size });
      if (text !== null) texts.set(f.rel, text);
    }
    const readText = (p: string) => texts.get(p) ?? null;
    const view: ProjectView = { files, readText, autorun: buildAutorunMap({ files, readText }) };
    return runProjectRules([rule], view);
  } finally {
    await target.cleanup();
  }
}

if (!corpusAvailable(corpus)) {
  describe('dep-autorun-lure on the corpus', () => {
    it(`skipped: no evaluation corpus at ${corpus} (set LURESCAN_CORPUS to run it)`, { skip: `corpus not found at ${corpus}` }, () => {});
  });
} else {
  const samples = loadZipSamples();
  const password = manifest().password ?? 'infected';
  describe('dep-autorun-lure on the corpus', () => {
    const lures = samples.filter((s) => s.label === 'malicious' && DEPENDENCY_ONLY.test(s.note ?? ''));
    it('the manifest lists dependency-only lures', () => assert.ok(lures.length >= 3, `found ${lures.length}`));
    for (const s of lures) {
      it(`${s.id}: the dependency that carries the payload is named`, { timeout: 120_000 }, async () => {
        const { findings, errors } = await findingsFor(s.location, password);
        assert.deepEqual(errors, []);
        assert.ok(findings.length >= 1, `no finding on ${s.id}`);
        assert.match(findings[0]!.message, /^"[^"]+" \((?:[^()]*\/)?package\.json:\d+, not a popular package\) is loaded by /);
        assert.equal(findings[0]!.severity, 'high');
      });
    }
    for (const s of samples.filter((x) => x.label === 'benign')) {
      it(`${s.id}: no finding`, { timeout: 120_000 }, async () => {
        const { findings, errors } = await findingsFor(s.location, password);
        assert.deepEqual(errors, []);
        assert.deepEqual(findings.map((f) => `${f.file}:${f.line} ${f.message}`), []);
      });
    }
  });
}
