import { closeSync, constants, createReadStream, fstatSync, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import { pipeline, Writable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { ScanError, Skipped } from '../core/report.js';
import type { TargetFile, TargetLimits } from './types.js';
import { LimitError, Unpacker } from './unpack.js';

/** Small files legitimately compress well (a padded config); the ratio limit applies past this much output. */
const RATIO_MIN_BYTES = 1 << 20;
/** As every read of a scanned file: no symlink followed, a FIFO swapped in does not block. */
const OPEN_FLAGS = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;

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
  const fd = openSync(file, OPEN_FLAGS);
  let name: string;
  let compressed: number;
  try {
    ({ name, compressed } = gzipEntryName(fd, display));
  } catch (e) {
    closeSync(fd);
    throw e;
  }
  let streamed = false;
  let unpacker: Unpacker | undefined;
  try {
    unpacker = new Unpacker(limits, display, Math.min(limits.maxTotalBytes, compressed * limits.maxRatio));
    const u = unpacker;
    const sink = u.openFile(name, undefined);
    let out = 0;
    await new Promise<void>((resolve, reject) => {
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
      streamed = true;
      pipeline(createReadStream('', { fd, start: 0, autoClose: true }), createGunzip(), guard, (e) => (e ? reject(e) : resolve()));
    }).then(
      () => sink.close(),
      (e: Error) => {
        sink.abort();
        u.error(name, e instanceof LimitError ? e.message : `could not be decompressed (${(e as NodeJS.ErrnoException).code ?? e.message}); not examined`);
      },
    );
  } catch (e) {
    if (!streamed) closeSync(fd);
    await unpacker?.cleanup();
    throw e;
  }
  const u = unpacker;
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
