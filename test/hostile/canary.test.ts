// The canary: a lure whose every script, task, hook, config and top-level statement would write a marker file if
// anything ran it. After scanning it through the library and through the CLI, no marker exists and no process was
// started for it. The CLI run is traced with strace (in CI) so a spawn from a worker thread cannot hide.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { basename, join } from 'node:path';
import { describe, it } from 'node:test';
import { scan } from '../../src/index.js';
import { REPO, tmp, writeTree } from './helpers/fixtures.js';
import { buildZip } from './helpers/zip-writer.js';

const markers = tmp('lurescan-canary-markers-');
const touch = (what: string) => `touch ${join(markers, what)}`;
const js = (what: string) => `require('fs').writeFileSync(${JSON.stringify(join(markers, what))}, 'ran');\n`;
const py = (what: string) => `open(${JSON.stringify(join(markers, what))}, 'w').write('ran')\n`;

function buildCanary(): string {
  const scripts = Object.fromEntries(
    ['preinstall', 'install', 'postinstall', 'prepare', 'prepublish', 'preprepare', 'postprepare', 'prestart', 'start', 'dev', 'test', 'build', 'pretest']
      .map((s) => [s, `${touch(`npm-${s}`)} && node index.js`]),
  );
  const root = writeTree(tmp('lurescan-canary-'), {
    'package.json': JSON.stringify({ name: 'canary', version: '1.0.0', main: 'index.js', scripts, bin: { canary: 'bin/cli.js' } }, null, 2),
    '.npmrc': `node-options=--require ./index.js\nscript-shell=./evil.sh\nonload-script=./index.js\n`,
    'index.js': js('js-toplevel'),
    'bin/cli.js': `#!/usr/bin/env node\n${js('bin')}`,
    'server/server.js': js('server'),
    'app.mjs': `import fs from 'node:fs';\nfs.writeFileSync(${JSON.stringify(join(markers, 'esm'))}, 'ran');\n`,
    'next.config.js': `${js('next-config')}module.exports = {};\n`,
    'postcss.config.js': `module.exports = {};${' '.repeat(300)}${js('postcss-config')}`,
    'tailwind.config.js': js('tailwind-config'),
    'jest.config.js': js('jest-config'),
    'vite.config.mjs': `import fs from 'node:fs'; fs.writeFileSync(${JSON.stringify(join(markers, 'vite-config'))}, 'ran'); export default {};\n`,
    'eslint.config.js': js('eslint-config'),
    'babel.config.js': js('babel-config'),
    'webpack.config.js': js('webpack-config'),
    'hardhat.config.js': js('hardhat-config'),
    'public/fonts/fa-solid-400.woff2': js('woff2-is-js'),
    'evil.sh': `#!/bin/sh\n${touch('shell-script')}\n`,
    '.vscode/tasks.json': JSON.stringify({
      version: '2.0.0',
      tasks: [{ label: 'init', type: 'shell', command: touch('vscode-task'), runOptions: { runOn: 'folderOpen' }, presentation: { reveal: 'never' } }],
    }),
    '.vscode/settings.json': `{ "terminal.integrated.hideOnStartup": "always", "python.defaultInterpreterPath": "./evil.sh", }\n`,
    '.devcontainer/devcontainer.json': JSON.stringify({ postCreateCommand: touch('devcontainer'), initializeCommand: touch('devcontainer-init') }),
    '.git/HEAD': 'ref: refs/heads/main\n',
    '.git/config': `[core]\n\tfsmonitor = ${touch('git-fsmonitor')}\n\thooksPath = .githooks\n\tpager = ${touch('git-pager')}\n[filter "x"]\n\tsmudge = ${touch('git-smudge')}\n`,
    '.gitattributes': '* filter=x\n',
    '.git/hooks/post-checkout': `#!/bin/sh\n${touch('git-hook')}\n`,
    '.githooks/pre-commit': `#!/bin/sh\n${touch('githooks')}\n`,
    '.husky/pre-commit': `#!/bin/sh\n${touch('husky')}\n`,
    '.envrc': `${touch('direnv')}\n`,
    Makefile: `all:\n\t${touch('make')}\n`,
    Dockerfile: `FROM node:20\nRUN ${touch('docker')}\n`,
    'setup.py': `import setuptools\n${py('setup-py')}setuptools.setup(name='canary')\n`,
    'pyproject.toml': `[build-system]\nrequires = []\nbuild-backend = "backend"\nbackend-path = ["."]\n`,
    'backend.py': py('build-backend'),
    'conftest.py': py('conftest'),
    'sitecustomize.py': py('sitecustomize'),
    'canary.pth': `import os; ${py('pth').trim()}\n`,
    'main.py': `if __name__ == '__main__':\n    ${py('python-main')}`,
  });
  for (const f of ['.git/hooks/post-checkout', '.githooks/pre-commit', '.husky/pre-commit', 'evil.sh', 'bin/cli.js']) chmodSync(join(root, f), 0o755);
  return root;
}

