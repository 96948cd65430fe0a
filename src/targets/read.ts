import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

export type ReadResult = { ok: true; bytes: Uint8Array } | { ok: false; error: string };

/**
 * Reads a regular file without following a symlink swapped in after the walk, refusing anything over the limit.
 * O_NOFOLLOW: the walk already saw a regular file here; a symlink now means the tree changed under us.
 */
export function readFileForScan(abs: string, maxBytes: number): ReadResult {
  let fd: number | undefined;
  try {
    fd = openForScan(abs);
    const st = fstatSync(fd);
    if (!st.isFile()) return { ok: false, error: 'not a regular file' };
    if (st.size > maxBytes) return { ok: false, error: `too large to scan (${st.size} bytes > limit ${maxBytes}; raise --max-file-size)` };
    const buf = Buffer.allocUnsafe(st.size);
    let off = 0;
    while (off < st.size) {
      const n = readSync(fd, buf, off, st.size - off, off);
      if (n === 0) break;
      off += n;
    }
    return { ok: true, bytes: off === st.size ? buf : buf.subarray(0, off) };
  } catch (e) {
    return { ok: false, error: `unreadable: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** O_NOFOLLOW as above; O_NONBLOCK: a FIFO swapped in must not block the reader forever. */
export function openForScan(abs: string): number {
  return openSync(abs, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
}

/**
 * Up to `into.length` bytes from the start of a regular file, read the same guarded way; null when it is not a regular
 * file or cannot be read (callers that only sniff leave reporting that to the full read).
 */
export function readFileHead(abs: string, into: Buffer): Buffer | null {
  let fd: number | undefined;
  try {
    fd = openForScan(abs);
    if (!fstatSync(fd).isFile()) return null;
    return into.subarray(0, readSync(fd, into, 0, into.length, 0));
  } catch {
    return null;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
