#!/usr/bin/env node
// The bundled CLI (dist/bundle/, built by `npm run build`): one file set to load instead of ~300 modules.
import { main } from '../dist/bundle/cli.js';

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

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`lurescan: internal error: ${e?.stack ?? e}\n`);
    process.exitCode = 2;
  },
);
