// npm:spec targets. No test here needs the internet: tarballs come from an injected fetcher, and the real `npm pack`
// path is pointed at loopback registries (refused port, a 404 server). The live test runs only with
// LURESCAN_NETWORK_TESTS=1.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { packTar } from 'modern-tar';
import { scan } from '../api/scan.js';
import { main } from '../cli/main.js';
import { openTarget, TargetError } from './index.js';
import { npmPackFetcher, parseNpmSpec } from './npm.js';

async function tarball(files: Record<string, string>, prefix = 'package/'): Promise<Buffer> {
  const entries = Object.entries(files).map(([name, body]) => ({ header: { name: prefix + name, size: Buffer.byteLength(body), type: 'file' as const }, body }));
  return gzipSync(await packTar(entries));
}

const hasNpm = spawnSync('npm', ['--version'], { encoding: 'utf8' }).status === 0;

describe('npm: targets', () => {
  it('unpacks the fetched tarball without its package/ prefix and keeps the user-facing name', async () => {
    const tgz = await tarball({ 'package.json': '{"name":"demo","version":"1.0.0"}', 'lib/index.js': 'module.exports = 1;\n' });
    let asked = '';
    const t = await openTarget('npm:demo@1.0.0', {
      npmFetch: async (pkg, dest) => {
        asked = pkg;
        const p = join(dest, 'demo-1.0.0.tgz');
        writeFileSync(p, tgz);
        return p;
      },
    });
    try {
      assert.equal(asked, 'demo@1.0.0');
      assert.equal(t.kind, 'npm');
      assert.equal(t.display, 'npm:demo@1.0.0');
      assert.deepEqual(t.files.map((f) => f.rel), ['lib/index.js', 'package.json']);
    } finally {
      await t.cleanup();
    }
  });

  it('scan() reports the npm spec as the target', async () => {
    const tgz = await tarball({ 'index.js': 'module.exports = 1;\n' }, 'node-demo/');
    const report = await scan('npm:@scope/demo', { threads: 0, npmFetch: async (_pkg, dest) => (writeFileSync(join(dest, 'x.tgz'), tgz), join(dest, 'x.tgz')) });
    assert.equal(report.target, 'npm:@scope/demo');
    assert.equal(report.stats.files, 1);
  });

  it('refuses specs npm would treat as a folder, git repo, URL or option', () => {
    for (const bad of ['npm:../evil', 'npm:./x', 'npm:/abs', 'npm:github:u/r', 'npm:git+https://x/y.git', 'npm:https://x/y.tgz', 'npm:--registry=http://x', 'npm:file:x', 'npm:']) {
      assert.throws(() => parseNpmSpec(bad), TargetError, bad);
    }
    for (const good of ['npm:lodash', 'npm:lodash@4.17.21', 'npm:@types/node@20', 'npm:react@^18.2.0', 'npm:x@latest']) {
      assert.doesNotThrow(() => parseNpmSpec(good), good);
    }
  });

  it('a failing fetcher becomes a TargetError (the CLI exits 2)', async () => {
    await assert.rejects(
      openTarget('npm:demo', { npmFetch: async () => Promise.reject(new Error('boom')) }),
      (e) => e instanceof TargetError && /cannot fetch npm:demo: boom/.test(e.message),
    );
  });
});

describe('npm pack against loopback registries', { skip: hasNpm ? false : 'npm is not installed' }, () => {
  const env = { ...process.env };
  const cacheDir = mkdtempSync(join(tmpdir(), 'lurescan-npm-cache-'));
  after(() => rmSync(cacheDir, { recursive: true, force: true }));
  const withRegistry = async (registry: string, fn: () => Promise<void>) => {
    Object.assign(process.env, { npm_config_registry: registry, npm_config_fetch_retries: '0', npm_config_cache: cacheDir, npm_config_offline: 'false', npm_config_prefer_offline: 'false' });
    try {
      await fn();
    } finally {
      for (const k of ['npm_config_registry', 'npm_config_fetch_retries', 'npm_config_cache', 'npm_config_offline', 'npm_config_prefer_offline']) {
        if (env[k] === undefined) delete process.env[k];
        else process.env[k] = env[k];
      }
    }
  };

  it('an unreachable registry is a clear TargetError', async () => {
    await withRegistry('http://127.0.0.1:9/', async () => {
      await assert.rejects(openTarget('npm:left-pad@1.3.0'), (e) => e instanceof TargetError && /unreachable|npm pack failed/.test(e.message));
    });
  });

  it('a package the registry does not know is a clear TargetError', async () => {
    const server = createServer((_req, res) => res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"Not found"}'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const { port } = server.address() as AddressInfo;
      await withRegistry(`http://127.0.0.1:${port}/`, async () => {
        await assert.rejects(openTarget('npm:no-such-package-lurescan'), (e) => e instanceof TargetError && /does not exist on the registry/.test(e.message));
        // Through the CLI: one clear line on stderr, exit code 2.
        let stderr = '';
        const quiet = { write: () => true, isTTY: false };
        const code = await main(['scan', 'npm:no-such-package-lurescan'], { stdout: quiet, stderr: { write: (t: string) => (stderr += t), isTTY: false }, env: {} });
        assert.equal(code, 2);
        assert.match(stderr, /npm:no-such-package-lurescan does not exist on the registry \(404\)/);
      });
    } finally {
      server.close();
    }
  });
});

describe('npm pack live', { skip: process.env.LURESCAN_NETWORK_TESTS === '1' ? false : 'set LURESCAN_NETWORK_TESTS=1 to fetch from the real registry' }, () => {
  it('fetches a real package without running scripts', async () => {
    const t = await openTarget('npm:left-pad@1.3.0', { npmFetch: npmPackFetcher });
    try {
      assert.ok(t.files.some((f) => f.rel === 'package.json'));
    } finally {
      await t.cleanup();
    }
  });
});
