import { openAsBlob } from 'node:fs';
import * as zipjs from '@zip.js/zip.js';
import { checkEntryPath } from './entry-path.js';
import { TargetError } from './errors.js';
import type { Target, TargetLimits } from './types.js';
import { LimitError, Unpacker, type FileSink } from './unpack.js';

// zip.js in pure JS: ZipCrypto and AES decryption, zip64, streaming inflate. No web workers in Node.
zipjs.configure({ useWebWorkers: false });

/** Samples are traditionally zipped with this password; tried when none was given, like most analysts' tools. */
const CUSTOMARY_PASSWORD = 'infected';

const S_IFMT = 0o170000;
const SPECIAL_TYPES: Record<number, string> = { 0o020000: 'character device', 0o060000: 'block device', 0o010000: 'FIFO', 0o140000: 'socket' };

/**
 * Unpacks a zip into a private temp folder, refusing links, devices and escaping paths, and enforcing the limits
 * before inflating (declared sizes, ratio) and while inflating (actual bytes).
 */
export async function openZip(file: string, display: string, limits: TargetLimits, password?: string): Promise<Target> {
  let reader: zipjs.ZipReader<unknown>;
  let entries: zipjs.Entry[];
  try {
    // Names are checked by checkEntryPath, which reports each bad entry; zip.js would reject the whole archive.
    reader = new zipjs.ZipReader(new zipjs.BlobReader(await openAsBlob(file)), { filenameValidation: 'tolerant' });
    entries = await reader.getEntries();
  } catch (e) {
    throw new TargetError(`cannot read ${display} as a zip archive: ${(e as Error).message}`);
  }
  const encrypted = entries.filter((e): e is zipjs.FileEntry => e.encrypted && !e.directory);
  const pw = password ?? (encrypted.length ? await guessPassword(encrypted) : undefined);
  if (encrypted.length && pw === undefined) throw new TargetError(`${display} is encrypted: give its password with --password`);

  const unpacker = new Unpacker(limits, display);
  try {
    for (const entry of entries) {
      if (!unpacker.countEntry()) break;
      await unpackEntry(unpacker, entry, pw, display);
    }
  } catch (e) {
    await unpacker.cleanup();
    throw e;
  } finally {
    await reader.close().catch(() => {});
  }
  return { display, kind: 'zip', root: unpacker.root, ...unpacker.finish(), cleanup: () => unpacker.cleanup() };
}

async function unpackEntry(u: Unpacker, entry: zipjs.Entry, password: string | undefined, display: string): Promise<void> {
  const name = entry.filename;
  const path = checkEntryPath(name);
  const mode = entry.unixMode ?? entry.externalFileAttributes >>> 16;
  const type = mode & S_IFMT;
  if (entry.symlink || type === 0o120000) {
    u.reject(name, `symbolic link${entry.directory ? '' : await linkTarget(entry, password)}`, false);
    return;
  }
  if (SPECIAL_TYPES[type]) {
    u.reject(name, `${SPECIAL_TYPES[type]} entry`, false);
    return;
  }
  if (!path.ok) {
    u.reject(name, path.reason, !entry.directory && entry.uncompressedSize > 0);
    return;
  }
  if (!path.rel) return;
  if (entry.directory) {
    u.addDir(path.rel);
    return;
  }
  await unpackFile(u, entry, name, path.rel, password, display);
}

async function unpackFile(u: Unpacker, entry: zipjs.FileEntry, name: string, rel: string, password: string | undefined, display: string): Promise<void> {
  const refusal = u.refusal(entry.uncompressedSize, entry.compressedSize);
  if (refusal) {
    u.error(name, refusal);
    return;
  }
  let sink: FileSink | undefined;
  try {
    if (entry.uncompressedSize > u.limits.maxFileBytes) {
      u.addOversized(rel, entry.uncompressedSize);
      return;
    }
    sink = u.openFile(rel, entry.uncompressedSize);
    const s = sink;
    await entry.getData(
      new WritableStream<Uint8Array>({ write: (chunk) => s.write(chunk) }),
      { password: entry.encrypted ? password : undefined, checkSignature: true },
    );
    sink.close();
  } catch (e) {
    sink?.abort();
    const err = e as NodeJS.ErrnoException;
    if (err.message === zipjs.ERR_INVALID_PASSWORD) throw new TargetError(`wrong password for ${display} (--password)`);
    if (e instanceof LimitError) u.error(name, err.message);
    else if (err.message === zipjs.ERR_INVALID_UNCOMPRESSED_SIZE) u.error(name, `not unpacked: inflates past its declared size of ${entry.uncompressedSize} bytes — a zip bomb?`);
    else if (err.code === 'EEXIST') u.error(name, 'duplicate entry name in the archive: only the first copy was unpacked and scanned');
    else u.error(name, `could not unpack: ${err.code ?? err.message}`);
  }
}

/** Returns the password that opens the first encrypted entry, trying the customary one; undefined when none does. */
async function guessPassword(encrypted: zipjs.FileEntry[]): Promise<string | undefined> {
  const probe = encrypted.reduce((a, b) => (b.compressedSize < a.compressedSize ? b : a));
  try {
    // Only the first chunk is needed: ZipCrypto/AES reject a wrong password before any data comes out.
    await probe.getData(new WritableStream({ write: () => Promise.reject(new Error('ok')) }), { password: CUSTOMARY_PASSWORD });
    return CUSTOMARY_PASSWORD;
  } catch (e) {
    return (e as Error).message === zipjs.ERR_INVALID_PASSWORD ? undefined : CUSTOMARY_PASSWORD;
  }
}

/** The link's target (the entry's content), read into a small bounded buffer for the skip reason: ` -> /etc/passwd`. */
async function linkTarget(entry: zipjs.FileEntry, password: string | undefined): Promise<string> {
  if (entry.uncompressedSize > 4096 || entry.compressedSize > 8192) return '';
  try {
    const bytes = await entry.getData(new zipjs.Uint8ArrayWriter(), { password: entry.encrypted ? password : undefined });
    return ` -> ${Buffer.from(bytes).toString('utf8').slice(0, 300)}`;
  } catch {
    return '';
  }
}
