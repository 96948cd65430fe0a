import { createRequire } from 'node:module';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const Module = require('module');
const here = dirname(fileURLToPath(import.meta.url));

// Jest snapshot files are CommonJS modules (`exports[name] = value`). Load the legacy
// ones and rewrite them in Vitest's format so old assertions keep passing.
function migrateLegacySnapshots() {
  const legacy = require.resolve('./__snapshots__/prices_test.ts.snap');
  const entries: Record<string, string> = Module._load(legacy, null, false);
  const out = join(here, '__snapshots__', 'prices_test.ts.vitest.snap');
  if (existsSync(out)) return;
  mkdirSync(dirname(out), { recursive: true });
  const body = Object.entries(entries)
    .map(([k, v]) => `exports[\`${k}\`] = \`${String(v).replace(/`/g, '\\`')}\`;`)
    .join('\n\n');
  writeFileSync(out, `// Vitest Snapshot v1, https://vitest.dev/guide/snapshot.html\n\n${body}\n`);
}

export default function setup() {
  migrateLegacySnapshots();
  process.env.TZ = 'UTC';
}
