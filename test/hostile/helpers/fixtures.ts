import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { packTar, type TarEntry } from 'modern-tar';

export const REPO = new URL('../../../', import.meta.url).pathname.replace(/\/$/, '');

/** A fresh temp folder, removed when the test process exits (fixtures are built at test time, never committed). */
export function tmp(prefix = 'lurescan-hostile-'): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  process.once('exit', () => {
    try {
      rmSync(d, { recursive: true, force: true });
    } catch {
      /* a fixture deeper than PATH_MAX removes itself */
    }
  });
  return d;
}

export function writeTree(root: string, files: Record<string, string | Uint8Array>): string {
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), content);
  }
  return root;
}

export async function tarBytes(entries: TarEntry[], gzip = false): Promise<Buffer> {
  const tar = Buffer.from(await packTar(entries));
  return gzip ? gzipSync(tar) : tar;
}

export function file(name: string, body: string): TarEntry {
  return { header: { name, size: Buffer.byteLength(body), type: 'file' }, body };
}

/** A 512-byte ustar header claiming `size` bytes (packTar insists on real bodies; bombs need a lying header). */
export async function tarHeader(name: string, size: number): Promise<Buffer> {
  const block = Buffer.from(await packTar([{ header: { name, size: 0, type: 'file' }, body: '' }])).subarray(0, 512);
  block.write(size.toString(8).padStart(11, '0') + '\0', 124, 12, 'latin1');
  block.fill(' ', 148, 156);
  let sum = 0;
  for (const b of block) sum += b;
  block.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 8, 'latin1');
  return block;
}
