import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { BlobReader, BlobWriter, ZipWriter } from '@zip.js/zip.js';
import { scan } from '../../src/index.js';

// Real Python libraries as Debian ships them (.ci/run installs the python3-* packages): network clients, SSH,
// keyrings, process control — the look-alikes of stealers and droppers. None may be called malicious, and no Python
// rule may raise a high or critical finding on them. They are only read, never imported or run.
const DIST = '/usr/lib/python3/dist-packages';
const PACKAGES = ['requests', 'urllib3', 'httpx', 'paramiko', 'keyring', 'secretstorage', 'psutil', 'pexpect', 'fabric', 'invoke', 'virtualenv'];
const present = PACKAGES.filter((p) => existsSync(join(DIST, p)));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : e.isFile() ? [join(dir, e.name)] : []));
}

describe('benign Python libraries (Debian python3-* packages)', () => {
  if (present.length < PACKAGES.length / 2) {
    it(`skipped: only ${present.length} of ${PACKAGES.length} python3-* packages under ${DIST} (CI installs them; apt-get install python3-requests python3-paramiko …)`, { skip: 'Debian Python packages not installed' }, () => {});
    return;
  }

  for (const name of present) {
    it(`${name}: not malicious, no high or critical Python finding`, async () => {
      const report = await scan(join(DIST, name), { threads: 0 });
      assert.ok(report.stats.files > 0 && (report.stats.parsedFiles ?? 0) > 0, `${name}: Python files were parsed (${report.stats.parsedFiles})`);
      const loud = report.findings.filter((f) => f.ruleId.startsWith('py-') && (f.severity === 'high' || f.severity === 'critical'));
      assert.deepEqual(loud.map((f) => `${f.ruleId} ${f.file}:${f.line} ${f.message}`), []);
      assert.notEqual(report.verdict, 'malicious', report.summary);
    });
  }

  it('a wheel built locally from one of them scans the same way (wheel input, no install)', async () => {
    const name = present.includes('requests') ? 'requests' : present[0]!;
    const root = join(DIST, name);
    const zip = new ZipWriter(new BlobWriter('application/zip'));
    for (const f of filesUnder(root).filter((f) => f.endsWith('.py'))) {
      await zip.add(`${name}/${relative(root, f)}`, new BlobReader(new Blob([readFileSync(f)])));
    }
    await zip.add(`${name}-0.0.0.dist-info/METADATA`, new BlobReader(new Blob([`Metadata-Version: 2.1\nName: ${name}\nVersion: 0.0.0\n`])));
    const dir = mkdtempSync(join(tmpdir(), 'lurescan-wheel-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    const wheel = join(dir, `${name}-0.0.0-py3-none-any.whl`);
    writeFileSync(wheel, Buffer.from(await (await zip.close()).arrayBuffer()));
    assert.ok(statSync(wheel).size > 1000);
    const report = await scan(wheel, { threads: 0 });
    assert.ok(report.stats.files > 5, `the wheel was unpacked (${report.stats.files} files)`);
    assert.equal(report.verdict, 'clean', report.summary);
  });
});
