/**
 * The downloaded part of the known-malicious database: what `lurescan db update` extracted from the OSV bulk export
 * (MAL-* advisories of ossf/malicious-packages), one file per ecosystem in the user cache folder. Read here (offline,
 * on every scan that has dependencies); written by src/online/osv-update.ts.
 *
 * Format (2): a header line `# lurescan-osv-cache 2 {json meta}`, then one advisory per line, sorted by key:
 * `key \t id \t summary \t versions (JSON array) \t 1|0 (all versions)`. A scan looks its few dependency names up by
 * binary search in the text: 200k npm advisories as JSON took 1.5 s to load per scan, the lookups take microseconds.
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { MaliciousAdvisory } from './data.js';

export const CACHE_FORMAT = 2;
const MAGIC = '# lurescan-osv-cache ';
export const CACHE_ECOSYSTEMS = ['npm', 'pypi'] as const;
export type CacheEcosystem = (typeof CACHE_ECOSYSTEMS)[number];

export interface OsvCacheMeta {
  ecosystem: CacheEcosystem;
  source: string;
  /** ISO time of the download. */
  updatedAt: string;
  /** Entries in the export (all advisories), and advisories kept (MAL-*). */
  scanned: number;
  entries: number;
}

export type CacheEntry = [key: string, id: string, summary: string, versions: string[], allVersions: boolean];

/** `LURESCAN_CACHE_DIR`, else `$XDG_CACHE_HOME/lurescan`, else `~/.cache/lurescan`; the database is its `osv/` folder. */
export function osvCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const root = env.LURESCAN_CACHE_DIR || join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'lurescan');
  return join(root, 'osv');
}

export function cacheFilePath(eco: CacheEcosystem, dir = osvCacheDir()): string {
  return join(dir, `${eco}.tsv`);
}

/** The file's text for the given entries (sorted here). */
export function formatCacheFile(meta: Omit<OsvCacheMeta, 'entries'>, entries: CacheEntry[]): string {
  const clean = (s: string) => s.replace(/[\t\r\n]+/g, ' ');
  const lines = entries
    .map(([key, id, summary, versions, all]) => `${clean(key)}\t${clean(id)}\t${clean(summary)}\t${JSON.stringify(versions)}\t${all ? 1 : 0}`)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `${MAGIC}${CACHE_FORMAT} ${JSON.stringify({ ...meta, entries: lines.length })}\n${lines.join('\n')}\n`;
}

/** A loaded cache file: meta, and lookups by key without parsing the rest. */
export class OsvCacheFile {
  private constructor(
    readonly meta: OsvCacheMeta,
    private readonly text: string,
    private readonly bodyStart: number,
  ) {}

  static parse(text: string, path: string): OsvCacheFile {
    const nl = text.indexOf('\n');
    const header = nl < 0 ? text : text.slice(0, nl);
    const m = /^# lurescan-osv-cache (\d+) (\{.*\})$/.exec(header);
    if (!m || Number(m[1]) !== CACHE_FORMAT) throw new Error(`${path}: not a lurescan OSV cache file (format ${m?.[1] ?? 'unknown'}); run lurescan db update`);
    return new OsvCacheFile(JSON.parse(m[2]!) as OsvCacheMeta, text, nl < 0 ? text.length : nl + 1);
  }

  /** Advisories for one key (binary search over the sorted lines). */
  get(key: string): MaliciousAdvisory[] | undefined {
    const { text } = this;
    let lo = this.bodyStart;
    let hi = text.length;
    // Invariant: every line starting before lo has a key < `key`; lines starting at or after hi have key >= `key`.
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const start = Math.max(this.bodyStart, text.lastIndexOf('\n', mid - 1) + 1);
      const end = text.indexOf('\n', start);
      const lineEnd = end < 0 ? text.length : end;
      const tab = text.indexOf('\t', start);
      const lineKey = text.slice(start, tab < 0 || tab > lineEnd ? lineEnd : tab);
      if (lineKey < key) lo = lineEnd + 1;
      else hi = start;
    }
    const out: MaliciousAdvisory[] = [];
    for (let pos = lo; pos < text.length; ) {
      const end = text.indexOf('\n', pos);
      const line = text.slice(pos, end < 0 ? text.length : end);
      const [k, id, summary, versions, all] = line.split('\t');
      if (k !== key) break;
      let list: string[] = [];
      try {
        const v = JSON.parse(versions ?? '[]');
        if (Array.isArray(v)) list = v.map(String);
      } catch {
        // a damaged versions column: the advisory still names the package
      }
      out.push({ id: id ?? '', summary: summary ?? '', versions: list, allVersions: all === '1' || list.length === 0 });
      if (end < 0) break;
      pos = end + 1;
    }
    return out.length ? out : undefined;
  }
}

/** Reads one ecosystem's file; null when absent. A corrupt file is an error (reported), never a silent empty db. */
export function readCacheFile(eco: CacheEcosystem, dir = osvCacheDir()): { ok: true; file: OsvCacheFile | null } | { ok: false; error: string } {
  const path = cacheFilePath(eco, dir);
  if (!existsSync(path)) return { ok: true, file: null };
  try {
    return { ok: true, file: OsvCacheFile.parse(readFileSync(path, 'utf8'), path) };
  } catch (e) {
    return { ok: false, error: (e as Error).message.startsWith(path) ? (e as Error).message : `${path}: ${(e as Error).message}` };
  }
}

/** Lookups over every downloaded ecosystem file. */
export interface OsvLookup {
  get(key: string): MaliciousAdvisory[] | undefined;
  readonly size: number;
}

export function loadCachedOsv(dir = osvCacheDir()): { db: OsvLookup; errors: string[] } {
  const files: OsvCacheFile[] = [];
  const errors: string[] = [];
  for (const eco of CACHE_ECOSYSTEMS) {
    const r = readCacheFile(eco, dir);
    if (!r.ok) errors.push(r.error);
    else if (r.file) files.push(r.file);
  }
  return {
    db: {
      size: files.reduce((n, f) => n + f.meta.entries, 0),
      get: (key) => {
        const found = files.flatMap((f) => f.get(key) ?? []);
        return found.length ? found : undefined;
      },
    },
    errors,
  };
}
