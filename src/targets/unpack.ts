import { accessSync, closeSync, constants, ftruncateSync, mkdirSync, mkdtempSync, openSync, rmSync, statfsSync, writeSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ScanError, Skipped } from '../core/report.js';
import type { TargetFile, TargetLimits } from './types.js';

/** Thrown by a FileSink when an entry inflates past what it may; the caller records it and moves on. */
export class LimitError extends Error {}

/** Zip bombs hide in highly compressible entries; small files (a padded config) legitimately compress well. */
export const RATIO_MIN_BYTES = 1 << 20;
const ARCHIVE_RATIO_MIN_BYTES = 64 << 20;
/** Past this many error lines from one archive the rest are counted, not listed (a bomb can have 200k entries). */
const MAX_LISTED_ERRORS = 200;

/**
 * Unpacked samples must not outlive the process: folders not yet cleaned up are removed on exit (process.exit, end of
 * the event loop, or a signal handler that calls process.exit). One listener for all of them.
 */
const liveRoots = new Set<string>();
let exitHookInstalled = false;
function track(root: string): void {
  liveRoots.add(root);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const r of liveRoots) {
      try {
        rmSync(r, { recursive: true, force: true });
      } catch {
        /* best effort at exit */
      }
    }
  });
}

/**
 * Where to unpack. Creating a file on the disk-backed /tmp costs ~0.7 ms here (ext4 on a virtual disk: the 910 files of
 * a lure repo's zip took 0.6 s to create, 0.03 s on tmpfs), so an archive whose unpacked size is known up front and
 * small goes to /dev/shm when that is a tmpfs with room to spare. The folder is the same private mkdtemp folder with
 * the same O_EXCL/O_NOFOLLOW writes and limits; it only lives in memory, hence the size bound. TMPDIR, when set, wins.
 */
const SHM = '/dev/shm';
const SHM_MAX_BYTES = 256 << 20;
const TMPFS_MAGIC = 0x01021994;
export function unpackBase(expectedBytes: number | undefined): string {
  if (process.env.TMPDIR || expectedBytes === undefined || expectedBytes > SHM_MAX_BYTES) return tmpdir();
  try {
    const fs = statfsSync(SHM);
    // Leaves most of it for others: a quarter of the free space at most.
    if (fs.type !== TMPFS_MAGIC || fs.bavail * fs.bsize < expectedBytes * 4) return tmpdir();
    accessSync(SHM, constants.W_OK);
    return SHM;
  } catch {
    return tmpdir();
  }
}

export interface FileSink {
  write(chunk: Uint8Array): void;
  /** Done: the file is listed for scanning. */
  close(): void;
  /** Failed part-way: the file is not listed (the caller's error entry says why). */
  abort(): void;
}

/**
 * Owns the private folder an archive is unpacked into (mkdtemp: mode 0700) and the bookkeeping every format shares:
 * limits, refused entries, and the file list. Only regular files and folders are ever created, with O_EXCL and
 * O_NOFOLLOW, so nothing in the folder can redirect a write elsewhere.
 */
export class Unpacker {
  readonly root: string;
  readonly files: TargetFile[] = [];
  readonly skipped: Skipped[] = [];
  readonly errors: ScanError[] = [];
  private written = 0;
  private declaredSeen = 0;
  private compressedSeen = 0;
  private entries = 0;
  private unlistedErrors = 0;
  private rejectedWithContent = 0;
  private entryLimitHit = false;
  private readonly madeDirs = new Set<string>(['']);

  constructor(
    readonly limits: TargetLimits,
    /** The archive as the user named it, used in messages about the archive as a whole. */
    readonly label: string,
    /** An upper bound of the bytes that will be written, when known before unpacking (see unpackBase). */
    expectedBytes?: number,
    /** Told of each file once it is written in full (OpenOptions.onFile). */
    private readonly onFile?: (file: TargetFile) => void,
  ) {
    this.root = mkdtempSync(join(unpackBase(expectedBytes), 'lurescan-'));
    track(this.root);
  }

  /** Counts one entry; false once the entry limit is passed (the caller stops reading the archive). */
  countEntry(): boolean {
    if (++this.entries <= this.limits.maxEntries) return true;
    if (!this.entryLimitHit) {
      this.entryLimitHit = true;
      this.error(this.label, `archive has more than ${this.limits.maxEntries} entries; the rest were not unpacked (limit: maxEntries)`);
    }
    return false;
  }

  /**
   * Records an entry that is never written: path traversal, absolute path, link, device. The archive trying it is
   * itself a warning sign, so the reason says so. Entries that carried content make the scan incomplete.
   */
  reject(name: string, why: string, hasContent: boolean): void {
    this.skipped.push({ path: name, reason: `archive entry rejected: ${why}; not unpacked` });
    if (hasContent) this.rejectedWithContent++;
  }

