// `lurescan db update/status` against a fake OSV export on loopback. The cache goes to a temp LURESCAN_CACHE_DIR.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import { scan } from '../api/scan.js';
import { main } from '../cli/main.js';
import { formatCacheFile, loadCachedOsv, osvCacheDir, OsvCacheFile, type CacheEntry } from '../analyzers/manifest/osv-cache.js';
import { osvKey } from '../analyzers/manifest/data.js';
import { startFakeRegistry, type FakeRegistry } from '../testing/fake-registry.js';

const cacheRoot = mkdtempSync(join(tmpdir(), 'lurescan-cache-'));
process.env.LURESCAN_CACHE_DIR = cacheRoot;

const mal = (id: string, eco: string, name: string, extra: Record<string, unknown> = {}) =>
  strToU8(JSON.stringify({ id, summary: `Malicious code in ${name} (${eco})`, affected: [{ package: { ecosystem: eco, name }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }] }], ...extra }] }));

function cli() {
  const out = { stdout: '', stderr: '' };
  return { out, io: { stdout: { write: (s: string) => ((out.stdout += s), true) }, stderr: { write: (s: string) => ((out.stderr += s), true) }, env: {} } as never };
}

describe('lurescan db update / status (fake OSV export on loopback)', () => {
  let osv: FakeRegistry;
  before(async () => {
    const npmZip = Buffer.from(zipSync({
      'MAL-2025-101.json': mal('MAL-2025-101', 'npm', 'color-log-util'),
      'MAL-2025-102.json': mal('MAL-2025-102', 'npm', 'web3-price-helper', { ranges: undefined, versions: ['1.0.4'] }),
      'MAL-2025-103.json': strToU8('{ broken'),
      'GHSA-aaaa-bbbb-cccc.json': strToU8(JSON.stringify({ id: 'GHSA-aaaa-bbbb-cccc', affected: [{ package: { ecosystem: 'npm', name: 'lodash' } }] })),
    }));
    const pypiZip = Buffer.from(zipSync({ 'MAL-2025-201.json': mal('MAL-2025-201', 'PyPI', 'Solana_Wallet_Tools') }));
    osv = await startFakeRegistry({
      '/npm/all.zip': { body: npmZip, type: 'application/zip' },
      '/PyPI/all.zip': { body: pypiZip, type: 'application/zip' },
      '/broken/npm/all.zip': { body: 'not a zip', type: 'application/zip' },
    });
  });
  after(async () => {
    await osv.close();
    rmSync(cacheRoot, { recursive: true, force: true });
  });

  it('status before any update: only the shipped seed', async () => {
    const { out, io } = cli();
    assert.equal(await main(['db', 'status'], io), 0);
    assert.match(out.stdout, /shipped seed: \d+ advisories/);
    assert.match(out.stdout, /npm: not downloaded \(run lurescan db update\)/);
  });

  it('update keeps only MAL-* advisories, writes the cache atomically, and scans use it', async () => {
    const { out, io } = cli();
    assert.equal(await main(['db', 'update', '--source', osv.url], io), 0, out.stderr);
    assert.match(out.stdout, /npm: 2 malicious-package advisories \(MAL-\*\) of 4 in http:\/\/127\.0\.0\.1:\d+\/npm\/all\.zip; 1 unreadable entries skipped/);
    assert.match(out.stdout, /pypi: 1 malicious-package advisories/);
    const dir = osvCacheDir();
    assert.deepEqual(readdirSync(dir).sort(), ['npm.tsv', 'pypi.tsv'], 'no temp files left behind');
    const { db, errors } = loadCachedOsv();
    assert.deepEqual(errors, []);
    assert.equal(db.get(osvKey('npm', 'color-log-util'))?.[0]?.id, 'MAL-2025-101');
    assert.deepEqual(db.get(osvKey('npm', 'web3-price-helper'))?.[0]?.versions, ['1.0.4']);
    assert.ok(db.get(osvKey('pypi', 'solana-wallet-tools')));
    assert.equal(db.get(osvKey('npm', 'lodash')), undefined, 'ordinary vulnerabilities are not malware');

    const project = mkdtempSync(join(tmpdir(), 'lurescan-dbscan-'));
    try {
      writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'x', dependencies: { 'color-log-util': '^1.0.0' } }, null, 2));
      const r = await scan(project, { threads: 0 });
      const hit = r.findings.find((f) => f.ruleId === 'dep-known-malicious');
      assert.match(hit?.message ?? '', /"color-log-util" \(MAL-2025-101: Malicious code in color-log-util/);
      assert.equal(r.verdict, 'malicious');
    } finally {
      rmSync(project, { recursive: true, force: true });
    }

    const status = cli();
    assert.equal(await main(['db', 'status', '--format', 'json'], status.io), 0);
    const s = JSON.parse(status.out.stdout);
    assert.deepEqual(s.ecosystems.map((e: { ecosystem: string; entries: number; ageDays: number }) => [e.ecosystem, e.entries, e.ageDays]), [['npm', 2, 0], ['pypi', 1, 0]]);
  });

  it('an unreachable source or a bad archive: exit 2, clear error, the previous cache kept', async () => {
    const before = readFileSync(join(osvCacheDir(), 'npm.tsv'), 'utf8');
    const closed = await startFakeRegistry();
    await closed.close();
    const { out, io } = cli();
    assert.equal(await main(['db', 'update', '--source', closed.url, '--ecosystem', 'npm'], io), 2);
    assert.match(out.stderr, /db update npm failed: GET http:\/\/127\.0\.0\.1:\d+\/npm\/all\.zip: unreachable \(ECONNREFUSED\) \(the previous database is kept\)/);
    const bad = cli();
    assert.equal(await main(['db', 'update', '--source', `${osv.url}/broken`, '--ecosystem', 'npm'], bad.io), 2);
    assert.match(bad.out.stderr, /not a readable zip archive/);
    assert.equal(readFileSync(join(osvCacheDir(), 'npm.tsv'), 'utf8'), before);
  });

  it('a local copy of the export works offline (--source <folder>)', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'lurescan-osv-copy-'));
    try {
      mkdirSync(join(folder, 'npm'));
      writeFileSync(join(folder, 'npm', 'all.zip'), Buffer.from(zipSync({ 'MAL-2025-301.json': mal('MAL-2025-301', 'npm', 'solana-rpc-helper') })));
      const { out, io } = cli();
      assert.equal(await main(['db', 'update', '--source', folder, '--ecosystem', 'npm'], io), 0, out.stderr);
      assert.match(out.stdout, /npm: 1 malicious-package advisories/);
      const missing = cli();
      assert.equal(await main(['db', 'update', '--source', join(folder, 'nope.zip'), '--ecosystem', 'npm'], missing.io), 2);
      assert.match(missing.out.stderr, /cannot read .*nope\.zip: ENOENT/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('a corrupt cache file is reported by status (exit 2), not read as empty', async () => {
    writeFileSync(join(osvCacheDir(), 'pypi.tsv'), '{"format": 99}');
    const { out, io } = cli();
    assert.equal(await main(['db', 'status'], io), 2);
    assert.match(out.stdout, /pypi: unreadable: .*not a lurescan OSV cache file/);
    assert.ok(existsSync(join(osvCacheDir(), 'npm.tsv')));
  });

  it('usage errors', async () => {
    const { out, io } = cli();
    assert.equal(await main(['db', 'refresh'], io), 2);
    assert.match(out.stderr, /db takes update or status/);
    assert.equal(await main(['db', 'update', '--ecosystem', 'cargo'], io), 2);
    assert.equal(await main(['db', 'update', '--source', 'ftp://example.org/x.zip'], io), 2);
  });
});

