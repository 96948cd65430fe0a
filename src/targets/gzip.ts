import { closeSync, createReadStream, fstatSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import type { ScanError, Skipped } from '../core/report.js';
import { openForScan } from './read.js';
import type { TargetFile, TargetLimits } from './types.js';
import { LimitError, RATIO_MIN_BYTES, Unpacker, type FileSink } from './unpack.js';

/**
 * A gzip file that holds one file, not a tar (`loader.js.gz`, a "data" blob a loader gunzips and evals): decompressed
 * into a private folder as one entry, under the limits every archive gets (total bytes, compression ratio). The entry
 * is named by the file's name without `.gz`, or by the name the gzip header records (FNAME) when the file's own name
 * says nothing (`assets/cache.dat` holding `loader.js`): that name decides which rules read it. Attacker-controlled,
 * so only its last path segment is kept, and only if it is a plain file name.
 */
export async function openGzipFile(
  file: string,
  display: string,
  limits: TargetLimits,
): Promise<{ files: TargetFile[]; skipped: Skipped[]; errors: ScanError[]; cleanup(): Promise<void> }> {
  const fd = openForScan(file);
  let name: string;
  let compressed: number;
  let u: Unpacker;
  try {
    ({ name, compressed } = gzipEntryName(fd, display));
    u = new Unpacker(limits, display, Math.min(limits.maxTotalBytes, compressed * limits.maxRatio));
  } catch (e) {
    closeSync(fd);
    throw e;
  }
  // From here the stream owns the descriptor (closed when it ends or is destroyed).
  const source = createReadStream('', { fd, start: 0, autoClose: true });
  let sink: FileSink;
  try {
    sink = u.openFile(name, undefined);
  } catch (e) {
    source.destroy();
    await u.cleanup();
    throw e;
  }
  let out = 0;
  const guard = new Writable({
    write(chunk: Buffer, _enc, done) {
      out += chunk.length;
      if (out > RATIO_MIN_BYTES && out / Math.max(compressed, 1) > limits.maxRatio) {
        done(new LimitError(`not decompressed past ${out} bytes: compression ratio over the limit ${limits.maxRatio}:1 — a gzip bomb?`));
        return;
      }
      try {
        sink.write(chunk);
        done();
      } catch (e) {
        done(e as Error);
      }
    },
  });
  try {
    await pipeline(source, createGunzip(), guard);
    sink.close();
  } catch (e) {
    sink.abort();
    u.error(name, e instanceof LimitError ? e.message : `could not be decompressed (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); not examined`);
  }
  return { ...u.finish(), cleanup: () => u.cleanup() };
}

/** The single entry's name (see openGzipFile) and the compressed size. */
function gzipEntryName(fd: number, display: string): { name: string; compressed: number } {
  const own = basename(display);
  const stripped = /\.gz$/i.test(own) && own.length > 3 ? own.slice(0, -3) : '';
  const compressed = fstatSync(fd).size;
  const head = Buffer.alloc(512);
  const n = readSync(fd, head, 0, head.length, 0);
  return { name: stripped || headerName(head.subarray(0, n)) || 'content', compressed };
}

/** FNAME of a gzip header (RFC 1952), when it is a plain file name. */
function headerName(h: Uint8Array): string {
  if (h.length < 10 || h[0] !== 0x1f || h[1] !== 0x8b) return '';
  const flags = h[3]!;
  if (!(flags & 0x08)) return '';
  let p = 10;
  if (flags & 0x04) p += 2 + (h[10]! | (h[11]! << 8)); // FEXTRA
  const end = h.indexOf(0, p);
  if (p >= h.length || end < 0) return '';
  const raw = Buffer.from(h.subarray(p, end)).toString('latin1');
  const last = raw.slice(Math.max(raw.lastIndexOf('/'), raw.lastIndexOf('\\')) + 1);
  return /^[\w][\w.+-]{0,200}$/.test(last) && !/^\.+$/.test(last) ? last : '';
}
