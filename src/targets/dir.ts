import { lstatSync, readdirSync, readlinkSync, realpathSync, type Dirent } from 'node:fs';
import { resolve, sep } from 'node:path';
import type { ScanError, Skipped } from '../core/report.js';
import type { TargetFile } from './types.js';

/**
 * Lists every regular file under `root` without following symlinks (a lure can point one at ~/.ssh, or loop).
 * Iterative, so a 10k-deep tree cannot overflow the stack. Nothing is skipped silently: symlinks, devices, FIFOs and
 * unreadable folders are reported.
 */
export function walkDirectory(root: string): { files: TargetFile[]; skipped: Skipped[]; errors: ScanError[] } {
  const files: TargetFile[] = [];
  const skipped: Skipped[] = [];
  const errors: ScanError[] = [];
  const absRoot = resolve(root);
  const realRoot = safeRealpath(absRoot) ?? absRoot;
  // Folders as [absolute, relative] pairs: paths are joined by hand (path.relative per file cost 15 % of a 100k-file walk).
  const stack: [string, string][] = [[absRoot, '']];
  while (stack.length) {
    const [dir, dirRel] = stack.pop()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      errors.push({ path: dirRel || '.', message: `unreadable folder: ${(e as NodeJS.ErrnoException).code ?? e}` });
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
    for (const ent of entries) {
      const abs = dir.endsWith(sep) ? dir + ent.name : dir + sep + ent.name;
      const rel = dirRel ? `${dirRel}/${ent.name}` : ent.name;
      if (ent.isDirectory()) stack.push([abs, rel]);
      else if (ent.isFile()) {
        try {
          // lstat: a symlink swapped in since readdir must not lend us its target's size (the read refuses it anyway).
          files.push({ rel, abs, size: lstatSync(abs).size });
        } catch (e) {
          errors.push({ path: rel, message: `unreadable: ${(e as NodeJS.ErrnoException).code ?? e}` });
        }
      } else if (ent.isSymbolicLink()) {
        skipped.push({ path: rel, reason: describeSymlink(abs, realRoot) });
      } else {
        const type = ent.isFIFO() ? 'FIFO' : ent.isSocket() ? 'socket' : ent.isCharacterDevice() || ent.isBlockDevice() ? 'device file' : 'special file';
        skipped.push({ path: rel, reason: `${type}: not read` });
      }
    }
  }
  files.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  return { files, skipped, errors };
}

function safeRealpath(p: string): string | null {
  try {
    return realpathSync(p);
  } catch {
    return null;
  }
}

function describeSymlink(abs: string, realRoot: string): string {
  let target = '?';
  try {
    target = readlinkSync(abs);
  } catch {
    /* reported below as dangling */
  }
  const real = safeRealpath(abs);
  if (real === null) return `symlink not followed (dangling or looping) -> ${target}`;
  const inside = real === realRoot || real.startsWith(realRoot + sep);
  if (!inside) return `symlink not followed: points outside the target -> ${target}`;
  let what = 'file';
  try {
    what = lstatSync(real).isDirectory() ? 'folder' : 'file';
  } catch {
    /* ignore */
  }
  return `symlink not followed: the ${what} it points to inside the target is scanned at its own path -> ${target}`;
}
