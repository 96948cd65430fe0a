import { cpSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';

/** Folder names git will not store (or that would be ignored), kept in fixtures under a stand-in name. */
const RENAME: Record<string, string> = { _node_modules: 'node_modules', _git: '.git' };

/**
 * A stager for the fixture folders under `root`: copies one to a temp folder (removed after the test file) and gives
 * `_node_modules` / `_git` folders their real names, so the scan sees what a victim's checkout would hold.
 */
export function fixtureStager(root: string, prefix: string): (name: string) => string {
  const work = mkdtempSync(join(tmpdir(), `lurescan-${prefix}-`));
  after(() => rmSync(work, { recursive: true, force: true }));
  return (name: string) => {
    const dst = join(work, name);
    cpSync(join(root, name), dst, { recursive: true });
    const fix = (dir: string) => {
      for (const e of readdirSync(dir)) {
        let p = join(dir, e);
        if (!statSync(p).isDirectory()) continue;
        const real = RENAME[e];
        if (real) renameSync(p, (p = join(dir, real)));
        fix(p);
      }
    };
    fix(dst);
    return dst;
  };
}
