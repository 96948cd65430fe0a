/**
 * `lurescan db update`: downloads the OSV bulk export (`<source>/<Ecosystem>/all.zip`), keeps the MAL-* advisories
 * (OpenSSF malicious-packages), and replaces the cache file atomically (write beside, then rename). Only the entries
 * named MAL-* are inflated: the rest of the archive (ordinary vulnerabilities) is never decompressed.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { readAdvisory } from '../analyzers/manifest/data.js';
import { cacheFilePath, formatCacheFile, osvCacheDir, readCacheFile, type CacheEcosystem, type CacheEntry } from '../analyzers/manifest/osv-cache.js';
import { loadOsv } from '../analyzers/manifest/data.js';
import { httpGet, type Fetched } from './http.js';

export const DEFAULT_OSV_SOURCE = 'https://osv-vulnerabilities.storage.googleapis.com';
/** Folder names of the OSV export. */
const EXPORT_NAME: Record<CacheEcosystem, string> = { npm: 'npm', pypi: 'PyPI' };
const BATCH = 20_000;

export interface DbUpdateOptions {
  /**
   * Base of the OSV export (`<source>/npm/all.zip`), or a URL ending in .zip used for every ecosystem asked. A local
   * folder or .zip (a copy fetched on another machine) is read the same way.
   */
  source?: string;
  ecosystems?: CacheEcosystem[];
  /** Cache folder (default: osvCacheDir()). */
  dir?: string;
  timeoutMs?: number;
  /** Largest archive accepted (default 1 GiB). */
  maxZipBytes?: number;
  now?: () => Date;
}

export type EcosystemUpdate = { ecosystem: CacheEcosystem; ok: true; url: string; kept: number; scanned: number; skipped: number } | { ecosystem: CacheEcosystem; ok: false; url: string; error: string };

/** Updates each ecosystem independently: one unreachable export does not undo the other. */
export async function updateOsvDb(opts: DbUpdateOptions = {}): Promise<{ dir: string; results: EcosystemUpdate[] }> {
  const dir = opts.dir ?? osvCacheDir();
  const results: EcosystemUpdate[] = [];
  for (const eco of opts.ecosystems ?? (['npm', 'pypi'] as CacheEcosystem[])) results.push(await updateOne(eco, dir, opts));
  return { dir, results };
}

async function updateOne(eco: CacheEcosystem, dir: string, opts: DbUpdateOptions): Promise<EcosystemUpdate> {
  const source = (opts.source ?? DEFAULT_OSV_SOURCE).replace(/\/+$/, '');
  const url = /\.zip$/i.test(source) ? source : `${source}/${EXPORT_NAME[eco]}/all.zip`;
  const maxBytes = opts.maxZipBytes ?? 1 << 30;
  const got = /^https?:\/\//i.test(url) ? await httpGet(url, { timeoutMs: opts.timeoutMs ?? 600_000, maxBytes, accept: 'application/zip' }) : readLocal(url, maxBytes);
  if (!got.ok) return { ecosystem: eco, ok: false, url, error: got.error };
  // Names first (nothing inflated), then the MAL-* entries in batches: 200k advisories never sit in memory at once.
  const names: string[] = [];
  let scanned = 0;
  try {
    unzipSync(got.body, {
      filter: (f) => {
        scanned++;
        // MAL-2024-1234.json; one advisory is a few KB, so anything over 4 MiB is not one (or is a zip bomb).
        if (/(?:^|\/)MAL-[\w.-]+\.json$/.test(f.name) && f.originalSize <= 4 << 20) names.push(f.name);
        return false;
      },
    });
  } catch (e) {
    return { ecosystem: eco, ok: false, url, error: `${url}: not a readable zip archive (${(e as Error).message})` };
  }
  const entries: CacheEntry[] = [];
  let skipped = 0;
  const decoder = new TextDecoder();
  for (let i = 0; i < names.length; i += BATCH) {
    const batch = new Set(names.slice(i, i + BATCH));
    let files: Record<string, Uint8Array>;
    try {
      files = unzipSync(got.body, { filter: (f) => batch.has(f.name) });
    } catch (e) {
      return { ecosystem: eco, ok: false, url, error: `${url}: not a readable zip archive (${(e as Error).message})` };
    }
    for (const [name, bytes] of Object.entries(files)) {
      try {
        const adv = JSON.parse(decoder.decode(bytes));
        if (adv?.withdrawn) continue;
        for (const { key, advisory } of readAdvisory(adv, name.replace(/^.*\//, '').replace(/\.json$/, ''))) {
          if (!key.startsWith(`${eco}:`)) continue;
          entries.push([key, advisory.id, advisory.summary.slice(0, 200), advisory.versions, advisory.allVersions]);
        }
      } catch {
        skipped++;
      }
    }
  }
  if (!entries.length) return { ecosystem: eco, ok: false, url, error: `${url}: no MAL-* ${EXPORT_NAME[eco]} advisories in the archive (${scanned} entries); the cache was left as it was` };
  const text = formatCacheFile({ ecosystem: eco, source: url, updatedAt: (opts.now?.() ?? new Date()).toISOString(), scanned }, entries);
  const path = cacheFilePath(eco, dir);
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    return { ecosystem: eco, ok: false, url, error: `cannot write ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
  }
  return { ecosystem: eco, ok: true, url, kept: entries.length, scanned, skipped };
}

function readLocal(path: string, maxBytes: number): Fetched {
  try {
    const size = statSync(path).size;
    if (size > maxBytes) return { ok: false, tooLarge: true, error: `${path}: ${size} bytes exceeds the ${maxBytes}-byte limit` };
    return { ok: true, status: 200, body: readFileSync(path) };
  } catch (e) {
    return { ok: false, error: `cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
  }
}

export interface DbStatus {
  dir: string;
  shipped: number;
  ecosystems: Array<{ ecosystem: CacheEcosystem; entries: number; updatedAt?: string; ageDays?: number; source?: string; error?: string }>;
}

/** How many advisories the shipped seed and the downloaded cache hold, and how old the download is. */
export function dbStatus(dir = osvCacheDir(), now = new Date()): DbStatus {
  const shipped = [...loadOsv().db.values()].reduce((n, l) => n + l.length, 0);
  const ecosystems: DbStatus['ecosystems'] = [];
  for (const eco of ['npm', 'pypi'] as CacheEcosystem[]) {
    const r = readCacheFile(eco, dir);
    if (!r.ok) ecosystems.push({ ecosystem: eco, entries: 0, error: r.error });
    else if (!r.file) ecosystems.push({ ecosystem: eco, entries: 0 });
    else {
      const { meta } = r.file;
      const t = Date.parse(meta.updatedAt);
      ecosystems.push({
        ecosystem: eco,
        entries: meta.entries,
        updatedAt: meta.updatedAt,
        ageDays: Number.isNaN(t) ? undefined : Math.max(0, Math.floor((now.getTime() - t) / 86_400_000)),
        source: meta.source,
      });
    }
  }
  return { dir, shipped, ecosystems };
}
