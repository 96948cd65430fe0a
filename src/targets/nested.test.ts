import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { classifyNested, sniffCandidate } from './nested.js';

const ZIP = Buffer.from('PK\x03\x04\x14\x00\x00\x00', 'latin1');
const TAR = Buffer.alloc(512);
TAR.write('ustar', 257, 'latin1');

describe('nested archives: which files are sniffed and how they are classified', () => {
  it('text and code names are never opened; binary, unknown and extension-less names are', () => {
    const f = (rel: string, size = 1000) => ({ rel, abs: '/nonexistent', size });
    for (const rel of ['a/index.js', 'types/x.d.ts', 'README.md', 'p/setup.py', 'x.json', 'styles.css']) assert.equal(sniffCandidate(f(rel)), false, rel);
    for (const rel of ['pkg/_websocket.typed', 'data.dat', 'a.zip', 'v.tgz', 'LICENSE', 'font.woff2', 'notes.txt', 'app.asar']) assert.equal(sniffCandidate(f(rel)), true, rel);
    assert.equal(sniffCandidate(f('tiny.zip', 21)), false, 'smaller than any archive');
  });

  it('a ZIP is opened under any name except the data formats that are ZIPs by design', () => {
    assert.deepEqual(classifyNested('x/_websocket.typed', ZIP), { kind: 'zip' });
    assert.deepEqual(classifyNested('dist/pkg-1.0-py3-none-any.whl', ZIP), { kind: 'zip' });
    assert.deepEqual(classifyNested('ext.vsix', ZIP), { kind: 'zip' });
    for (const rel of ['a.docx', 'B.XLSX', 'model.pt', 'w.npz', 'lib/x.jar', 'app.apk']) {
      const got = classifyNested(rel, ZIP);
      assert.ok(got && 'skip' in got && /not unpacked/.test(got.skip), rel);
    }
  });

  it('tar by magic, gzip-tar by content or name, a plain gzip as one file, anything else left alone', () => {
    assert.deepEqual(classifyNested('blob', TAR), { kind: 'tar' });
    assert.deepEqual(classifyNested('fixture.bin', gzipSync(TAR)), { kind: 'tgz' });
    assert.deepEqual(classifyNested('v.tar.gz', gzipSync(Buffer.from('not a tar'))), { kind: 'tgz' });
    const gz = classifyNested('bundle.js.gz', gzipSync(Buffer.from('console.log(1)')));
    assert.deepEqual(gz, { kind: 'gz' });
    assert.equal(classifyNested('logo.png', Buffer.from('\x89PNG\r\n\x1a\n', 'latin1')), null);
  });
});
