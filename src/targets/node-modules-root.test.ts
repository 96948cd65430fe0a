import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { scan } from '../api/scan.js';
import { directoryRoot, openTarget } from './index.js';

/** An installed dependency tree: a package with a GitHub devDependency and a shipped ELF binary (esbuild-like). */
function installedTree(): string {
  const project = mkdtempSync(join(tmpdir(), 'lurescan-nm-'));
  process.once('exit', () => rmSync(project, { recursive: true, force: true }));
  const pkg = join(project, 'node_modules', 'acorn-plugin');
  mkdirSync(join(pkg, 'bin'), { recursive: true });
  writeFileSync(join(pkg, 'package.json'), '{"name":"acorn-plugin","version":"1.0.0","devDependencies":{"test262":"https://github.com/tc39/test262#47ab262658cd97ae35c9a537808cac18fa4ab567"}}\n');
  writeFileSync(join(pkg, 'bin', 'tool'), Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(4096, 1)]));
  return project;
}

describe('a scanned folder named node_modules', () => {
  it('reports paths as node_modules/<package>/… so its files weigh as vendored code', async () => {
    const project = installedTree();
    assert.deepEqual(directoryRoot(join(project, 'node_modules')), { root: project, prefix: 'node_modules/' });
    assert.deepEqual(directoryRoot(project), { root: project, prefix: '' });
    const target = await openTarget(join(project, 'node_modules'), {});
    assert.deepEqual(target.files.map((f) => f.rel).sort(), ['node_modules/acorn-plugin/bin/tool', 'node_modules/acorn-plugin/package.json']);

    const direct = await scan(join(project, 'node_modules'), { threads: 0 });
    const asProject = await scan(project, { threads: 0 });
    assert.deepEqual(
      direct.findings.map((f) => [f.ruleId, f.file, f.severity]),
      asProject.findings.map((f) => [f.ruleId, f.file, f.severity]),
      'the same findings as when the project is scanned',
    );
    assert.equal(direct.verdict, asProject.verdict);
    // Scanned without the prefix the same tree is suspicious (59): a GitHub devDependency and a binary read as the project's own.
    assert.equal(direct.verdict, 'clean');
  });
});
