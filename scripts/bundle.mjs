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
import { existsSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
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
