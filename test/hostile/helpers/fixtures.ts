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

export interface AsarSpec {
  /** Header tree as written into the archive (offsets filled in for entries given `data`). */
  files: Record<string, unknown>;
}

/**
 * Builds an Electron asar: [4][header pickle size] + pickle([json length][json][pad]) + data. Entries with a `data`
 * string get `size`/`offset` for bytes appended in order; anything else is written verbatim (links, bad offsets).
 */
export function buildAsar(tree: Record<string, unknown>): Buffer {
  const chunks: Buffer[] = [];
  let offset = 0;
  const fill = (node: Record<string, unknown>): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const [name, v] of Object.entries(node)) {
      const child = v as Record<string, unknown>;
      if (typeof child.data === 'string') {
        const bytes = Buffer.from(child.data);
        out[name] = { size: bytes.length, offset: String(offset) };
        chunks.push(bytes);
        offset += bytes.length;
      } else if (child.files) out[name] = { ...child, files: fill(child.files as Record<string, unknown>) };
      else out[name] = child;
    }
    return out;
  };
  const json = Buffer.from(JSON.stringify({ files: fill(tree) }));
  const padded = Math.ceil(json.length / 4) * 4;
  const header = Buffer.alloc(16 + padded);
  header.writeUInt32LE(4, 0);
  header.writeUInt32LE(8 + padded, 4);
  header.writeUInt32LE(4 + padded, 8);
  header.writeUInt32LE(json.length, 12);
  json.copy(header, 16);
  return Buffer.concat([header, ...chunks]);
}
