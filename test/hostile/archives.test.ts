// Hostile archives: every refused entry is reported, nothing lands outside the private unpack folder, and bombs end
// as errors after bounded work. Fixtures are built here at test time (see helpers/), nothing big is committed.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { constants, deflateRawSync } from "node:zlib";
import * as zipjs from '@zip.js/zip.js';
import { scan } from '../../src/index.js';
import { openTarget, TargetError, type Target } from '../../src/targets/index.js';
import { setZipReader } from '../../src/targets/zip.js';
import { buildZip, deflatedZeros } from './helpers/zip-writer.js';
import { file, tarBytes, tarHeader, tmp } from './helpers/fixtures.js';

const rels = (t: Target) => t.files.map((f) => f.rel);
const rejected = (t: { skipped: { path: string; reason: string }[] }) =>
  Object.fromEntries(t.skipped.filter((s) => s.reason.startsWith('archive entry rejected:')).map((s) => [s.path, s.reason]));

async function withTarget<T>(spec: string, opts: Parameters<typeof openTarget>[1], fn: (t: Target) => T): Promise<T> {
  const t = await openTarget(spec, opts);
  try {
    // Private to this user: other local users cannot read or swap what is being scanned.
    assert.equal(statSync(t.root).mode & 0o777, 0o700, 'unpack folder is 0700');
    for (const f of t.files) assert.equal(statSync(f.abs).mode & 0o077, 0, `${f.rel} is private`);
    return fn(t);
  } finally {
    await t.cleanup();
    assert.equal(existsSync(t.root), false, 'cleanup() removes the unpack folder');
  }
}

