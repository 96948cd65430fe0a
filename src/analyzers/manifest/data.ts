/**
 * Reference data shipped in the package's data/ folder: popular package names and the local OSV database of
 * known-malicious packages. Loaded once per process, on first use.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Ecosystem } from './types.js';
import { pep503 } from './pypi.js';
import { loadCachedOsv, type OsvLookup } from './osv-cache.js';

let dataDirCache: string | null | undefined;

/** data/ beside src/ or dist/: found by walking up from this module. `LURESCAN_DATA_DIR` overrides (tests). */
export function dataDir(): string | null {
  if (process.env.LURESCAN_DATA_DIR) return process.env.LURESCAN_DATA_DIR;
  if (dataDirCache !== undefined) return dataDirCache;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'data', 'npm-popular.tsv'))) return (dataDirCache = join(dir, 'data'));
    dir = dirname(dir);
  }
  return (dataDirCache = null);
}

export interface Popular {
  /** name → rank (0 = most popular). */
  rank: Map<string, number>;
  names: string[];
}

const popularCache = new Map<Ecosystem, Popular>();

export function popular(eco: Ecosystem): Popular {
  let p = popularCache.get(eco);
  if (p) return p;
  const dir = dataDir();
  const names: string[] = [];
  if (dir) {
    const file = join(dir, eco === 'npm' ? 'npm-popular.tsv' : 'pypi-popular.txt');
    if (existsSync(file)) {
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        const name = line.split('\t')[0]!.trim();
        if (name) names.push(eco === 'pypi' ? pep503(name) : name);
      }
    }
  }
  p = { names, rank: new Map(names.map((n, i) => [n, i] as [string, number]).reverse()) };
  popularCache.set(eco, p);
  return p;
}

export interface MaliciousAdvisory {
  id: string;
  summary: string;
  /** Versions explicitly listed; empty = every version (a range introduced at 0). */
  versions: string[];
  allVersions: boolean;
}

let osvCache: OsvLookup | null = null;
const OSV_ECOSYSTEM: Record<string, Ecosystem> = { npm: 'npm', pypi: 'pypi', PyPI: 'pypi' };

/** Key: `${ecosystem}:${normalized name}`. */
export function osvKey(eco: Ecosystem, name: string): string {
  return `${eco}:${eco === 'pypi' ? pep503(name) : name}`;
}

/** One OSV advisory → its affected packages (npm/PyPI only), keyed like the database. */
export function readAdvisory(adv: { id?: string; summary?: string; affected?: Array<Record<string, any>> }, fallbackId: string): Array<{ key: string; advisory: MaliciousAdvisory }> {
  const out: Array<{ key: string; advisory: MaliciousAdvisory }> = [];
  for (const a of adv?.affected ?? []) {
    const eco = OSV_ECOSYSTEM[String(a.package?.ecosystem ?? '')];
    const name = a.package?.name;
    if (!eco || typeof name !== 'string') continue;
    const versions = Array.isArray(a.versions) ? a.versions.map(String) : [];
    const allVersions = (a.ranges ?? []).some((r: any) => (r.events ?? []).some((e: any) => e.introduced === '0' && !(r.events ?? []).some((x: any) => x.fixed || x.last_affected)));
    out.push({ key: osvKey(eco, name), advisory: { id: String(adv.id ?? fallbackId), summary: String(adv.summary ?? ''), versions, allVersions: allVersions || versions.length === 0 } });
  }
  return out;
}

/** Loads every OSV JSON file under `root` (default data/osv). Malformed files are skipped and returned as errors. */
export function loadOsv(root?: string): { db: Map<string, MaliciousAdvisory[]>; errors: string[] } {
  const db = new Map<string, MaliciousAdvisory[]>();
  const errors: string[] = [];
  const base = root ?? (dataDir() ? join(dataDir()!, 'osv') : null);
  if (!base || !existsSync(base)) return { db, errors };
  const stack = [base];
  while (stack.length) {
    const dir = stack.pop()!;
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) {
        stack.push(path);
        continue;
      }
      if (!entry.endsWith('.json')) continue;
      try {
        for (const { key, advisory } of readAdvisory(JSON.parse(readFileSync(path, 'utf8')), entry)) {
          const list = db.get(key) ?? [];
          list.push(advisory);
          db.set(key, list);
        }
      } catch (e) {
        errors.push(`${path}: ${(e as Error).message}`);
      }
    }
  }
  return { db, errors };
}

/** The shipped seed database plus what `lurescan db update` downloaded into the user cache (src/analyzers/manifest/osv-cache.ts). */
export function osvDb(): { db: OsvLookup; errors: string[] } {
  if (!osvCache) {
    const shipped = loadOsv();
    const cached = loadCachedOsv();
    osvCache = {
      size: shipped.db.size + cached.db.size,
      get: (key) => {
        const own = shipped.db.get(key) ?? [];
        const more = (cached.db.get(key) ?? []).filter((a) => !own.some((o) => o.id === a.id));
        return own.length || more.length ? [...own, ...more] : undefined;
      },
    };
    osvErrors = [...shipped.errors, ...cached.errors];
  }
  return { db: osvCache, errors: osvErrors };
}
let osvErrors: string[] = [];
