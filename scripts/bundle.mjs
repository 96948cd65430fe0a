#!/usr/bin/env node
// `npm run build`, second step (after tsc): bundles the CLI and the worker-thread entry with esbuild into dist/bundle/.
//
// Why: node 20 has no module compile cache, and loading the CLI as ~216 separate ES modules plus its dependencies'
// CommonJS files cost ~0.29 CPU-s before a scan could start (resolve, fstat, open and compile per file), and every
// worker thread paid ~0.19 s again for the rules. One bundle (with code splitting, so the CLI and the worker share
// their chunks, and what `scan` does not need — report/detonate/check/db, ajv, zip.js, the sandbox — stays in chunks
// loaded on demand) costs a fraction of that. The library (`import { scan } from 'lurescan'`, dist/index.js + .d.ts)
// stays tsc's output; bin/lurescan.js runs dist/bundle/cli.js.
//
// Paths: the bundle sits two folders below the package root (dist/bundle/), like every tsc module that reads a file
// relative to itself (../../package.json, ../../schema/, ../../sandbox-runtime/, data/ found by walking up), so those
// resolve unchanged. The engine finds the worker as ./worker.js beside its own chunk. Packages that locate files
// beside themselves or are native stay external: piscina (its worker file), web-tree-sitter (its .wasm), typescript
// (9 MB, loaded only when a TS file needs it), webcrack and isolated-vm (the deobfuscator child loads them itself).
import { build } from 'esbuild';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}dist/bundle`;
rmSync(outdir, { recursive: true, force: true });

const common = {
  absWorkingDir: root,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // ESM builds first (jsonc-parser's "main" is a UMD file that requires its parts at run time).
  mainFields: ['module', 'main'],
  // Bundled CommonJS dependencies call require() (node builtins): an ES module has none, so each chunk gets one.
  banner: { js: "import { createRequire as __lurescanRequire } from 'node:module'; const require = __lurescanRequire(import.meta.url);" },
  sourcemap: 'linked',
  logLevel: 'warning',
};

await build({
  ...common,
  // prestart: what bin/lurescan.js loads first to start the first worker while the CLI loads (src/engine/prestart.ts).
  entryPoints: { cli: 'src/cli/main.ts', worker: 'src/engine/worker.ts', prestart: 'src/engine/prestart.ts' },
  outdir,
  splitting: true,
  chunkNames: 'chunk-[hash]',
  external: ['piscina', 'web-tree-sitter', '@vscode/tree-sitter-wasm', 'typescript', 'webcrack', 'isolated-vm', 'tsx'],
});

// The deobfuscator child's webcrack (with @babel/*: ~600 CommonJS files) as one file: the child imports it before its
// first decode, and that import is on the critical path of a scan of obfuscated files (~0.3 CPU-s unbundled). The
// child finds it beside the CLI bundle (dist/bundle/webcrack.js); isolated-vm, native, stays external.
await build({
  ...common,
  stdin: { contents: "export { webcrack } from 'webcrack';", resolveDir: root, loader: 'js', sourcefile: 'webcrack-entry.js' },
  outfile: `${outdir}/webcrack.js`,
  sourcemap: false,
  // An optional require of @babel/core's (TypeScript config files) that webcrack never reaches.
  external: ['isolated-vm', '@babel/preset-typescript/package.json'],
});

// Smoke check: the bundle loads and answers (a broken bundle must fail the build, not the first scan).
for (const f of ['cli.js', 'worker.js', 'prestart.js', 'webcrack.js']) if (!existsSync(`${outdir}/${f}`)) throw new Error(`bundle: ${f} missing`);
const run = spawnSync(process.execPath, ['--input-type=module', '-e', `const { main } = await import(${JSON.stringify(`${outdir}/cli.js`)}); process.exitCode = await main(['--version']);`], { encoding: 'utf8' });
if (run.status !== 0) throw new Error(`bundle: dist/bundle/cli.js does not run: ${run.stderr || run.stdout}`);
const wc = spawnSync(process.execPath, ['--input-type=module', '-e', `const { webcrack } = await import(${JSON.stringify(`${outdir}/webcrack.js`)}); if (typeof webcrack !== 'function') process.exit(1);`], { encoding: 'utf8' });
if (wc.status !== 0) throw new Error(`bundle: dist/bundle/webcrack.js does not load: ${wc.stderr || wc.stdout}`);

// The deobfuscator child's V8 startup snapshot (dist/bundle/deob-child.blob + .json): webcrack loaded and one warm-up
// decode of our own WARM_SAMPLE done, so a child deserialises a warm webcrack (~0.14 CPU-s) instead of starting node,
// importing the bundle and compiling webcrack during its first file (~0.35 CPU-s more per child, on the critical path
// of a scan of obfuscated files). The child's program (src/analyzers/js/deob-child.ts, tsc's output) is the same
// function the plain child runs; isolated-vm, a native addon, is required after deserialisation from the path the
// helper passes. V8 only reads a blob built by the same node with the same V8 flags: the .json records them and the
// engine uses the blob only when they match (otherwise, or if this step fails, the plain child as before).
// The warm-up's string-array decoder runs through plain eval here: it is WARM_SAMPLE, our own constant, at build time.
const snapshotBlob = `${outdir}/deob-child.blob`;
try {
  const { CHILD_MAIN, WARM_SAMPLE, WEBCRACK_OPTIONS, childV8Flags } = await import(pathToFileURL(`${root}dist/analyzers/js/deob-child.js`).href);
  const entry = `${outdir}/deob-child-snapshot.cjs`;
  await build({
    ...common,
    format: 'cjs',
    banner: {},
    stdin: {
      contents: [
        "const { webcrack } = require('webcrack');",
        "const v8 = require('node:v8');",
        `const main = (${CHILD_MAIN});`,
        `webcrack(${JSON.stringify(WARM_SAMPLE)}, { ...${JSON.stringify(WEBCRACK_OPTIONS)}, sandbox: async (code) => (0, eval)(code) })`,
        "  .then((r) => { if (!r.code.includes('abcghi')) throw new Error('warm-up decode failed'); });",
        'v8.startupSnapshot.setDeserializeMainFunction(() => {',
        // Deserialised: the helper now knows the blob works here (a child that dies before this line falls back).
        "  process.stdout.write('{\"ready\":true}\\n');",
        '  const ivm = process.argv[1];',
        "  const { fileURLToPath } = require('node:url');",
        "  const path = ivm.startsWith('file:') ? fileURLToPath(ivm) : ivm;",
        "  main({ Worker: require('node:worker_threads').Worker, loadWebcrack: async () => webcrack, loadIvm: async () => require('node:module').createRequire(path)(path) });",
        '});',
      ].join('\n'),
      resolveDir: root,
      loader: 'js',
      sourcefile: 'deob-child-snapshot.js',
    },
    outfile: entry,
    sourcemap: false,
    external: ['isolated-vm', '@babel/preset-typescript/package.json'],
  });
  const flags = childV8Flags(512);
  const made = spawnSync(process.execPath, [...flags, '--snapshot-blob', snapshotBlob, '--build-snapshot', entry], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
  rmSync(entry, { force: true });
  if (made.status !== 0 || !existsSync(snapshotBlob)) throw new Error(made.stderr.split('\n').filter((l) => !/Warning|out-of-sync|issue tracker|trace-warnings/.test(l)).join(' ').slice(0, 300));
  // Smoke check: a child from the blob answers the warm-up sample like the plain child does.
  const ivm = pathToFileURL(createRequire(import.meta.url).resolve('isolated-vm')).href;
  const ask = (args) =>
    spawnSync(process.execPath, [...flags, ...args], { input: JSON.stringify({ id: 1, code: WARM_SAMPLE, graceMs: 20000 }) + '\n', encoding: 'utf8', timeout: 30000, env: { PATH: process.env.PATH ?? '' } });
  const fromSnapshot = ask(['--snapshot-blob', snapshotBlob, ivm]);
  const { CHILD_PROGRAM } = await import(pathToFileURL(`${root}dist/analyzers/js/deob-child.js`).href);
  const plain = ask(['--input-type=module', '-e', CHILD_PROGRAM, pathToFileURL(`${outdir}/webcrack.js`).href, ivm]);
  const answer = (r) => { try { return JSON.parse(r.stdout.trim().split('\n').pop()); } catch { return null; } };
  const a = answer(fromSnapshot);
  const b = answer(plain);
  if (!a?.ok || !b?.ok || a.code !== b.code) throw new Error(`a child from the snapshot does not answer like the plain child: ${fromSnapshot.stderr || fromSnapshot.stdout}`.slice(0, 300));
  writeFileSync(`${outdir}/deob-child.json`, JSON.stringify({ node: process.version, platform: process.platform, arch: process.arch, flags, blob: './deob-child.blob' }, null, 2) + '\n');
} catch (e) {
  rmSync(snapshotBlob, { force: true });
  rmSync(`${outdir}/deob-child.json`, { force: true });
  process.stderr.write(`bundle: no deobfuscator snapshot (the child will import webcrack instead): ${e?.message ?? e}\n`);
}
