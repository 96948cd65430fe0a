/**
 * Registry lookups for online mode: the npm packument and the PyPI JSON API, read into RegistryPackage facts.
 * Bounded (concurrency, timeout, size) and cached per run; failures come back as messages, never as "clean".
 */
import semver from 'semver';
import type { RegistryPackage } from '../core/inputs.js';
import { httpGet, type Fetched } from './http.js';

export interface OnlineOptions {
  /** npm registry base URL. Default: `npm_config_registry` from the environment, else https://registry.npmjs.org. */
  npmRegistry?: string;
  /** PyPI index base (its JSON API is `<base>/pypi/<name>/json`). Default: `LURESCAN_PYPI_URL`, else https://pypi.org. */
  pypiUrl?: string;
  /** Also download each direct dependency's published package (npm tarball / PyPI sdist or wheel, digest checked) and scan it with the same rules. */
  deep?: boolean;
  /** Parallel requests (default 8). */
  concurrency?: number;
  /** Per request (default 20 s). */
  timeoutMs?: number;
  /** Registry documents larger than this are not parsed (default 48 MiB). */
  maxDocumentBytes?: number;
  /** Dependency tarballs larger than this are not scanned (default 64 MiB): reported as an error. */
  maxTarballBytes?: number;
  /** At most this many dependencies are looked up (default 1000); the rest are reported as not examined. */
  maxLookups?: number;
  /** At most this many dependencies are scanned with deep (default 200); the rest are reported as not examined. */
  maxDeep?: number;
  /** The clock (tests). */
  now?: () => Date;
}

export const DEFAULT_NPM_REGISTRY = 'https://registry.npmjs.org';
export const DEFAULT_PYPI_URL = 'https://pypi.org';

/** The npm registry the user's npm would use: explicit option, then npm's environment config, then the public one. */
export function npmRegistryUrl(opts: OnlineOptions, env: NodeJS.ProcessEnv = process.env): string {
  const url = opts.npmRegistry ?? env.npm_config_registry ?? env.NPM_CONFIG_REGISTRY ?? DEFAULT_NPM_REGISTRY;
  return url.replace(/\/+$/, '');
}

export const NPM_NAME = /^(?:@[a-z0-9~][a-z0-9._~-]*\/)?[a-z0-9~][a-z0-9._~-]*$/i;
export const PYPI_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$/;

/** Where to download a version's published package from, and the digest it must match. */
export interface TarballRef {
  ecosystem?: 'npm' | 'pypi';
  name: string;
  version: string;
  url: string;
  /** SRI (`sha512-…`) when the registry gives one. */
  integrity?: string;
  /** Hex SHA-1 (old packages). */
  shasum?: string;
  /** Hex SHA-256 (PyPI digests). */
  sha256?: string;
  /** The file name to save it under (PyPI: the sdist/wheel name decides how it is unpacked). */
  filename?: string;
}

export type Lookup = { ok: true; pkg: RegistryPackage; tarball?: TarballRef } | { ok: false; error: string };

export interface LookupRequest {
  ecosystem: 'npm' | 'pypi';
  name: string;
  /** Declared range (manifest) as written. */
  range: string;
  /** The version a lockfile pins, when there is one. */
  locked?: string;
}

/** One per scan: every document is fetched at most once, with at most `concurrency` requests in flight. */
export class RegistryClient {
  private readonly docs = new Map<string, Promise<Lookup>>();
  private active = 0;
  /** Registries that could not be reached at all: later lookups fail at once instead of each waiting for a timeout. */
  private readonly down = new Map<string, string>();
  private readonly waiting: Array<() => void> = [];
  readonly npmBase: string;
  readonly pypiBase: string;

  constructor(readonly opts: OnlineOptions) {
    this.npmBase = npmRegistryUrl(opts);
    this.pypiBase = (opts.pypiUrl ?? process.env.LURESCAN_PYPI_URL ?? DEFAULT_PYPI_URL).replace(/\/+$/, '');
  }

  lookup(req: LookupRequest): Promise<Lookup> {
    const key = `${req.ecosystem}\u0000${req.name}\u0000${req.range}\u0000${req.locked ?? ''}`;
    let p = this.docs.get(key);
    if (!p) {
      p = this.limit(() => (req.ecosystem === 'npm' ? this.npm(req) : this.pypi(req)));
      this.docs.set(key, p);
    }
    return p;
  }

  /** GET a registry document, failing fast once its registry has proved unreachable. */
  private async getDoc(base: string, url: string, maxBytes: number): Promise<Fetched> {
    const known = this.down.get(base);
    if (known) return { ok: false, error: `${known} (registry unreachable, not retried)` };
    const got = await httpGet(url, { timeoutMs: this.timeoutMs, maxBytes, accept: 'application/json' });
    if (!got.ok && got.status === undefined && !got.tooLarge) this.down.set(base, got.error);
    return got;
  }