for (const reader of ['auto', 'zip.js'] as const) {
describe(`zip (${reader} reader): entries that try to escape or link`, () => {
  before(() => setZipReader(reader));
  after(() => setZipReader('auto'));
  const tag = randomBytes(6).toString('hex');
  const zipPath = join(tmp(), 'escape.zip');
  writeFileSync(
    zipPath,
    buildZip([
      { name: 'ok/index.js', data: 'module.exports = 1;\n' },
      { name: `../evil-${tag}.js`, data: 'require("child_process").exec("id")' },
      { name: `/tmp/abs-${tag}.js`, data: 'x' },
      { name: `..\\win-${tag}.js`, data: 'x' },
      { name: `ok/../../up-${tag}.js`, data: 'x' },
      { name: 'ok/passwd', data: '/etc/passwd', mode: 0o120777 },
      { name: 'ok/dev', mode: 0o020644 },
      { name: 'ok/fifo', mode: 0o010644 },
    ]),
  );

  it('unpacks only the safe entry and reports every other one', async () => {
    await withTarget(zipPath, {}, (t) => {
      assert.equal(t.kind, 'zip');
      assert.equal(t.display, zipPath);
      assert.deepEqual(rels(t), ['ok/index.js']);
      const r = rejected(t);
      assert.match(r[`../evil-${tag}.js`]!, /climb out/);
      assert.match(r[`/tmp/abs-${tag}.js`]!, /absolute path/);
      assert.match(r[`..\\win-${tag}.js`]!, /climb out/);
      assert.match(r[`ok/../../up-${tag}.js`]!, /climb out/);
      assert.match(r['ok/passwd']!, /symbolic link -> \/etc\/passwd/);
      assert.match(r['ok/dev']!, /character device/);
      assert.match(r['ok/fifo']!, /FIFO/);
      assert.match(t.errors.map((e) => e.message).join('\n'), /4 archive entries with content rejected/);
    });
    for (const p of [join(tmpdir(), `evil-${tag}.js`), `/tmp/abs-${tag}.js`, join(tmpdir(), `up-${tag}.js`)]) {
      assert.equal(existsSync(p), false, `${p} must never be written`);
    }
  });

  it('scan(): the rejects are listed and the scan is incomplete (their content was not examined)', async () => {
    const report = await scan(zipPath, { threads: 0 });
    assert.equal(report.stats.files, 1);
    assert.equal(Object.keys(rejected(report)).length, 7);
    assert.equal(report.incomplete, true);
  });

  it('an archive with only a link (no hidden content) is complete', async () => {
    const p = join(tmp(), 'link.zip');
    writeFileSync(p, buildZip([{ name: 'a.js', data: '1' }, { name: 'key', data: '/home/u/.ssh/id_rsa', mode: 0o120777 }]));
    const report = await scan(p, { threads: 0 });
    assert.match(rejected(report)['key']!, /id_rsa/);
    assert.equal(report.incomplete, false);
  });
});

describe(`zip (${reader} reader): bombs and limits`, () => {
  before(() => setZipReader(reader));
  after(() => setZipReader('auto'));
  it('a 1 GiB zip bomb is refused before inflating, fast and without memory growth', async () => {
    const p = join(tmp(), 'bomb.zip');
    writeFileSync(p, buildZip([{ name: 'a.js', data: 'ok' }, { name: 'bomb.bin', deflated: { bytes: deflatedZeros(1024), declaredSize: 1 << 30 } }]));
    const rss = process.memoryUsage().rss;
    const t0 = performance.now();
    const report = await scan(p, { threads: 0 });
    assert.ok(performance.now() - t0 < 10_000);
    assert.ok(process.memoryUsage().rss - rss < 200 << 20, 'no inflation into memory');
    const err = report.errors.find((e) => e.path === 'bomb.bin');
    assert.match(err?.message ?? '', /compression ratio \d+:1 .* zip bomb/);
    assert.equal(report.stats.files, 1);
    assert.equal(report.incomplete, true);
  });

  it('an entry that lies about its size stops at the declared size', async () => {
    const p = join(tmp(), 'liar.zip');
    // 8 KB of deflate that declares 100 KB and inflates to 8 MiB; and one whose compressed size dwarfs its declared one.
    writeFileSync(p, buildZip([
      { name: 'liar.js', deflated: { bytes: deflatedZeros(8), declaredSize: 100_000 } },
      { name: 'tiny.js', deflated: { bytes: deflatedZeros(8), declaredSize: 10 } },
    ]));
    await withTarget(p, {}, (t) => {
      assert.deepEqual(rels(t), []);
      assert.match(t.errors[0]!.message, /inflates past its declared size of 100000 bytes/);
      assert.match(t.errors[1]!.message, /inflates past its declared size of 10 bytes|implausibly large/);
    });
  });

  it('many small highly compressible entries trip the archive-wide ratio', async () => {
    const one = deflatedZeros(1);
    const entries = Array.from({ length: 100 }, (_, i) => ({ name: `z/${i}.bin`, deflated: { bytes: one, declaredSize: 1 << 20 } }));
    const p = join(tmp(), 'spread.zip');
    writeFileSync(p, buildZip(entries));
    await withTarget(p, {}, (t) => {
      assert.ok(t.files.length <= 64, `unpacked ${t.files.length} MiB before stopping`);
      assert.match(t.errors.map((e) => e.message).join('\n'), /archive so far expands \d+:1/);
    });
  });

  it('entry count, total size and per-file size limits', async () => {
    const p = join(tmp(), 'many.zip');
    writeFileSync(p, buildZip(Array.from({ length: 30 }, (_, i) => ({ name: `f${String(i).padStart(2, '0')}.txt`, data: 'x'.repeat(600) }))));
    await withTarget(p, { limits: { maxEntries: 10 } }, (t) => {
      assert.equal(t.files.length, 10);
      assert.match(t.errors[0]!.message, /more than 10 entries/);
    });
    await withTarget(p, { limits: { maxTotalBytes: 1000 } }, (t) => {
      assert.equal(t.files.length, 1);
      assert.match(t.errors[0]!.message, /unpacked size would pass the limit of 1000 bytes/);
    });
    // Too large to scan is still listed: the engine reports it and the scan is incomplete.
    const report = await scan(p, { threads: 0, limits: { maxFileBytes: 100 } });
    assert.equal(report.stats.files, 30);
    assert.equal(report.errors.length, 30);
    assert.match(report.errors[0]!.message, /too large to scan/);
    assert.equal(report.incomplete, true);
  });

  it('overlapping entries (a non-recursive zip bomb) are not unpacked twice', { skip: reader === 'zip.js' ? 'zip.js reads overlapping entries; the ratio and total limits bound them' : false }, async () => {
    const p = join(tmp(), 'overlap.zip');
    const kernel = { name: 'k0.js', data: 'x'.repeat(1000) };
    writeFileSync(p, buildZip([kernel, ...Array.from({ length: 5 }, (_, i) => ({ name: `k${i + 1}.js`, data: 'x'.repeat(1000), sameDataAs: 0 }))]));
    await withTarget(p, {}, (t) => {
      assert.deepEqual(rels(t), ['k0.js']);
      assert.equal(t.errors.filter((e) => /overlaps another entry/.test(e.message)).length, 5);
    });
  });

  it('a duplicate name keeps the first copy and says so', async () => {
    const p = join(tmp(), 'dup.zip');
    writeFileSync(p, buildZip([{ name: 'a.js', data: 'first' }, { name: 'a.js', data: 'second' }]));
    await withTarget(p, {}, (t) => {
      assert.deepEqual(rels(t), ['a.js']);
      assert.match(t.errors[0]!.message, /duplicate entry name/);
    });
  });
});
}

