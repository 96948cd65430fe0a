import { openAsBlob } from 'node:fs';
import * as zipjs from '@zip.js/zip.js';
import { checkEntryPath } from './entry-path.js';
import { TargetError } from './errors.js';
import type { Target, TargetFile, TargetLimits } from './types.js';
import { LimitError, Unpacker, type FileSink } from './unpack.js';
import { FastZip, PasswordError, SizeLieError, type FastEntry } from './zip-fast.js';

// zip.js in pure JS: ZipCrypto and AES decryption, zip64, streaming inflate. No web workers in Node.
zipjs.configure({ useWebWorkers: false });

/** Samples are traditionally zipped with this password; tried when none was given, like most analysts' tools. */
const CUSTOMARY_PASSWORD = 'infected';

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const SPECIAL_TYPES: Record<number, string> = { 0o020000: 'character device', 0o060000: 'block device', 0o010000: 'FIFO', 0o140000: 'socket' };

/** What both readers tell about an entry, and how to get its bytes. */
interface EntryInfo {
  name: string;
  directory: boolean;
  mode: number;
  symlink: boolean;
  uncompressedSize: number;
  compressedSize: number;
  /** Streams the content into the sink (the sink enforces the limits). */
  extract(sink: FileSink): Promise<void>;
  /** The link's target text, for a symlink entry's skip reason (bounded). */
  linkTarget(): Promise<string>;
}

class WrongPassword extends Error {}

/** Tests run the hostile cases through both readers; 'auto' picks the fast one when the archive allows. */
let readerChoice: 'auto' | 'zip.js' = 'auto';
export function setZipReader(choice: 'auto' | 'zip.js'): void {
  readerChoice = choice;
}

/**
 * Unpacks a zip into a private temp folder, refusing links, devices and escaping paths, and enforcing the limits
 * before inflating (declared sizes, ratio) and while inflating (actual bytes). Common archives go through a small
 * native-zlib reader; AES, zip64 and other methods through zip.js.
 */
export async function openZip(file: string, display: string, limits: TargetLimits, password?: string, onFile?: (file: TargetFile) => void, onSize?: (bytes: number, files: number) => void): Promise<Target> {
  const fast = readerChoice === 'auto' ? FastZip.open(file) : null;
  // The sink never writes more than an entry declares, so the declared sizes bound what lands on disk.
  const declared = fast?.entries.reduce((n, e) => n + (e.directory ? 0 : Math.min(e.uncompressedSize, limits.maxFileBytes)), 0);
  if (fast && declared !== undefined) onSize?.(declared, Math.min(limits.maxEntries, fast.entries.filter((e) => !e.directory).length));
  let unpacker: Unpacker;
  try {
    unpacker = new Unpacker(limits, display, declared, onFile);
  } catch (e) {
    fast?.close();
    throw e;
  }
  try {
    if (fast) {
      try {
        await unpackFast(unpacker, fast, display, password);
      } finally {
        fast.close();
      }
    } else {
      await unpackWithZipJs(unpacker, file, display, password);
    }
  } catch (e) {
    await unpacker.cleanup();
    if (e instanceof WrongPassword) throw new TargetError(`wrong password for ${display} (--password)`);
    throw e;
  }
  return { display, kind: 'zip', root: unpacker.root, ...unpacker.finish(), cleanup: () => unpacker.cleanup() };
}

async function unpackFast(u: Unpacker, zip: FastZip, display: string, password: string | undefined): Promise<void> {
  const encrypted = zip.entries.filter((e) => e.encrypted && !e.directory);
  let pw = password === undefined ? undefined : Buffer.from(password, 'utf8');
  if (encrypted.length) {
    const probe = encrypted.reduce((a, b) => (b.compressedSize < a.compressedSize ? b : a));
    if (!pw) {
      pw = Buffer.from(CUSTOMARY_PASSWORD);
      if (!zip.checkPassword(probe, pw)) throw new TargetError(`${display} is encrypted: give its password with --password`);
    } else if (!zip.checkPassword(probe, pw)) throw new WrongPassword();
  }
  const overlapping = zip.overlappingEntries();
  for (const e of extractionOrder(zip.entries)) {
    if (!u.countEntry()) break;
    if (overlapping.has(e)) {
      u.error(e.name, "not unpacked: its data overlaps another entry's — a non-recursive zip bomb or a crafted archive");
      continue;
    }
    const read = () => {
      try {
        return zip.read(e, pw);
      } catch (err) {
        if (err instanceof PasswordError) throw new WrongPassword();
        if (err instanceof SizeLieError) throw new LimitError(sizeLie(e.uncompressedSize));
        throw err;
      }
    };
    await unpackEntry(u, {
      name: e.name,
      directory: e.directory,
      mode: e.mode,
      symlink: (e.mode & S_IFMT) === S_IFLNK,
      uncompressedSize: e.uncompressedSize,
      compressedSize: e.compressedSize,
      extract: async (sink) => sink.write(read()),
      linkTarget: async () => (e.uncompressedSize <= 4096 ? ` -> ${Buffer.from(read()).toString('utf8').slice(0, 300)}` : ''),
    });
  }
}

/** Entries of code this large are unpacked first (the engine's heavy files: see Engine.early). */
const FIRST_MIN_BYTES = 1 << 20;
const CODE_NAME = /\.(?:[cm]?[jt]sx?)$/i;