  /** Runs `task` when a slot is free (shared by lookups and tarball downloads). */
  async limit<T>(task: () => Promise<T>): Promise<T> {
    const max = Math.max(1, this.opts.concurrency ?? 8);
    if (this.active >= max) await new Promise<void>((r) => this.waiting.push(r));
    this.active++;
    try {
      return await task();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }

  get timeoutMs(): number {
    return this.opts.timeoutMs ?? 20_000;
  }

  private async npm(req: LookupRequest): Promise<Lookup> {
    const url = `${this.npmBase}/${req.name.replace('/', '%2f')}`;
    const got = await this.getDoc(this.npmBase, url, this.opts.maxDocumentBytes ?? 48 << 20);
    if (!got.ok && got.status === 404) return { ok: true, pkg: { ecosystem: 'npm', name: req.name, url, state: 'missing' } };
    if (!got.ok && got.tooLarge) {
      // Only thousands of versions make a packument this big: an established package. Its age is not known.
      const pkg: RegistryPackage = { ecosystem: 'npm', name: req.name, url, state: 'found', truncated: true };
      return { ok: true, pkg, tarball: await this.npmVersionDoc(req) };
    }
    if (!got.ok) return { ok: false, error: got.error };
    const parsed = jsonDocument(got.body, url, 'a package document');
    if (!parsed.ok) return parsed;
    return { ok: true, ...readPackument(req, url, parsed.doc) };
  }

  /** `<registry>/<name>/<version>`: one version's document, when the whole packument was too large to read. */
  private async npmVersionDoc(req: LookupRequest): Promise<TarballRef | undefined> {
    const which = req.locked ?? (semver.valid(req.range) ? req.range : 'latest');
    const url = `${this.npmBase}/${req.name.replace('/', '%2f')}/${encodeURIComponent(which)}`;
    const got = await httpGet(url, { timeoutMs: this.timeoutMs, maxBytes: 4 << 20, accept: 'application/json' });
    if (!got.ok) return undefined;
    try {
      const v = JSON.parse(got.body.toString('utf8'));
      return tarballOf(req.name, v);
    } catch {
      return undefined;
    }
  }

  private async pypi(req: LookupRequest): Promise<Lookup> {
    const url = `${this.pypiBase}/pypi/${encodeURIComponent(req.name)}/json`;
    const got = await this.getDoc(this.pypiBase, url, this.opts.maxDocumentBytes ?? 48 << 20);
    if (!got.ok && got.status === 404) return { ok: true, pkg: { ecosystem: 'pypi', name: req.name, url, state: 'missing' } };
    if (!got.ok && got.tooLarge) return { ok: true, pkg: { ecosystem: 'pypi', name: req.name, url, state: 'found', truncated: true } };
    if (!got.ok) return { ok: false, error: got.error };
    const parsed = jsonDocument(got.body, url, 'a project document');
    if (!parsed.ok) return parsed;
    const pkg = readPypiJson(req, url, parsed.doc);
    return { ok: true, pkg, tarball: pkg.picked ? pypiFileOf(req.name, pkg.picked, parsed.doc, url) : undefined };
  }
}

/** A registry answer as a JSON object, or the error that says why it is not one (a hostile registry is possible). */
function jsonDocument(body: Buffer, url: string, what: string): { ok: true; doc: any } | { ok: false; error: string } {
  let doc: any;
  try {
    doc = JSON.parse(body.toString('utf8'));
  } catch (e) {
    return { ok: false, error: `${url}: not JSON (${(e as Error).message})` };
  }
  if (!doc || typeof doc !== 'object') return { ok: false, error: `${url}: not ${what}` };
  return { ok: true, doc };
}

/**
 * npm's placeholder for a name taken down (malware, or a squat of a reserved name): every version is `0.0.1-security`
 * ("security holding package"), or every version points at the npm/security-holder repository (`child_process@1.0.2`).
 */
function isSecurityHolder(doc: any, versions: string[]): boolean {
  if (!versions.length) return false;
  if (versions.every((v) => /-security(?:\.\d+)?$/.test(v))) return true;
  return versions.every((v) => /\bnpm\/security-holder\b/.test(JSON.stringify(doc.versions?.[v]?.repository ?? '')));
}

function tarballOf(name: string, v: any): TarballRef | undefined {
  const dist = v?.dist;
  if (!dist || typeof dist.tarball !== 'string' || typeof v.version !== 'string') return undefined;
  return {
    name,
    version: v.version,
    url: dist.tarball,
    integrity: typeof dist.integrity === 'string' ? dist.integrity : undefined,
    shasum: typeof dist.shasum === 'string' ? dist.shasum : undefined,
  };
}

/** The version npm would install for `range`: the `latest` tag when it satisfies, else the highest match; tags work too. */
export function pickNpmVersion(range: string, versions: string[], distTags: Record<string, string>, locked?: string): string | undefined {
  if (locked && versions.includes(locked)) return locked;
  const r = range.trim() || '*';
  if (distTags[r] && versions.includes(distTags[r]!)) return distTags[r];
  if (semver.validRange(r) === null) return undefined;
  const latest = distTags.latest;
  if (latest && versions.includes(latest) && semver.satisfies(latest, r)) return latest;
  return semver.maxSatisfying(versions, r) ?? undefined;
}

/** Alias specs (`npm:real@^1`) carry the range after the real name. */
export function npmRange(spec: string): string {
  return spec.startsWith('npm:') ? spec.slice(4).replace(/^@?[^@]+@?/, '') : spec;
}

export function readPackument(req: LookupRequest, url: string, doc: any): { pkg: RegistryPackage; tarball?: TarballRef } {
  const versions = Object.keys(doc.versions && typeof doc.versions === 'object' ? doc.versions : {}).filter((v) => semver.valid(v));
  const time: Record<string, string> = doc.time && typeof doc.time === 'object' ? doc.time : {};
  const distTags: Record<string, string> = doc['dist-tags'] && typeof doc['dist-tags'] === 'object' ? doc['dist-tags'] : {};
  const stamps = versions.map((v) => time[v]).filter((t): t is string => typeof t === 'string' && !Number.isNaN(Date.parse(t)));
  const created = typeof time.created === 'string' && !Number.isNaN(Date.parse(time.created)) ? time.created : earliest(stamps);
  const base: RegistryPackage = { ecosystem: 'npm', name: req.name, url, state: 'found', created, versionCount: versions.length, latest: distTags.latest };
  if (!versions.length) return { pkg: { ...base, state: 'removed' } };
  if (isSecurityHolder(doc, versions)) return { pkg: { ...base, state: 'security-placeholder', latest: distTags.latest ?? versions[0] } };
  const range = npmRange(req.range);
  const picked = pickNpmVersion(range, versions, distTags, req.locked);
  const valid = semver.validRange(range.trim() || '*');
  const matching = valid ? versions.filter((v) => semver.satisfies(v, valid)) : picked ? [picked] : [];
  // An exact pin (lockfile or `"1.0.3"`) that is gone: npm removes a malicious version and keeps the rest of the package.
  const pinned = req.locked ?? (semver.valid(range.trim()) ? semver.clean(range.trim())! : undefined);
  const gone = pinned && !versions.includes(pinned) ? pinned : undefined;
  return {
    pkg: {
      ...base,
      ...(gone ? { missingVersion: gone, missingVersionPublished: typeof time[gone] === 'string' ? time[gone] : undefined } : {}),
      picked,
      pickedPublished: picked ? time[picked] : undefined,
      oldestMatchingPublished: earliest(matching.map((v) => time[v]).filter((t): t is string => typeof t === 'string')),
    },
    tarball: picked ? tarballOf(req.name, doc.versions[picked]) : undefined,
  };
}

export function readPypiJson(req: LookupRequest, url: string, doc: any): RegistryPackage {
  const releases: Record<string, any[]> = doc.releases && typeof doc.releases === 'object' ? doc.releases : {};
  const uploadsOf = (v: string) => (Array.isArray(releases[v]) ? releases[v]! : []).map((f) => f?.upload_time_iso_8601 ?? f?.upload_time).filter((t): t is string => typeof t === 'string');
  const live = Object.keys(releases).filter((v) => uploadsOf(v).length > 0);
  const created = earliest(live.flatMap(uploadsOf));
  const latest = typeof doc.info?.version === 'string' ? doc.info.version : undefined;
  const base: RegistryPackage = { ecosystem: 'pypi', name: req.name, url, state: 'found', created, versionCount: live.length, latest };
  if (!live.length) return { ...base, state: 'removed' };
  // PEP 440 ranges are not evaluated: an exact pin (or the lockfile) picks a version, otherwise the latest does.
  const pin = req.locked ?? /^===?\s*([\w.!+-]+)$/.exec(req.range.trim())?.[1];
  const gone = pin && !live.includes(pin) ? pin : undefined;
  // pip would fail on a pin that is gone: nothing is picked for --deep then.
  const picked = gone ? undefined : pin ?? (latest && live.includes(latest) ? latest : undefined);
  return { ...base, ...(gone ? { missingVersion: gone } : {}), picked, pickedPublished: picked ? earliest(uploadsOf(picked)) : undefined, oldestMatchingPublished: pin && picked === pin ? earliest(uploadsOf(pin)) : undefined };
}

/** The sdist of a release (it carries setup.py, what runs at install), else its first wheel. */
function pypiFileOf(name: string, version: string, doc: any, docUrl: string): TarballRef | undefined {
  const files: any[] = Array.isArray(doc.releases?.[version]) ? doc.releases[version] : [];
  const pick = files.find((f) => f?.packagetype === 'sdist') ?? files.find((f) => f?.packagetype === 'bdist_wheel');
  if (!pick || typeof pick.url !== 'string' || typeof pick.filename !== 'string' || !/^[\w.+-]+$/.test(pick.filename)) return undefined;
  return {
    ecosystem: 'pypi',
    name,
    version,
    url: new URL(pick.url, docUrl).href,
    sha256: typeof pick.digests?.sha256 === 'string' ? pick.digests.sha256 : undefined,
    filename: pick.filename,
  };
}

function earliest(stamps: string[]): string | undefined {
  let best: string | undefined;
  let bestT = Infinity;
  for (const s of stamps) {
    const t = Date.parse(s);
    if (t < bestT) [best, bestT] = [s, t];
  }
  return best;
}