describe('zip: encryption', () => {
  async function encrypted(password: string, zipCrypto: boolean): Promise<string> {
    const w = new zipjs.ZipWriter(new zipjs.Uint8ArrayWriter(), { password, zipCrypto, encryptionStrength: 3, useWebWorkers: false });
    await w.add('task/index.js', new zipjs.TextReader('console.log("hi")\n'));
    const p = join(tmp(), `${zipCrypto ? 'zipcrypto' : 'aes'}.zip`);
    writeFileSync(p, await w.close());
    return p;
  }

  for (const zipCrypto of [true, false]) {
    const kind = zipCrypto ? 'ZipCrypto' : 'AES-256';
    it(`${kind}: opens with --password, with the customary "infected" when none is given, refuses a wrong one`, async () => {
      const p = await encrypted('s3cret', zipCrypto);
      await withTarget(p, { password: 's3cret' }, (t) => assert.deepEqual(rels(t), ['task/index.js']));
      await assert.rejects(openTarget(p, { password: 'nope' }), (e) => e instanceof TargetError && /wrong password/.test(e.message));
      await assert.rejects(openTarget(p), (e) => e instanceof TargetError && /--password/.test(e.message));
      const infected = await encrypted('infected', zipCrypto);
      await withTarget(infected, {}, (t) => assert.deepEqual(rels(t), ['task/index.js']));
    });
  }

  const corpus = '/work/shared/corpus/benign/bn-express.zip';
  it('a corpus zip (ZipCrypto, password infected) unpacks completely and identically with both readers', { skip: existsSync(corpus) ? false : `corpus absent: ${corpus}` }, async () => {
    const digest = (t: Target) => t.files.map((f) => `${f.rel} ${createHash('sha256').update(readFileSync(f.abs)).digest('hex')}`);
    const fast = await withTarget(corpus, { password: 'infected' }, (t) => {
      assert.ok(t.files.length > 10);
      assert.deepEqual(t.errors, []);
      return digest(t);
    });
    setZipReader('zip.js');
    try {
      assert.deepEqual(await withTarget(corpus, { password: 'infected' }, digest), fast);
    } finally {
      setZipReader('auto');
    }
  });
});

