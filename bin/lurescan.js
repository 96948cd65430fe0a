#!/usr/bin/env node
// npm applies a folder's .npmrc (node-options=--require ./x.js) to `npx lurescan` run *inside* that folder, before
// lurescan starts: say so, because something may already have run.
const preload = /(^|\s)(--require|-r|--import|--loader|--experimental-loader)(=|\s)\S+/.exec(process.env.NODE_OPTIONS ?? '');
if (preload) {
  process.stderr.write(
    `lurescan: warning: NODE_OPTIONS preloads code (${preload[0].trim()}). If you started lurescan inside the folder you are ` +
      `scanning, its .npmrc may have set this and that code has already run. Scan from outside the folder.\n`,
  );
}

// Ctrl-C must still remove unpacked samples: exit through process.exit so the cleanup 'exit' hooks run.
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]]) process.on(signal, () => process.exit(code));

// The bundled CLI (dist/bundle/, built by `npm run build`). For a scan, the first worker thread starts loading the
// rules first, while the main thread loads the CLI (src/engine/prestart.ts); the scan's engine takes it over.
const argv = process.argv.slice(2);
const bundle = (name) =>
  import(`../dist/bundle/${name}.js`).catch((e) => {
    if (e?.code !== 'ERR_MODULE_NOT_FOUND' || !String(e.url ?? '').endsWith(`/dist/bundle/${name}.js`)) throw e;
    process.stderr.write(`lurescan: dist/bundle/${name}.js is missing: run \`npm run build\` (npm ci does it)\n`);
    process.exit(2);
  });
const { prestartWorker, releasePrestarted, wantsWorker } = await bundle('prestart');
if (wantsWorker(argv)) prestartWorker(argv);
const { main } = await bundle('cli');

main(argv)
  .then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`lurescan: internal error: ${e?.stack ?? e}\n`);
      process.exitCode = 2;
    },
  )
  // A worker started for a scan that never began (bad arguments): ended, so the process can exit.
  .finally(releasePrestarted);
