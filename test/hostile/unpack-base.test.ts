import assert from 'node:assert/strict';
import { existsSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { buildZip } from './helpers/zip-writer.js';
import { tmp } from './helpers/fixtures.js';
import { openZip } from '../../src/targets/zip.js';
import { DEFAULT_LIMITS } from '../../src/targets/types.js';
import { unpackBase } from '../../src/targets/unpack.js';

const tmpfs = (() => {
  try {
    return statfsSync('/dev/shm').type === 0x01021994;
  } catch {
    return false;
  }
})();

describe('where archives are unpacked', () => {
  it('unknown or large sizes go to the temp folder; small known ones to /dev/shm when it is a tmpfs', () => {
    const saved = process.env.TMPDIR;
    delete process.env.TMPDIR;
    try {
      assert.equal(unpackBase(undefined), tmpdir());
      assert.equal(unpackBase(300 << 20), tmpdir());
      assert.equal(unpackBase(1 << 20), tmpfs ? '/dev/shm' : tmpdir());
      process.env.TMPDIR = tmpdir();
      assert.equal(unpackBase(1 << 20), tmpdir(), 'TMPDIR, when set, wins');
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
  });

  it('a small zip is unpacked into a private folder there and removed by cleanup', { skip: !tmpfs && '/dev/shm is not a tmpfs here' }, async () => {
    const saved = process.env.TMPDIR;
    delete process.env.TMPDIR;
    const zip = join(tmp(), 'small.zip');
    writeFileSync(zip, buildZip([{ name: 'repo/index.js', data: Buffer.from('console.log(1)\n') }]));
    try {
      const t = await openZip(zip, 'small.zip', DEFAULT_LIMITS);
      assert.match(t.root, /^\/dev\/shm\/lurescan-/);
      assert.deepEqual(t.files.map((f) => f.rel), ['repo/index.js']);
      await t.cleanup();
      assert.equal(existsSync(t.root), false);
    } finally {
      if (saved !== undefined) process.env.TMPDIR = saved;
    }
  });
});