const canary = buildCanary();

/** An obfuscator.io-shaped snippet (string array, rotation loop, accessor), the shape that triggers deobfuscation. */
function obfuscatedStealer(): string {
  const strings = ["'child_process'", "'Login\\x20Data'", "'http://203.0.113.9:1224/uploads'", "'log'"];
  return [
    `function _0x1b2c(){const _0x5a1f3e=[${strings.join(',')}];_0x1b2c=function(){return _0x5a1f3e;};return _0x1b2c();}`,
    'function _0x4e7a(_0x2d8f11,_0x3c9a22){const _0x1b2c33=_0x1b2c();return _0x4e7a=function(_0x4e7a44,_0x1a2b55){_0x4e7a44=_0x4e7a44-0x0;let _0x5c6d66=_0x1b2c33[_0x4e7a44];return _0x5c6d66;},_0x4e7a(_0x2d8f11,_0x3c9a22);}',
    "(function(_0x3a1b77,_0x2c4d88){const _0x5e6f99=_0x4e7a,_0x1a2baa=_0x3a1b77();while(!![]){try{const _0x4c5dbb=parseInt(_0x5e6f99(0x3));if(_0x4c5dbb===_0x2c4d88)break;else _0x1a2baa['push'](_0x1a2baa['shift']());}catch(_0x3e4fcc){_0x1a2baa['push'](_0x1a2baa['shift']());}}}(_0x1b2c,0x1));",
    'const _0x2f3a01=require(_0x4e7a(0x0));console[_0x4e7a(0x3)](_0x4e7a(0x1),_0x4e7a(0x2));\n',
  ].join('');
}
const firedMarkers = () => readdirSync(markers);

/** The same lure as a zip (with exec bits) and a tgz: unpacking must not run anything either. */
function packCanary(): { zip: string; tgz: string } {
  const out = tmp('lurescan-canary-packed-');
  const files = (readdirSync(canary, { recursive: true }) as string[]).filter((f) => statSync(join(canary, f)).isFile()).sort();
  const zip = join(out, 'take-home.zip');
  writeFileSync(zip, buildZip(files.map((f) => ({ name: `take-home/${f}`, data: readFileSync(join(canary, f)), mode: statSync(join(canary, f)).mode }))));
  const tgz = join(out, 'take-home.tgz');
  const tar = spawnSync('tar', ['-czf', tgz, '-C', canary, '.']);
  assert.equal(tar.status, 0, String(tar.stderr));
  return { zip, tgz };
}
const packed = packCanary();

