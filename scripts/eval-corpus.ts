/**
 * The evaluation corpus (../shared/corpus): what samples exist and how to lay one out on disk for a scan.
 *
 * Everything under the corpus is live malware. Nothing here executes it: zips are decrypted with `unzip` into a private
 * temp folder that is deleted after the scan, npm tarballs are fetched with `npm pack --ignore-scripts` and only
 * unpacked with `tar`, never installed.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export type Label = 'malicious' | 'benign';
export type Source = 'zip' | 'pypi' | 'npm';

/** One scannable sample of the corpus. */
export interface Sample {
  id: string;
  label: Label;
  group: string;
  source: Source;
  /** zip: the sample's zip; pypi: the shared zip; npm: the `name@version` spec. */
  location: string;
  /** pypi: `<name>/<version>` folder inside the shared zip. */
  folder?: string;
  note?: string;
}

interface ManifestEntry {
  id: string;
  zip: string;
  label: Label;
  behaviour?: string;
}

/** `--corpus` > LURESCAN_CORPUS > ../shared/corpus next to the repository. */
export function resolveCorpusDir(explicit?: string): string {
  const dir = explicit ?? process.env.LURESCAN_CORPUS ?? resolve(REPO_ROOT, '../shared/corpus');
  // A path to manifest.json itself is accepted too.
  return dir.endsWith('.json') ? dirname(resolve(dir)) : resolve(dir);
}

export function corpusAvailable(dir: string): boolean {
  return existsSync(join(dir, 'manifest.json'));
}

export function readPassword(dir: string): string {
  try {
    const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { password?: string };
    return m.password ?? 'infected';
  } catch {
    return 'infected';
  }
}

/**
 * Family of a sample, from the corpus's id convention: ci- Contagious Interview lures, pr- PolinRider config injection,
 * rp- repository compromise, npm-sonatype- classic malicious npm packages, bn-/hardneg- benign repositories.
 */
export function groupOf(id: string, label: Label, source: Source): string {
  if (source === 'pypi') return 'pypi-malicious';
  if (source === 'npm') return label === 'benign' ? 'benign-npm' : 'npm-malicious';
  if (id.startsWith('ci-')) return 'contagious-interview';
  if (id.startsWith('pr-')) return 'polinrider';
  if (id.startsWith('rp-')) return 'repo-compromise';
  if (id.startsWith('npm-')) return 'npm-malicious';
  if (id.startsWith('hardneg-')) return 'benign-hard-negative';
  if (id.startsWith('bn-')) return 'benign-repo';
  return label === 'benign' ? 'benign-other' : 'malicious-other';
}

export function loadZipSamples(dir: string): Sample[] {
  const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { samples: ManifestEntry[] };
  return m.samples.map((s) => ({
    id: s.id,
    label: s.label,
    group: groupOf(s.id, s.label, 'zip'),
    source: 'zip' as const,
    location: join(dir, s.zip),
    note: s.behaviour,
  }));
}

/** One sample per `<name>/<version>/` folder of pypi-malicious-dev.zip, as listed in pypi-malicious-dev.txt. */
export function loadPypiSamples(dir: string): Sample[] {
  const zip = join(dir, 'pypi-malicious-dev.zip');
  const list = join(dir, 'pypi-malicious-dev.txt');
  if (!existsSync(zip) || !existsSync(list)) return [];
  return readLines(list).map((folder) => ({
    id: `pypi/${folder}`,
    label: 'malicious' as const,
    group: 'pypi-malicious',
    source: 'pypi' as const,
    location: zip,
    folder,
  }));
}

export function loadNpmSamples(dir: string): Sample[] {
  const list = join(dir, 'benign-npm.txt');
  if (!existsSync(list)) return [];
  // The list may name a package twice: each is scanned and counted once.
  return [...new Set(readLines(list))].map((spec) => ({
    id: `npm/${spec}`,
    label: 'benign' as const,
    group: 'benign-npm',
    source: 'npm' as const,
    location: spec,
  }));
}

function readLines(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

export function makeTempDir(tag: string): string {
  return mkdtempSync(join(tmpdir(), `lurescan-eval-${tag.replace(/[^a-z0-9]+/gi, '-').slice(0, 40)}-`));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}

/** Decrypts a corpus zip into `dest` (never executed, only written as files). */
export async function unzipTo(zip: string, dest: string, password: string): Promise<void> {
  await run('unzip', ['-qq', '-o', '-P', password, '-d', dest, zip], { maxBuffer: 16 << 20 });
}

export async function untarTo(tgz: string, dest: string): Promise<void> {
  // --no-same-owner/permissions: files are data to read, nothing more.
  await run('tar', ['xzf', tgz, '-C', dest, '--no-same-owner', '--no-same-permissions'], { maxBuffer: 16 << 20 });
}

/** A folder holding exactly one folder and nothing else is that folder's wrapper (zip of a repo, npm's package/). */
export function unwrapSingleFolder(dir: string): string {
  const entries = readdirSync(dir, { withFileTypes: true });
  if (entries.length === 1 && entries[0]!.isDirectory()) return join(dir, entries[0]!.name);
  return dir;
}

/** Default tarball cache: $XDG_CACHE_HOME/lurescan/eval, else ~/.cache/lurescan/eval. */
export function defaultCacheDir(): string {
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'lurescan', 'eval');
}

/** The file name `npm pack` gives a spec: `@scope/name@1.2.3` → `scope-name-1.2.3.tgz`. */
export function packFileName(spec: string): string {
  const at = spec.lastIndexOf('@');
  if (at <= 0) throw new Error(`not a name@version spec: ${spec}`);
  const name = spec.slice(0, at);
  const version = spec.slice(at + 1);
  return `${name.replace(/^@/, '').replace('/', '-')}-${version}.tgz`;
}

export type FetchOutcome = { spec: string; ok: true; path: string; cached: boolean } | { spec: string; ok: false; error: string };

/**
 * Fetches each spec with `npm pack --ignore-scripts` into `<cache>/npm/` unless already there (later runs are
 * offline), `concurrency` at a time.
 */
export async function fetchNpmTarballs(
  specs: string[],
  cacheDir: string,
  opts: { concurrency?: number; offline?: boolean; onDone?: (o: FetchOutcome) => void } = {},
): Promise<Map<string, FetchOutcome>> {
  const dest = join(cacheDir, 'npm');
  mkdirSync(dest, { recursive: true });
  const out = new Map<string, FetchOutcome>();
  const queue = [...specs];
  const worker = async () => {
    for (let spec = queue.shift(); spec !== undefined; spec = queue.shift()) {
      const path = join(dest, packFileName(spec));
      let o: FetchOutcome;
      if (existsSync(path) && statSync(path).size > 0) o = { spec, ok: true, path, cached: true };
      else if (opts.offline) o = { spec, ok: false, error: 'not in the cache (offline)' };
      else {
        try {
          await run('npm', ['pack', spec, '--ignore-scripts', '--pack-destination', dest, '--silent'], {
            maxBuffer: 64 << 20,
            timeout: 300_000,
          });
          o = existsSync(path) ? { spec, ok: true, path, cached: false } : { spec, ok: false, error: `npm pack wrote no ${packFileName(spec)}` };
        } catch (e) {
          const err = e as { stderr?: string; message?: string };
          o = { spec, ok: false, error: `npm pack failed: ${(err.stderr || err.message || String(e)).trim().split('\n').slice(-2).join(' ')}` };
        }
      }
      out.set(spec, o);
      opts.onDone?.(o);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.concurrency ?? 4) }, worker));
  return out;
}