/**
 * The archive's order, except that big JavaScript/TypeScript entries come first, so the scan can start analysing them
 * while the rest unpacks (OpenOptions.onFile). Only entries whose name no other entry has: with a duplicate name the
 * first copy in the archive is the one kept (O_EXCL), and that must not change.
 */
function extractionOrder(entries: FastEntry[]): FastEntry[] {
  const big = entries.filter((e) => !e.directory && e.uncompressedSize > FIRST_MIN_BYTES && CODE_NAME.test(e.name));
  if (!big.length) return entries;
  const count = new Map<string, number>();
  for (const e of entries) count.set(e.name, (count.get(e.name) ?? 0) + 1);
  const first = new Set(big.filter((e) => count.get(e.name) === 1).sort((a, b) => b.uncompressedSize - a.uncompressedSize));
  return first.size ? [...first, ...entries.filter((e) => !first.has(e))] : entries;
}

async function unpackWithZipJs(u: Unpacker, file: string, display: string, password: string | undefined): Promise<void> {
  let reader: zipjs.ZipReader<unknown>;
  let entries: zipjs.Entry[];
  try {
    // Names are checked by checkEntryPath, which reports each bad entry; zip.js would reject the whole archive.
    reader = new zipjs.ZipReader(new zipjs.BlobReader(await openAsBlob(file)), { filenameValidation: 'tolerant' });
    entries = await reader.getEntries();
  } catch (e) {
    throw new TargetError(`cannot read ${display} as a zip archive: ${(e as Error).message}`);
  }
  try {
    const encrypted = entries.filter((e): e is zipjs.FileEntry => e.encrypted && !e.directory);
    const pw = password ?? (encrypted.length ? await guessPassword(encrypted) : undefined);
    if (encrypted.length && pw === undefined) throw new TargetError(`${display} is encrypted: give its password with --password`);
    for (const entry of entries) {
      if (!u.countEntry()) break;
      const opts = { password: entry.encrypted ? pw : undefined, checkSignature: true };
      const fileEntry = entry.directory ? null : (entry as zipjs.FileEntry);
      await unpackEntry(u, {
        name: entry.filename,
        directory: entry.directory,
        mode: entry.unixMode ?? entry.externalFileAttributes >>> 16,
        symlink: entry.symlink,
        uncompressedSize: entry.uncompressedSize,
        compressedSize: entry.compressedSize,
        extract: async (sink) => {
          try {
            await fileEntry!.getData(new WritableStream<Uint8Array>({ write: (chunk) => sink.write(chunk) }), opts);
          } catch (err) {
            const message = (err as Error).message;
            if (message === zipjs.ERR_INVALID_PASSWORD) throw new WrongPassword();
            if (message === zipjs.ERR_INVALID_UNCOMPRESSED_SIZE) throw new LimitError(sizeLie(entry.uncompressedSize));
            throw err;
          }
        },
        linkTarget: async () => {
          if (!fileEntry || entry.uncompressedSize > 4096 || entry.compressedSize > 8192) return '';
          const bytes = await fileEntry.getData(new zipjs.Uint8ArrayWriter(), opts);
          return ` -> ${Buffer.from(bytes).toString('utf8').slice(0, 300)}`;
        },
      });
    }
  } finally {
    await reader.close().catch(() => {});
  }
}

const sizeLie = (declared: number) => `not unpacked: inflates past its declared size of ${declared} bytes — a zip bomb?`;

async function unpackEntry(u: Unpacker, e: EntryInfo): Promise<void> {
  const { name } = e;
  const type = e.mode & S_IFMT;
  if (e.symlink || type === S_IFLNK) {
    const target = e.directory ? '' : await e.linkTarget().catch((err) => (err instanceof WrongPassword ? Promise.reject(err) : ''));
    u.reject(name, `symbolic link${target}`, false);
    return;
  }
  if (SPECIAL_TYPES[type]) {
    u.reject(name, `${SPECIAL_TYPES[type]} entry`, false);
    return;
  }
  const path = checkEntryPath(name);
  if (!path.ok) {
    u.reject(name, path.reason, !e.directory && e.uncompressedSize > 0);
    return;
  }
  if (!path.rel) return;
  // Folders are created on demand for the files in them: an empty one holds nothing to scan.
  if (e.directory) return;
  const refusal = u.refusal(e.uncompressedSize, e.compressedSize);
  if (refusal) {
    u.error(name, refusal);
    return;
  }
  let sink: FileSink | undefined;
  try {
    if (e.uncompressedSize > u.limits.maxFileBytes) {
      u.addOversized(path.rel, e.uncompressedSize);
      return;
    }
    sink = u.openFile(path.rel, e.uncompressedSize);
    await e.extract(sink);
    sink.close();
  } catch (err) {
    sink?.abort();
    if (err instanceof WrongPassword) throw err;
    const x = err as NodeJS.ErrnoException;
    if (err instanceof LimitError) u.error(name, x.message);
    else if (x.code === 'EEXIST') u.error(name, 'duplicate entry name in the archive: only the first copy was unpacked and scanned');
    else u.error(name, `could not unpack: ${x.code ?? x.message}`);
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