  error(path: string, message: string): void {
    if (this.errors.length < MAX_LISTED_ERRORS) this.errors.push({ path, message });
    else this.unlistedErrors++;
  }

  /** Pre-inflate check for one entry with declared sizes; returns a refusal message or null. */
  refusal(declaredSize: number, compressedSize?: number): string | null {
    const { maxRatio, maxTotalBytes } = this.limits;
    if (compressedSize !== undefined) {
      if (declaredSize > RATIO_MIN_BYTES && declaredSize / Math.max(compressedSize, 1) > maxRatio) {
        const ratio = Math.round(declaredSize / Math.max(compressedSize, 1));
        return `not unpacked: compression ratio ${ratio}:1 (${declaredSize} bytes from ${compressedSize}) exceeds the limit ${maxRatio}:1 — a zip bomb?`;
      }
      // Many entries just under RATIO_MIN_BYTES add up to a bomb too: watch the archive's running ratio.
      const total = this.declaredSeen + declaredSize;
      const packed = this.compressedSeen + compressedSize;
      if (total > ARCHIVE_RATIO_MIN_BYTES && total / Math.max(packed, 1) > maxRatio) {
        return `not unpacked: the archive so far expands ${Math.round(total / Math.max(packed, 1))}:1, past the limit ${maxRatio}:1 — a zip bomb?`;
      }
      this.declaredSeen = total;
      this.compressedSeen = packed;
    }
    if (this.written + declaredSize > maxTotalBytes) {
      return `not unpacked: the archive's unpacked size would pass the limit of ${maxTotalBytes} bytes (maxTotalBytes)`;
    }
    return null;
  }

  private ensureDir(rel: string): void {
    if (this.madeDirs.has(rel)) return;
    mkdirSync(join(this.root, rel), { recursive: true, mode: 0o700 });
    for (let d = rel; d && !this.madeDirs.has(d); d = parentOf(d)) this.madeDirs.add(d);
  }

  /**
   * Lists a file too large to scan without inflating it: a sparse placeholder of the declared size lets the engine
   * report it like any other oversized file (it never reads past the size check).
   */
  addOversized(rel: string, declaredSize: number): void {
    const fd = this.create(rel);
    try {
      ftruncateSync(fd, declaredSize);
    } finally {
      closeSync(fd);
    }
    this.files.push({ rel, abs: join(this.root, rel), size: declaredSize });
  }

  /**
   * Opens a sink for one file entry. Writes stop with a LimitError once the entry passes its declared size (the
   * archive lied about it) or the archive passes maxTotalBytes, so a bomb never inflates further than that.
   */
  openFile(rel: string, declaredSize: number | undefined): FileSink {
    const fd = this.create(rel);
    const abs = join(this.root, rel);
    let size = 0;
    let open = true;
    const cap = declaredSize ?? Infinity;
    const closeFd = () => {
      if (open) closeSync(fd);
      open = false;
    };
    return {
      write: (chunk) => {
        size += chunk.length;
        this.written += chunk.length;
        if (size > cap) throw new LimitError(`not unpacked: inflates past its declared size of ${declaredSize} bytes — a zip bomb?`);
        if (this.written > this.limits.maxTotalBytes) {
          throw new LimitError(`not unpacked: the archive's unpacked size passed the limit of ${this.limits.maxTotalBytes} bytes (maxTotalBytes)`);
        }
        for (let off = 0; off < chunk.length; ) off += writeSync(fd, chunk, off, chunk.length - off);
      },
      close: () => {
        closeFd();
        const file = { rel, abs, size };
        this.files.push(file);
        this.onFile?.(file);
      },
      abort: closeFd,
    };
  }

  private create(rel: string): number {
    this.ensureDir(parentOf(rel));
    // O_EXCL: a duplicate name never overwrites the first copy; O_NOFOLLOW: belt and braces, no links exist here.
    return openSync(join(this.root, rel), constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
  }

  finish(): { files: TargetFile[]; skipped: Skipped[]; errors: ScanError[] } {
    if (this.unlistedErrors) this.errors.push({ path: this.label, message: `${this.unlistedErrors} more archive entries could not be unpacked (not listed)` });
    if (this.rejectedWithContent) {
      // The rejected entries' bytes were never examined: the scan must not look complete.
      this.errors.push({
        path: this.label,
        message: `${this.rejectedWithContent} archive entr${this.rejectedWithContent === 1 ? 'y' : 'ies'} with content rejected (see skipped: "archive entry rejected"); their content was not scanned`,
      });
    }
    this.files.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
    return { files: this.files, skipped: this.skipped, errors: this.errors };
  }

  async cleanup(): Promise<void> {
    await rm(this.root, { recursive: true, force: true, maxRetries: 2 });
    liveRoots.delete(this.root);
  }
}

function parentOf(rel: string): string {
  const i = rel.lastIndexOf('/');
  return i < 0 ? '' : rel.slice(0, i);
}
