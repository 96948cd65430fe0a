import { closeSync, openSync, readSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { looksLikeAsar } from './asar.js';

export type ArchiveKind = 'zip' | 'tar' | 'tgz' | 'asar' | null;

/**
 * Decides how to open a file: by magic bytes first (a lure may be named `task` or `test.pdf`), by name second.
 * A gzip that does not hold a tar (`x.js.gz`) is not an archive here.
 */
export function detectArchive(file: string): ArchiveKind {
  const head = readHead(file, 4096);
  const lower = file.toLowerCase();
  const magic = archiveByMagic(head, lower);
  if (magic) return magic;
  // Named like an archive but without the magic: let the archive reader explain what is wrong with it.
  if (lower.endsWith('.zip')) return 'zip';
  if (/\.(tgz|tar\.gz)$/.test(lower)) return 'tgz';
  if (lower.endsWith('.tar')) return 'tar';
  return null;
}

/** The archive the first bytes (up to 4 KiB) show, or null; a gzip counts as a tar when its name or its content says so. */
export function archiveByMagic(head: Uint8Array, lowerName: string): ArchiveKind {
  if (head[0] === 0x50 && head[1] === 0x4b && [0x03, 0x05, 0x07].includes(head[2]!)) return 'zip';
  if (head[0] === 0x1f && head[1] === 0x8b) {
    if (/\.(tgz|tar\.gz)$/.test(lowerName)) return 'tgz';
    return isTar(gunzipPrefix(head)) ? 'tgz' : null;
  }
  if (isTar(head)) return 'tar';
  if (looksLikeAsar(head)) return 'asar';
  return null;
}

function isTar(block: Uint8Array): boolean {
  return block.length >= 262 && Buffer.from(block.subarray(257, 262)).toString('latin1') === 'ustar';
}

function gunzipPrefix(head: Uint8Array): Uint8Array {
  try {
    // A truncated stream throws; finishFlush SYNC returns what was decoded so far.
    return gunzipSync(head, { finishFlush: 2 /* Z_SYNC_FLUSH */ });
  } catch {
    return new Uint8Array(0);
  }
}

function readHead(file: string, n: number): Uint8Array {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(n);
    return buf.subarray(0, readSync(fd, buf, 0, n, 0));
  } finally {
    closeSync(fd);
  }
}
