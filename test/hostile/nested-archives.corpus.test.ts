// The PyPI lure that motivated nested-archive scanning (httpserver-cache 3.14.0: its loader sits in a ZIP renamed
// `_websocket.typed`): with the archive's entries scanned, the loader is found and the verdict is malicious (it was
// suspicious on the disguised-archive finding alone). Reads ../shared/corpus; only this sample's entries are unpacked
// (into a private temp folder, never executed); skips when the corpus is absent.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, openAsBlob, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import * as zipjs from '@zip.js/zip.js';
import { scan } from '../../src/index.js';
import { checkEntryPath } from '../../src/targets/entry-path.js';
import { tmp } from './helpers/fixtures.js';

const corpus = process.env.LURESCAN_CORPUS ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/corpus');
const pypiZip = join(corpus, 'pypi-malicious-dev.zip');
const SAMPLE = 'httpserver-cache/3.14.0/';

describe('nested archives on the corpus', () => {
  it('httpserver-cache 3.14.0: the loader inside _websocket.typed is found, the verdict is malicious', { skip: existsSync(pypiZip) ? false : `corpus absent: ${pypiZip}` }, async () => {
    zipjs.configure({ useWebWorkers: false });
    const dest = tmp();
    const reader = new zipjs.ZipReader(new zipjs.BlobReader(await openAsBlob(pypiZip)));
    try {
      for (const e of await reader.getEntries()) {
        if (e.directory || !e.filename.startsWith(SAMPLE)) continue;
        const rel = checkEntryPath(e.filename.slice(SAMPLE.length));
        assert.ok(rel.ok && rel.rel, e.filename);
        const to = join(dest, rel.rel);
        mkdirSync(dirname(to), { recursive: true });
        writeFileSync(to, await (e as zipjs.FileEntry).getData(new zipjs.Uint8ArrayWriter(), { password: 'infected' }));
      }
    } finally {
      await reader.close();
    }
    const r = await scan(dest, { threads: 0 });
    assert.equal(r.verdict, 'malicious');
    const inner = r.findings.filter((f) => f.file.startsWith('httpserver_cache/_websocket.typed/'));
    assert.ok(inner.some((f) => f.file === 'httpserver_cache/_websocket.typed/falcon.py' && f.severity === 'critical'), JSON.stringify(r.findings.map((f) => [f.ruleId, f.file])));
    assert.equal(r.incomplete, false);
  });
});
