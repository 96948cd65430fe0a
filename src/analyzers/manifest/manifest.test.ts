import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { npmSpecSource, readPackageLock, readPnpmLock, readYarnLock } from './npm.js';
import { readPipfileLock, readPyproject, readRequirements, readTomlLock } from './pypi.js';

const pick = (d: { name: string; source: string }[]) => d.map((x) => `${x.name}:${x.source}`);

describe('manifest readers', () => {
  it('a code host repository address is a git dependency, as npm reads it; other https addresses are tarballs', () => {
    for (const spec of ['https://github.com/trufflesuite/provider-engine#web3-one', 'https://github.com/x/y', 'https://github.com/x/y.git', 'https://gitlab.com/x/y#v1.2', 'https://bitbucket.org/x/y/', 'https://github.com/x/y/tree/dev'])
      assert.equal(npmSpecSource(spec), 'git', spec);
    for (const spec of ['https://github.com/x/y/archive/refs/heads/main.tar.gz', 'https://github.com/x/y/releases/download/v1/y-1.0.0.tgz', 'https://codeload.github.com/x/y/tar.gz/main', 'https://files.example.net/y.tgz', 'https://github.com.evil.example/x/y', 'https://github.com/x'])
      assert.equal(npmSpecSource(spec), 'url', spec);
  });
  it('package-lock v1 nested dependencies', () => {
    const text = JSON.stringify({ lockfileVersion: 1, dependencies: { a: { version: '1.0.0', resolved: 'https://registry.npmjs.org/a/-/a-1.0.0.tgz', dependencies: { b: { version: 'git+https://github.com/x/b.git#abc' } } } } });
    assert.deepEqual(pick(readPackageLock('package-lock.json', text)), ['a:registry', 'b:git']);
  });
  it('yarn berry', () => {
    const text = '__metadata:\n  version: 6\n\n"left-pad@npm:^1.3.0":\n  version: 1.3.0\n  resolution: "left-pad@npm:1.3.0"\n\n"icons@https://x.example.net/icons.tgz":\n  version: 1.0.0\n  resolution: "icons@https://x.example.net/icons.tgz"\n';
    assert.deepEqual(pick(readYarnLock('yarn.lock', text)), ['left-pad:registry', 'icons:url']);
  });
  it('pnpm v9 and v6 keys', () => {
    const text = "lockfileVersion: '9.0'\npackages:\n  react@18.2.0:\n    resolution: {integrity: sha512-x}\n  /@scope/tool@1.0.0:\n    resolution: {tarball: http://10.0.0.5/tool.tgz}\n";
    assert.deepEqual(pick(readPnpmLock('pnpm-lock.yaml', text)), ['react:registry', '@scope/tool:url']);
  });
  it('requirements: extras, markers, URLs, continuation lines', () => {
    const text = 'requests[socks]>=2 ; python_version > "3.7"\nfoo @ https://files.example.net/foo-1.0.tar.gz\n-e git+https://github.com/x/bar.git#egg=bar\nbaz==1.0 \\\n  --hash=sha256:aa\n';
    assert.deepEqual(pick(readRequirements('requirements.txt', text)), ['requests:registry', 'foo:url', 'bar:git', 'baz:registry']);
  });
  it('Pipfile.lock, uv.lock, pyproject poetry tables', () => {
    assert.deepEqual(pick(readPipfileLock('Pipfile.lock', JSON.stringify({ _meta: { sources: [{ url: 'https://pypi.org/simple' }] }, default: { six: { version: '==1.16.0' }, x: { git: 'https://g.example/x.git' } } }))), ['six:registry', 'x:git']);
    const uv = '[[package]]\nname = "app"\nversion = "0.1"\nsource = { editable = "." }\n\n[[package]]\nname = "idna"\nversion = "3.6"\nsource = { registry = "https://pypi.org/simple" }\n\n[[package]]\nname = "tool"\nversion = "1.0"\nsource = { git = "https://example.net/tool.git?rev=1#abc" }\n';
    assert.deepEqual(pick(readTomlLock('uv.lock', uv)), ['idna:registry', 'tool:git']);
    const pp = '[tool.poetry.dependencies]\npython = "^3.10"\nrequests = "^2.31"\nmylib = { git = "https://github.com/x/mylib.git" }\n[build-system]\nrequires = ["poetry-core"]\n';
    assert.deepEqual(pick(readPyproject('pyproject.toml', pp)), ['poetry-core:registry', 'requests:registry', 'mylib:git']);
  });
});
