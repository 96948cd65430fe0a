import { createReadStream, statSync } from 'node:fs';
import { pipeline, Readable, Transform } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { createTarDecoder, type ParsedTarEntry } from 'modern-tar';
import { checkEntryPath } from './entry-path.js';
import { TargetError } from './errors.js';
import type { Target, TargetLimits } from './types.js';
import { LimitError, Unpacker, type FileSink } from './unpack.js';

const REFUSED_TYPES: Record<string, string> = {
  symlink: 'symbolic link',
  link: 'hard link',
  'character-device': 'character device',
  'block-device': 'block device',
  fifo: 'FIFO',
};
/** gzip below this many output bytes is never called a bomb: small repetitive files compress very well. */
const GZIP_RATIO_MIN_BYTES = 64 << 20;

export interface TarOptions {
  gzip: boolean;
  /** Leading path segments to drop (npm tarballs put everything under `package/`). */
  strip?: number;
  kind?: Target['kind'];
}

/**
 * Streams a .tar / .tgz into a private temp folder. gzip output is counted as it flows: past maxTotalBytes (plus
 * header slack) or past the ratio limit the whole stream stops, so a gzip bomb costs bounded time and no disk.
 */
export async function openTar(file: string, display: string, limits: TargetLimits, opts: TarOptions): Promise<Target> {
  const unpacker = new Unpacker(limits, display);
  const compressedSize = statSync(file).size;
  let streamStop: string | null = null;
  let out = 0;
  const source = createReadStream(file);
  const guard = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      out += chunk.length;
      // Tar headers and padding add a little over the file bytes; the per-file cap in Unpacker is the precise one.
      if (out > limits.maxTotalBytes + (64 << 20)) streamStop = `unpacking stopped: more than ${limits.maxTotalBytes} bytes (maxTotalBytes)`;
      else if (opts.gzip && out > GZIP_RATIO_MIN_BYTES && out / Math.max(compressedSize, 1) > limits.maxRatio) {
        streamStop = `unpacking stopped: gzip expands more than ${limits.maxRatio}:1 — a gzip bomb?`;
      }
      if (streamStop) cb(new LimitError(streamStop));
      else cb(null, chunk);
    },
  });
  // pipeline (not .pipe) so a gunzip or read error reaches the tar decoder instead of becoming an unhandled event.
  const noop = () => {};
  const bytes = opts.gzip ? pipeline(source, createGunzip(), guard, noop) : pipeline(source, guard, noop);
  // strict: checksums are verified, so junk named .tar is an error rather than an empty, clean-looking archive.
  const decoder = createTarDecoder({ strict: true });
  const piping = (Readable.toWeb(bytes) as ReadableStream<Uint8Array>).pipeTo(decoder.writable).catch((e) => e as Error);
  let sawEntry = false;
  let stoppedEarly = false;
  try {
    const entries = decoder.readable.getReader();
    for (;;) {
      const { value: entry, done } = await entries.read();
      if (done) break;
      sawEntry = true;
      if (!unpacker.countEntry()) {
        stoppedEarly = true; // the entry limit error is recorded; the rest of the stream is abandoned
        await entry.body.cancel();
        await entries.cancel();
        break;
      }
      await unpackEntry(unpacker, entry, opts.strip ?? 0);
    }
    const pipeError = await piping;
    if (pipeError instanceof Error && !stoppedEarly) throw pipeError;
  } catch (e) {
    const failure = streamStop ?? (e as Error).message;
    if (!sawEntry && !streamStop) {
      await unpacker.cleanup();
      throw new TargetError(`cannot read ${display} as a ${opts.gzip ? 'gzipped ' : ''}tar archive: ${failure}`);
    }
    // Entries already unpacked are still scanned; the error makes the scan incomplete.
    unpacker.error(display, streamStop ?? `archive is damaged, the rest was not unpacked: ${failure}`);
  } finally {
    source.destroy();
  }
  return { display, kind: opts.kind ?? 'tar', root: unpacker.root, ...unpacker.finish(), cleanup: () => unpacker.cleanup() };
}

async function unpackEntry(u: Unpacker, entry: ParsedTarEntry, strip: number): Promise<void> {
  const { header } = entry;
  const name = header.name;
  const type = header.type ?? 'file';
  const path = checkEntryPath(name, strip);
  let sink: FileSink | undefined;
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  try {
    if (REFUSED_TYPES[type]) {
      u.reject(name, `${REFUSED_TYPES[type]}${header.linkname ? ` -> ${header.linkname}` : ''}`, false);
    } else if (!path.ok) {
      u.reject(name, path.reason, header.size > 0);
    } else if (type === 'directory') {
      // Folders are created on demand for the files in them.
    } else if (type !== 'file') {
      u.reject(name, `unsupported entry type '${type}'`, header.size > 0);
    } else if (!path.rel) {
      u.reject(name, 'empty name', header.size > 0);
    } else {
      const refusal = u.refusal(header.size);
      if (refusal) u.error(name, refusal);
      else if (header.size > u.limits.maxFileBytes) u.addOversized(path.rel, header.size);
      else {
        sink = u.openFile(path.rel, header.size);
        reader = entry.body.getReader();
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          sink.write(value);
        }
        sink.close();
        return;
      }
    }
    // Anything not written still has to be read past to reach the next header.
    await entry.body.cancel();
  } catch (e) {
    sink?.abort();
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'EEXIST') u.error(name, 'duplicate entry name in the archive: only the first copy was unpacked and scanned');
    else if (e instanceof LimitError) u.error(name, err.message);
    else throw e; // a stream failure: the archive itself is broken
    await (reader ? reader.cancel() : entry.body.cancel()).catch(() => {});
  }
}