describe('canary: scanning never runs what it scans', () => {
  it('the fixture is a real lure: the autorun map sees its hooks', async () => {
    const r = await scan(canary, { threads: 0 });
    const triggers = new Set(r.autorun.map((a) => a.trigger));
    for (const t of ['npm-install', 'vscode-folder-open', 'git']) assert.ok(triggers.has(t as never), `autorun map lists ${t}`);
    assert.deepEqual(firedMarkers(), []);
  });

  it('scan() in-process, of the folder, its zip and its tgz: no marker, no child_process call', async () => {
    // Patch the shared builtin (CJS object + ESM named exports) so any spawn during the scan is recorded.
    const cp = createRequire(import.meta.url)('node:child_process') as Record<string, unknown>;
    const names = ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'];
    const saved = names.map((n) => cp[n]);
    const calls: string[] = [];
    for (const n of names) {
      const orig = cp[n] as (...a: unknown[]) => unknown;
      cp[n] = (...args: unknown[]) => {
        calls.push(`${n} ${String(args[0])}`);
        return orig(...args);
      };
    }
    syncBuiltinESMExports();
    try {
      const r = await scan(canary, { threads: 0 });
      assert.ok(r.stats.files > 30);
      await scan(canary, { threads: 2 }); // worker threads too (their spawns are caught by strace below)
      for (const archive of [packed.zip, packed.tgz]) {
        const a = await scan(archive, { threads: 0 });
        assert.equal(a.stats.files, r.stats.files, archive);
      }
    } finally {
      names.forEach((n, i) => (cp[n] = saved[i]));
      syncBuiltinESMExports();
    }
    assert.deepEqual(calls, []);
    assert.deepEqual(firedMarkers(), []);
  });

  const hasStrace = spawnSync('strace', ['-V']).status === 0;
  const noStrace = 'strace is not installed: the in-process child_process check above still ran';

  /** Runs the CLI on `target` under strace -f and returns every exec after node's own (tsx's esbuild service aside). */
  function tracedCli(target: string): { others: Array<{ path: string; argv: string }>; report: { target: string; stats: { files: number } } } {
    const trace = join(tmp('lurescan-canary-trace-'), `execve-${basename(target)}.txt`);
    // As bin/lurescan.js does, from source through tsx; --threads 2 so worker threads are traced as well. The cwd is
    // the repository: the dev loader (tsx) reads tsconfig.json from the cwd, the product does not.
    const entry = `import(${JSON.stringify(join(REPO, 'src/cli/main.ts'))}).then((m) => m.main(process.argv.slice(1))).then((c) => process.exit(c))`;
    const run = spawnSync(
      'strace',
      ['-f', '-qq', '-s', '4096', '-e', 'trace=execve,execveat', '-o', trace, process.execPath, '--import', 'tsx', '-e', entry, 'scan', target, '--format', 'json', '--threads', '2'],
      { cwd: REPO, encoding: 'utf8', maxBuffer: 64 << 20, env: { ...process.env, NO_COLOR: '1' } },
    );
    assert.ok(run.status === 1 || run.status === 0 || run.status === 2, `CLI exit ${run.status}: ${run.stderr}`);
    const report = JSON.parse(run.stdout) as { target: string; stats: { files: number } };
    // `1234 execve("/usr/bin/node", ["node", ...], ...) = 0` — failed PATH lookups count too: they are attempts.
    const execs = readFileSync(trace, 'utf8')
      .split('\n')
      .map((l) => /^\d+\s+execve(?:at)?\("([^"]*)", \[(.*?)\]/.exec(l))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => ({ path: m[1]!, argv: m[2]! }));
    assert.equal(execs[0]?.path, process.execPath, 'the first exec is node itself');
    const esbuild = join(REPO, 'node_modules/@esbuild/');
    return { others: execs.slice(1).filter((e) => !(e.path.startsWith(esbuild) && /--service=/.test(e.argv))), report };
  }

  it("the CLI under strace, on the folder and its zip: the only program executed is node (and, from source, tsx's esbuild service)", { skip: hasStrace ? false : noStrace, timeout: 120_000 }, () => {
    for (const target of [canary, packed.zip]) {
      const { others, report } = tracedCli(target);
      assert.equal(report.target, target);
      assert.ok(report.stats.files > 30);
      assert.deepEqual(others, [], 'nothing else was executed');
    }
    assert.deepEqual(firedMarkers(), []);
  });

  // Decided: obfuscator.io string decoders are evaluated by lurescan's own deobfuscation helper — a child `node -e`
  // program (no file of the sample is executed) whose isolated-vm isolate has no I/O, a memory cap and a CPU timeout.
  // isolated-vm needs a node started with its own flags, hence the child. That child is allowed; nothing else is.
  const obfuscated = writeTree(tmp('lurescan-canary-obf-'), { 'tailwind.config.js': `module.exports = { content: [] };\n${obfuscatedStealer()}${js('obfuscated')}` });
  it("an obfuscated config starts only lurescan's sandboxed deobfuscator (node -e, isolated-vm), never the sample", { skip: hasStrace ? false : noStrace, timeout: 120_000 }, () => {
    const { others } = tracedCli(obfuscated);
    assert.deepEqual(firedMarkers(), []);
    const deobfuscator = (e: { path: string; argv: string }) => e.path === process.execPath && /"--input-type=module", "-e"/.test(e.argv) && /const \[webcrackUrl, ivmUrl/.test(e.argv);
    assert.deepEqual(others.filter((e) => !deobfuscator(e)).map((e) => e.argv.slice(0, 160)), [], 'a process other than the deobfuscator was started');
  });

  it('no marker exists after all scans', () => {
    assert.equal(existsSync(markers), true);
    assert.deepEqual(firedMarkers(), []);
  });
});
