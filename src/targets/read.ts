import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

export type ReadResult = { ok: true; bytes: Uint8Array } | { ok: false; error: string };

/**
 * Reads a regular file without following a symlink swapped in after the walk, refusing anything over the limit.
 * O_NOFOLLOW: the walk already saw a regular file here; a symlink now means the tree changed under us.
 */
export function readFileForScan(abs: string, maxBytes: number): ReadResult {
  let fd: number | undefined;
  try {
    // O_NONBLOCK: a FIFO swapped in must not block the worker forever.
    fd = openSync(abs, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
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
