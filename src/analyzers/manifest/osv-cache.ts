/**
 * The downloaded part of the known-malicious database: what `lurescan db update` extracted from the OSV bulk export
 * (MAL-* advisories of ossf/malicious-packages), one compact JSON file per ecosystem in the user cache folder.
 * Read here (offline, every scan); written by src/online/osv-update.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { MaliciousAdvisory } from './data.js';

export const CACHE_FORMAT = 1;
export const CACHE_ECOSYSTEMS = ['npm', 'pypi'] as const;
export type CacheEcosystem = (typeof CACHE_ECOSYSTEMS)[number];

/** One ecosystem's file. `entries`: [key, id, summary, versions, allVersions] tuples (compact: 200k npm entries). */
export interface OsvCacheFile {
  format: number;
  ecosystem: CacheEcosystem;
  source: string;
  /** ISO time of the download. */
  updatedAt: string;
  /** Advisories in the export, and how many of them were MAL-* (kept). */
  scanned: number;
  entries: Array<[string, string, string, string[], boolean]>;
}

/** `LURESCAN_CACHE_DIR`, else `$XDG_CACHE_HOME/lurescan`, else `~/.cache/lurescan`; the database is its `osv/` folder. */
export function osvCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const root = env.LURESCAN_CACHE_DIR || join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'lurescan');
  return join(root, 'osv');
}

export function cacheFilePath(eco: CacheEcosystem, dir = osvCacheDir()): string {
  return join(dir, `${eco}.json`);
}

/** Reads one ecosystem's file; null when absent. A corrupt file is an error (reported), never a silent empty db. */
export function readCacheFile(eco: CacheEcosystem, dir = osvCacheDir()): { ok: true; file: OsvCacheFile | null } | { ok: false; error: string } {
  const path = cacheFilePath(eco, dir);
  if (!existsSync(path)) return { ok: true, file: null };
  try {
    const file = JSON.parse(readFileSync(path, 'utf8')) as OsvCacheFile;
    if (file?.format !== CACHE_FORMAT || !Array.isArray(file.entries)) return { ok: false, error: `${path}: not a lurescan OSV cache file (format ${String(file?.format)}); run lurescan db update` };
    return { ok: true, file };
  } catch (e) {
    return { ok: false, error: `${path}: ${(e as Error).message}` };
  }
}

export function loadCachedOsv(dir = osvCacheDir()): { db: Map<string, MaliciousAdvisory[]>; errors: string[] } {
  const db = new Map<string, MaliciousAdvisory[]>();
  const errors: string[] = [];
  for (const eco of CACHE_ECOSYSTEMS) {
    const r = readCacheFile(eco, dir);
    if (!r.ok) {
      errors.push(r.error);
      continue;
    }
    for (const e of r.file?.entries ?? []) {
      if (!Array.isArray(e) || typeof e[0] !== 'string') continue;
      const [key, id, summary, versions, allVersions] = e;
      const list = db.get(key) ?? [];
      list.push({ id: String(id), summary: String(summary ?? ''), versions: Array.isArray(versions) ? versions.map(String) : [], allVersions: allVersions === true });
      db.set(key, list);
    }
  }
  return { db, errors };
}