describe('OSV cache file lookups (binary search over sorted lines)', () => {
  it('finds every key, all advisories of a key, and nothing for absent keys', () => {
    const entries: CacheEntry[] = [];
    for (let i = 0; i < 2000; i++) entries.push([`npm:pkg-${i}`, `MAL-${i}`, `summary\twith tab ${i}`, i % 7 ? [] : ['1.0.0', '1.0.1'], i % 7 !== 0]);
    entries.push(['npm:pkg-5', 'MAL-extra', 'second advisory', [], true]);
    const file = OsvCacheFile.parse(formatCacheFile({ ecosystem: 'npm', source: 'x', updatedAt: '2026-11-25T00:00:00Z', scanned: 9 }, entries), 'mem');
    assert.equal(file.meta.entries, 2001);
    for (let i = 0; i < 2000; i++) assert.ok(file.get(`npm:pkg-${i}`)?.some((a) => a.id === `MAL-${i}`), `pkg-${i}`);
    assert.deepEqual(file.get('npm:pkg-5')?.map((a) => a.id).sort(), ['MAL-5', 'MAL-extra']);
    assert.deepEqual(file.get('npm:pkg-7'), [{ id: 'MAL-7', summary: 'summary with tab 7', versions: ['1.0.0', '1.0.1'], allVersions: false }]);
    for (const k of ['npm:', 'npm:pkg-', 'npm:pkg-20000', 'npm:zzz', 'a', 'pypi:pkg-1', 'npm:pkg-1 ']) assert.equal(file.get(k), undefined, k);
    const empty = OsvCacheFile.parse(formatCacheFile({ ecosystem: 'npm', source: 'x', updatedAt: 'x', scanned: 0 }, []), 'mem');
    assert.equal(empty.get('npm:a'), undefined);
  });
});
