// pypi:spec targets against a loopback index speaking PyPI's JSON API (no internet needed), plus spec validation.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { packTar } from 'modern-tar';
import { openTarget, TargetError } from './index.js';
import { parsePypiSpec } from './pypi.js';

async function sdist(): Promise<Buffer> {
  const files = { 'demo-1.0/setup.py': 'from setuptools import setup\nsetup(name="demo")\n', 'demo-1.0/demo/__init__.py': '' };
  return gzipSync(await packTar(Object.entries(files).map(([name, body]) => ({ header: { name, size: Buffer.byteLength(body), type: 'file' as const }, body }))));
}

describe('pypi: targets', () => {
  let server: Server;
  let base = '';
  let tarball: Buffer;
  let badDigest = false;
  before(async () => {
    tarball = await sdist();
    server = createServer((req, res) => {
      const sha256 = badDigest ? '0'.repeat(64) : createHash('sha256').update(tarball).digest('hex');
      if (req.url === '/pypi/demo/1.0/json' || req.url === '/pypi/demo/json') {
        res.writeHead(200, { 'content-type': 'application/json' }).end(
          JSON.stringify({ urls: [{ packagetype: 'bdist_wheel', filename: 'demo-1.0-py3-none-any.whl', url: '/files/w.whl' }, { packagetype: 'sdist', filename: 'demo-1.0.tar.gz', url: '/files/demo-1.0.tar.gz', size: tarball.length, digests: { sha256 } }] }),
        );
      } else if (req.url === '/files/demo-1.0.tar.gz') res.writeHead(200).end(tarball);
      else res.writeHead(404).end('{"message":"Not Found"}');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    process.env.LURESCAN_PYPI_URL = base;
  });
  after(() => {
    delete process.env.LURESCAN_PYPI_URL;
    server.close();
  });

  it('downloads the sdist (not the wheel), checks its SHA-256 and drops the name-version/ folder', async () => {
    const t = await openTarget('pypi:demo==1.0');
    try {
      assert.equal(t.kind, 'pypi');
      assert.equal(t.display, 'pypi:demo==1.0');
      assert.deepEqual(t.files.map((f) => f.rel), ['demo/__init__.py', 'setup.py']);
    } finally {
      await t.cleanup();
    }
  });

  it('an unknown package, a tampered download and an unreachable index are clear TargetErrors', async () => {
    await assert.rejects(openTarget('pypi:nope'), (e) => e instanceof TargetError && /does not exist on the package index \(404\)/.test(e.message));
    badDigest = true;
    try {
      await assert.rejects(openTarget('pypi:demo'), (e) => e instanceof TargetError && /does not match the index's SHA-256/.test(e.message));
    } finally {
      badDigest = false;
    }
    process.env.LURESCAN_PYPI_URL = 'http://127.0.0.1:9';
    try {
      await assert.rejects(openTarget('pypi:demo'), (e) => e instanceof TargetError && /unreachable/.test(e.message));
    } finally {
      process.env.LURESCAN_PYPI_URL = base;
    }
  });

  it('refuses specs that are not a name[==version]', () => {
    for (const bad of ['pypi:', 'pypi:../x', 'pypi:https://x/y', 'pypi:a==1==2', 'pypi:a>=1', 'pypi:-x', 'pypi:a==1/../b']) assert.throws(() => parsePypiSpec(bad), TargetError, bad);
    assert.deepEqual(parsePypiSpec('pypi:requests==2.32.3'), { name: 'requests', version: '2.32.3' });
    assert.deepEqual(parsePypiSpec('pypi:zope.interface'), { name: 'zope.interface', version: undefined });
  });
});
