import { closeSync, fstatSync, readSync } from 'node:fs';
import { checkEntryPath } from './entry-path.js';
import { openForScan } from './read.js';
import type { Target, TargetLimits } from './types.js';
import { LimitError, Unpacker, type FileSink } from './unpack.js';

/**
 * Electron `.asar` archives (trojanized trading apps ship their payload in `resources/app.asar`): a pickled JSON
 * header, then the files' bytes back to back, uncompressed. Read with plain fs reads; @electron/asar offers only
 * path-based extraction and would follow the archive's own links.
 */
const MAX_HEADER_BYTES = 64 << 20;

export function looksLikeAsar(head: Uint8Array): boolean {
  if (head.length < 26) return false;
  const b = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  return b.readUInt32LE(0) === 4 && b.toString('latin1', 16, 25) === '{"files":';
}

interface AsarNode {
  files?: Record<string, AsarNode>;
  size?: number;
  offset?: string;
  unpacked?: boolean;
  link?: string;
}

/** Unpacks `file` under `prefix` (`''` for a target of its own, `resources/app.asar` when found inside one). */
export function unpackAsar(u: Unpacker, file: string, prefix: string): void {
  const label = prefix || u.label;
  const fd = openForScan(file);
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return u.error(label, 'not a regular file: not opened as an asar archive');
    const size = st.size;
    const head = Buffer.alloc(16);
    readSync(fd, head, 0, 16, 0);
    const headerPickle = head.readUInt32LE(4);
    const jsonLength = head.readUInt32LE(12);
    if (headerPickle > MAX_HEADER_BYTES || jsonLength > headerPickle || 8 + headerPickle > size) {
      u.error(label, 'not an asar archive this reader understands (header sizes out of range); its files were not unpacked');
      return;
    }
    const json = Buffer.alloc(jsonLength);
    readSync(fd, json, 0, jsonLength, 16);
    let root: AsarNode;
    try {
      root = JSON.parse(json.toString('utf8')) as AsarNode;
    } catch (e) {
      u.error(label, `asar header is not valid JSON (${(e as Error).message}); its files were not unpacked`);
      return;
    }
    const dataStart = 8 + headerPickle;
    const join = (a: string, b: string) => (a ? `${a}/${b}` : b);
    // Iterative: a hostile header can nest folders 100k deep.
    const stack: Array<[string, AsarNode]> = [['', root]];
    const fileNodes: Array<{ inner: string; node: AsarNode; offset: number }> = [];
    while (stack.length) {
      const [inner, node] = stack.pop()!;
      for (const [name, child] of Object.entries(node.files ?? {})) {
        const innerPath = join(inner, name);
        const shown = join(prefix, innerPath);
        if (!child || typeof child !== 'object') continue;
        const checked = checkEntryPath(innerPath);
        if (!checked.ok || name.includes('/') || name.includes('\\')) {
          // A refused folder hides whatever is below it: that counts as unexamined content.
          u.reject(shown, checked.ok ? 'name contains a path separator' : checked.reason, child.files ? true : typeof child.size === 'number' && child.size > 0);
        } else if (typeof child.link === 'string') {
          u.reject(shown, `symbolic link -> ${child.link.slice(0, 300)}`, false);
        } else if (child.files) {
          stack.push([innerPath, child]); // folders are created on demand for the files in them
        } else if (child.unpacked) {
          // Lives next to the archive in `<name>.asar.unpacked/`: scanned when that folder is part of the target.
          u.skipped.push({ path: shown, reason: 'stored outside the asar (in its .asar.unpacked folder); scanned only if that folder is part of the target' });
        } else {
          const offset = Number(child.offset);
          const len = child.size;
          if (!u.countEntry()) return;
          if (!Number.isSafeInteger(offset) || offset < 0 || typeof len !== 'number' || !Number.isSafeInteger(len) || len < 0 || dataStart + offset + len > size) {
            u.error(shown, 'asar entry points outside the archive: not unpacked');
          } else fileNodes.push({ inner: innerPath, node: child, offset });
        }
      }
    }
    // Entries sharing bytes would let a small archive expand without bound (as overlapping zip entries do).
    fileNodes.sort((a, b) => a.offset - b.offset);
    let end = 0;
    for (const { inner, node, offset } of fileNodes) {
      const rel = join(prefix, inner);
      const len = node.size!;
      if (offset < end && len > 0) {
        u.error(rel, "not unpacked: its bytes overlap another entry's — a crafted archive");
        continue;
      }
      end = Math.max(end, offset + len);
      copyEntry(u, fd, rel, dataStart + offset, len);
    }
  } finally {
    closeSync(fd);
  }
}

function copyEntry(u: Unpacker, fd: number, rel: string, at: number, len: number): void {
  const refusal = u.refusal(len);
  if (refusal) return u.error(rel, refusal);
  if (len > u.limits.maxFileBytes) return u.addOversized(rel, len);
  let sink: FileSink | undefined;
  try {
    sink = u.openFile(rel, len);
    const buf = Buffer.alloc(Math.min(len, 1 << 20));
    for (let done = 0; done < len; ) {
      const n = readSync(fd, buf, 0, Math.min(buf.length, len - done), at + done);
      if (n <= 0) throw new Error('archive is truncated');
      sink.write(buf.subarray(0, n));
      done += n;
    }
    sink.close();
  } catch (e) {
    sink?.abort();
    const err = e as NodeJS.ErrnoException;
    if (e instanceof LimitError) u.error(rel, err.message);
    else if (err.code === 'EEXIST') u.error(rel, 'duplicate entry name in the archive: only the first copy was unpacked and scanned');
    else u.error(rel, `could not unpack: ${err.code ?? err.message}`);
  }
}

export function openAsar(file: string, display: string, limits: TargetLimits): Target {
  const u = new Unpacker(limits, display);
  try {
    unpackAsar(u, file, '');
  } catch (e) {
    void u.cleanup();
    throw e;
  }
  return { display, kind: 'asar', root: u.root, ...u.finish(), cleanup: () => u.cleanup() };
}
