import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { deobfuscatorAvailable } from '../analyzers/js/deobfuscate.js';
import { Engine, type FileRef } from './pool.js';
import { obfuscatedSample } from '../testing/obfuscated-sample.js';

describe('deobfuscation from worker threads goes through the main thread helper', { skip: !deobfuscatorAvailable() && 'webcrack/isolated-vm not installed', timeout: 120_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'lurescan-deob-port-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('obfuscated files in separate batches of two threads are all decoded, batch after batch', async () => {
    const files: FileRef[] = [];
    for (let i = 1; i <= 3; i++) {
      const rel = `api/keygen${i}.js`;
      const abs = join(dir, `keygen${i}.js`);
      writeFileSync(abs, obfuscatedSample(`203.0.113.${i}`));
      files.push({ rel, abs, size: 2000 });
    }
    const engine = Engine.start({ threads: 2 });
    try {
      for (const round of [1, 2]) {
        // One file per run: separate batches, so each one gets its own port to the helper.
        for (const f of files) {
          const { results, errors } = await engine.run([f], { maxFileBytes: 1 << 20, ruleSelection: { only: ['obfuscator-io'] }, fileTimeoutMs: 60_000 });
          assert.deepEqual(errors, [], `round ${round}`);
          const finding = results[0]!.findings.find((x) => x.ruleId === 'obfuscator-io');
          assert.ok(finding, `round ${round}: ${f.rel} reported`);
          assert.match(finding.decoded ?? '', new RegExp(`203\\.0\\.113\\.${f.rel.slice(-4, -3)}:1224`), `round ${round}: ${finding.message}`);
        }
      }
    } finally {
      await engine.close();
    }
  });

  it('obfuscated files of one batch are sent ahead together, and each is decoded (its own strings)', async () => {
    const files: FileRef[] = [];
    for (let i = 4; i <= 6; i++) {
      const abs = join(dir, `batch${i}.js`);
      writeFileSync(abs, obfuscatedSample(`203.0.113.${i}`));
      files.push({ rel: `api/batch${i}.js`, abs, size: 2000 });
    }
    const engine = Engine.start({ threads: 2 });
    try {
      const { results, errors } = await engine.run(files, { maxFileBytes: 1 << 20, ruleSelection: { only: ['obfuscator-io'] }, fileTimeoutMs: 60_000 });
      assert.deepEqual(errors, []);
      for (const f of files) {
        const finding = results.find((r) => r.facts.path === f.rel)?.findings.find((x) => x.ruleId === 'obfuscator-io');
        assert.ok(finding, `${f.rel} reported`);
        assert.match(finding.decoded ?? '', new RegExp(`203\\.0\\.113\\.${f.rel.slice(-4, -3)}:1224`), finding.message);
      }
    } finally {
      await engine.close();
    }
  });
});
