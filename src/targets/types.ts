import type { ScanError, Skipped } from '../core/report.js';

export interface TargetFile {
  /** Relative path inside the target, forward slashes. */
  rel: string;
  /** Where the bytes are on disk (the scanned folder itself, or a private temp folder for archives/packages). */
  abs: string;
  size: number;
}

/** A read-only view of what is scanned. Archives and packages are unpacked (safely) into a temp folder first. */
export interface Target {
  /** What the user named: a path, an archive, `npm:name@version`. */
  display: string;
  kind: 'directory' | 'file' | 'zip' | 'tar' | 'asar' | 'npm' | 'pypi';
  root: string;
  files: TargetFile[];
  /** Archives inside the target whose entries are listed in `files` as `<archive>/<entry>` (see nested.ts). */
  archives?: string[];
  skipped: Skipped[];
  errors: ScanError[];
  cleanup(): Promise<void>;
}

export interface TargetLimits {
  /** Files above this are not read; they are reported under errors (the scan is incomplete). */
  maxFileBytes: number;
  /** Archives: total unpacked bytes, entry count, compression ratio per entry. */
  maxTotalBytes: number;
  maxEntries: number;
  maxRatio: number;
}

export const DEFAULT_LIMITS: TargetLimits = {
  maxFileBytes: 128 << 20,
  maxTotalBytes: 2 * 1024 ** 3, // not 2 << 30: that overflows int32 to a negative number
  maxEntries: 200_000,
  maxRatio: 200,
};

/** Downloads a registry package (`name` or `name@version`) into destDir and returns the tarball's path. */
export type NpmFetcher = (pkg: string, destDir: string) => Promise<string>;

/** Downloads a PyPI release (sdist preferred, else a wheel) into destDir and returns its path; at most maxBytes. */
export type PypiFetcher = (name: string, version: string | undefined, destDir: string, maxBytes: number) => Promise<string>;

export interface OpenOptions {
  /** Password for encrypted zips (ZipCrypto or AES); without one, the customary `infected` is tried. */
  password?: string;
  limits?: Partial<TargetLimits>;
  /** Replaces `npm pack` for `npm:` targets (tests, offline mirrors). */
  npmFetch?: NpmFetcher;
  /** Replaces the PyPI JSON API download for `pypi:` targets (tests, offline mirrors). */
  pypiFetch?: PypiFetcher;
  /**
   * Archives inside the target are opened and their entries listed as `<archive>/<entry>` (default true; see
   * nested.ts). false lists the files as they are on disk: detonation copies them into the jail by path.
   */
  nestedArchives?: boolean;
  /**
   * Told of each file of a zip target as soon as it is unpacked, before the archive is done (big JavaScript entries
   * are unpacked first): the scan starts analysing those while the rest unpacks. Not called for nested archives.
   */
  onFile?: (file: TargetFile) => void;
  /** Told the size of a zip target's tree from its central directory, before anything is unpacked. */
  onSize?: (bytes: number, files: number) => void;
}
