import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, it } from 'node:test';
import { REPO } from '../cli/helpers.js';

/**
 * The architecture, as DESIGN.md draws it: imports point one way, from the CLI down to core. A folder may import
 * from itself and from any folder of a lower layer, never upwards: a rule that imports the engine, or core that
 * imports a rule, would make the layers a tangle that no one can test in isolation.
 */
const LAYER: Record<string, number> = {
  'index.ts': 9, // the library's public entry re-exports the API
  cli: 8,
  testing: 7, // helpers for tests: may build scans, never imported by product code
  reporters: 6, // render what the API returns (Report, CheckReport)
  api: 5,
  engine: 4,
  sandbox: 4,
  triage: 4,
  online: 4,
  targets: 3, // inputs: folders, archives, registries; used by the engine, sandbox and online
  rules: 2,
  analyzers: 1,
  core: 0,
};

const SRC = join(REPO, 'src');

function productFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'fixtures' ? [] : productFiles(p);
    return /\.(ts|mts|cts)$/.test(e.name) && !/\.test\.ts$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

function layerOf(file: string): string {
  const top = relative(SRC, file).split(sep)[0]!;
  return top;
}

/** Static imports, re-exports and dynamic `import('…')` with a relative specifier. */
function relativeImports(text: string): string[] {
  const specs: string[] = [];
  for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.[^'"]*)\1/g)) specs.push(m[2]!);
  return specs;
}

describe('architecture: imports point from the CLI down to core', () => {
  it('every src folder has a layer (a new folder must be placed deliberately)', () => {
    const tops = readdirSync(SRC).filter((n) => !n.endsWith('.test.ts'));
    for (const t of tops) assert.ok(t in LAYER, `src/${t} has no layer in test/contract/layers.test.ts`);
  });

  it('no product file imports from a higher layer', () => {
    const violations: string[] = [];
    let edges = 0;
    for (const file of productFiles(SRC)) {
      const from = layerOf(file);
      for (const spec of relativeImports(readFileSync(file, 'utf8'))) {
        const target = resolve(dirname(file), spec);
        if (!target.startsWith(SRC + sep)) continue; // package.json, data/ …
        const to = layerOf(target);
        if (to === from) continue;
        edges++;
        if (LAYER[to]! >= LAYER[from]!) violations.push(`${relative(REPO, file)} (${from}) imports ${spec} (${to})`);
      }
    }
    assert.ok(edges > 100, `the import scan found ${edges} cross-folder imports: it is not reading the sources`);
    assert.deepEqual(violations, []);
  });

  it('the check has teeth: an upward import is caught', () => {
    const specs = relativeImports(`import { scan } from '../api/scan.js';\nconst m = await import('../engine/pool.js');\nexport * from "./x.js";`);
    assert.deepEqual(specs, ['../api/scan.js', '../engine/pool.js', './x.js']);
    const file = join(SRC, 'rules', 'text', 'x.ts');
    assert.equal(layerOf(resolve(dirname(file), '../../api/scan.js')), 'api');
    assert.ok(LAYER.api! > LAYER.rules!);
  });
});