describe('tar and tgz', () => {
  it('refuses links, devices, FIFOs, absolute and escaping names', async () => {
    const tag = randomBytes(6).toString('hex');
    const bytes = await tarBytes(
      [
        file('pkg/index.js', 'module.exports = 1;\n'),
        file(`../evil-${tag}.js`, 'x'),
        file(`/tmp/abs-${tag}.js`, 'x'),
        { header: { name: 'pkg/passwd', type: 'symlink', linkname: '/etc/passwd', size: 0 } },
        { header: { name: 'pkg/hard', type: 'link', linkname: '/etc/shadow', size: 0 } },
        { header: { name: 'pkg/tty', type: 'character-device', size: 0 } },
        { header: { name: 'pkg/disk', type: 'block-device', size: 0 } },
        { header: { name: 'pkg/pipe', type: 'fifo', size: 0 } },
      ],
      true,
    );
    const p = join(tmp(), 'escape.tgz');
    writeFileSync(p, bytes);
    await withTarget(p, {}, (t) => {
      assert.equal(t.kind, 'tar');
      assert.deepEqual(rels(t), ['pkg/index.js']);
      const r = rejected(t);
      assert.match(r[`../evil-${tag}.js`]!, /climb out/);
      assert.match(r[`/tmp/abs-${tag}.js`]!, /absolute/);
      assert.match(r['pkg/passwd']!, /symbolic link -> \/etc\/passwd/);
      assert.match(r['pkg/hard']!, /hard link -> \/etc\/shadow/);
      assert.match(r['pkg/tty']!, /character device/);
      assert.match(r['pkg/disk']!, /block device/);
      assert.match(r['pkg/pipe']!, /FIFO/);
    });
    assert.equal(existsSync(join(tmpdir(), `evil-${tag}.js`)), false);
    assert.equal(existsSync(`/tmp/abs-${tag}.js`), false);
  });

  it('detects tar by magic bytes whatever the name, and .tar.gz by name', async () => {
    const d = tmp();
    writeFileSync(join(d, 'task'), await tarBytes([file('a.js', '1')]));
    writeFileSync(join(d, 'task.tar.gz'), await tarBytes([file('a.js', '1')], true));
    writeFileSync(join(d, 'task.bin'), await tarBytes([file('a.js', '1')], true));
    for (const name of ['task', 'task.tar.gz', 'task.bin']) {
      await withTarget(join(d, name), {}, (t) => assert.deepEqual(rels(t), ['a.js'], name));
    }
  });

  it('a gzip bomb stops after bounded work with a clear error', async () => {
    // gzip(tar header for a 1 GiB file + 1 GiB of zeros), assembled from full-flushed deflate blocks.
    const header = await tarHeader('bomb.bin', 1 << 30);
    const head = deflateRawSync(header, { finishFlush: constants.Z_FULL_FLUSH });
    const gz = Buffer.concat([Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]), head, deflatedZeros(1024), Buffer.alloc(8)]);
    const p = join(tmp(), 'bomb.tgz');
    writeFileSync(p, gz);
    const t0 = performance.now();
    const report = await scan(p, { threads: 0 });
    assert.ok(performance.now() - t0 < 20_000);
    assert.match(report.errors.map((e) => e.message).join('\n'), /gzip bomb/);
    assert.equal(report.incomplete, true);
  });

  it('a damaged archive is a TargetError; a truncated one keeps what came before', async () => {
    const d = tmp();
    writeFileSync(join(d, 'junk.tgz'), randomBytes(2000));
    await assert.rejects(openTarget(join(d, 'junk.tgz')), TargetError);
    writeFileSync(join(d, 'junk.tar'), randomBytes(3000));
    await assert.rejects(openTarget(join(d, 'junk.tar')), (e) => e instanceof TargetError && /as a tar archive/.test(e.message));
    // Incompressible bodies, so a.js is fully decoded before the cut in b.js.
    const whole = await tarBytes([file('a.js', randomBytes(40_000).toString('hex')), file('b.js', randomBytes(40_000).toString('hex'))], true);
    writeFileSync(join(d, 'cut.tgz'), whole.subarray(0, whole.length - 40));
    const report = await scan(join(d, 'cut.tgz'), { threads: 0 });
    assert.equal(report.stats.files, 1);
    assert.equal(report.incomplete, true);
    assert.match(report.errors.map((e) => e.message).join('\n'), /damaged|unexpected end/i);
  });

  it('the entry limit stops a tar cleanly', async () => {
    const p = join(tmp(), 'many.tar');
    writeFileSync(p, await tarBytes(Array.from({ length: 30 }, (_, i) => file(`f${String(i).padStart(2, '0')}.js`, 'x'))));
    await withTarget(p, { limits: { maxEntries: 10 } }, (t) => {
      assert.equal(t.files.length, 10);
      assert.deepEqual(t.errors.map((e) => e.message), ['archive has more than 10 entries; the rest were not unpacked (limit: maxEntries)']);
    });
  });

  it('zip-based formats open by magic whatever the name (.whl, .egg, .vsix, no extension)', async () => {
    const d = tmp();
    for (const name of ['demo-1.0-py3-none-any.whl', 'demo.egg', 'ext.vsix', 'task']) {
      writeFileSync(join(d, name), buildZip([{ name: 'demo/__init__.py', data: 'import os\n' }]));
      await withTarget(join(d, name), {}, (t) => {
        assert.equal(t.kind, 'zip', name);
        assert.deepEqual(rels(t), ['demo/__init__.py'], name);
      });
    }
  });

  it('a file named .zip that is not one is a TargetError', async () => {
    const p = join(tmp(), 'fake.zip');
    writeFileSync(p, 'not a zip at all');
    await assert.rejects(openTarget(p), (e) => e instanceof TargetError && /as a zip archive/.test(e.message));
  });
});

