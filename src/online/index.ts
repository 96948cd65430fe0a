/**
 * Online mode (`scan --online`, off by default): looks the project's direct dependencies up on their registries before
 * the project rules run (the rules stay pure and read `view.registry`), and with `deep` scans each dependency's
 * published package with the same rules. Lookup failures are scan errors (exit 2), never a silent clean.
 */
import type { Finding } from '../core/finding.js';
import type { ProjectView, RegistryPackage } from '../core/inputs.js';
import type { Report, ScanError } from '../core/report.js';
import { readManifests, type DepEntry } from '../analyzers/manifest/index.js';
import { osvKey } from '../analyzers/manifest/data.js';
import type { NpmFetcher, PypiFetcher } from '../targets/types.js';
import { scanDependencies } from './deep.js';
import semver from 'semver';
import { NPM_NAME, npmRange, PYPI_NAME, RegistryClient, type LookupRequest, type OnlineOptions, type TarballRef } from './registry.js';

export type { OnlineOptions } from './registry.js';
export { npmRegistryUrl, DEFAULT_NPM_REGISTRY, DEFAULT_PYPI_URL } from './registry.js';

/** Scans `npm:name@version` / `pypi:name==version` with the given fetcher (api/scan.ts passes itself, without online mode). */
export type DependencyScanner = (spec: string, fetch: { npmFetch?: NpmFetcher; pypiFetch?: PypiFetcher }) => Promise<Report>;

export interface OnlineResult {
  findings: Finding[];
  errors: ScanError[];
  /** SHA-256 of dependency files with findings, under their node_modules/<name>/ paths. */
  fileHashes: Record<string, string>;
}

/** Online mode under way: the lookups run from `startOnline` on; `finish` stores their facts and runs the deep scans. */
export interface OnlineRun {
  finish(view: ProjectView, scanDependency?: DependencyScanner): Promise<OnlineResult>;
}

/**
 * Starts the registry lookups. They need only the file list and the manifests' text, so api/scan.ts starts them
 * before analysing the files and the network time hides behind the analysis.
 */
export function startOnline(tree: Pick<ProjectView, 'files' | 'readText'>, opts: OnlineOptions): OnlineRun {
  const client = new RegistryClient(opts);
  const looked = lookUp(tree, opts, client);
  looked.catch(() => {}); // awaited in finish; never an unhandled rejection if the scan fails first
  return {
    async finish(view, scanDependency) {
      const { packages, tarballs, errors, checkedAt } = await looked;
      view.registry = { checkedAt, packages };
      if (!opts.deep) return { findings: [], errors, fileHashes: {} };
      if (!scanDependency) {
        errors.push({ path: '.', message: 'online: --deep needs a dependency scanner (library use without scan())' });
        return { findings: [], errors, fileHashes: {} };
      }
      const deep = await scanDependencies(tarballs, client, scanDependency);
      return { findings: deep.findings, errors: [...errors, ...deep.errors], fileHashes: deep.fileHashes };
    },
  };
}

/** Looks dependencies up, stores the facts on `view.registry`, and (deep) scans the dependencies themselves. */
export function runOnline(view: ProjectView, opts: OnlineOptions, scanDependency?: DependencyScanner): Promise<OnlineResult> {
  return startOnline(view, opts).finish(view, scanDependency);
}

async function lookUp(
  tree: Pick<ProjectView, 'files' | 'readText'>,
  opts: OnlineOptions,
  client: RegistryClient,
): Promise<{ packages: Record<string, RegistryPackage>; tarballs: TarballRef[]; errors: ScanError[]; checkedAt: string }> {
  const all = lookupRequests(tree);
  const maxLookups = opts.maxLookups ?? 1000;
  const requests = all.slice(0, maxLookups);
  const errors: ScanError[] = [];
  if (all.length > maxLookups) {
    errors.push({ path: all[maxLookups]!.dep.file, message: `online: ${all.length - maxLookups} of ${all.length} dependencies not looked up (more than ${maxLookups})` });
  }
  const packages: Record<string, RegistryPackage> = {};
  const tarballs: TarballRef[] = [];
  const checkedAt = (opts.now?.() ?? new Date()).toISOString();
  const results = await Promise.all(requests.map(async ({ req, dep }) => ({ req, dep, got: await client.lookup(req) })));
  const unreachable = new Map<string, { path: string; names: string[] }>();
  for (const { req, dep, got } of results) {
    if (!got.ok) {
      // One error per registry that could not be reached at all, naming what was not looked up.
      if (/unreachable|no answer within/.test(got.error)) {
        const eco = req.ecosystem === 'npm' ? `npm registry ${client.npmBase}` : `PyPI index ${client.pypiBase}`;
        const u = unreachable.get(eco) ?? { path: dep.file, names: [] };
        if (!unreachable.has(eco)) errors.push({ path: dep.file, message: `online: the ${eco} could not be reached (${got.error.replace(/ \(registry unreachable, not retried\)$/, '')})` });
        u.names.push(req.name);
        unreachable.set(eco, u);
      } else errors.push({ path: dep.file, message: `online: could not look up ${req.ecosystem} package "${req.name}": ${got.error}` });
      continue;
    }
    packages[osvKey(req.ecosystem, req.name)] = got.pkg;
    if (got.tarball && got.pkg.state === 'found') tarballs.push(got.tarball);
    else if (opts.deep && got.pkg.state === 'found') {
      const why = got.pkg.missingVersion ? `version ${got.pkg.missingVersion} is no longer published` : `no published version matches "${req.range}"`;
      errors.push({ path: dep.file, message: `online --deep: ${req.ecosystem} package "${req.name}" not scanned: ${why}` });
    }
  }
  for (const [eco, u] of unreachable) {
    const list = u.names.length > 12 ? `${u.names.slice(0, 12).join(', ')} and ${u.names.length - 12} more` : u.names.join(', ');
    errors.push({ path: u.path, message: `online: ${u.names.length} ${u.names.length === 1 ? 'dependency' : 'dependencies'} not looked up on the unreachable ${eco}: ${list}` });
  }
  return { packages, tarballs, errors, checkedAt };
}

/** Names a package.json in the tree itself declares (workspaces, monorepo members): never looked up. */
function ownPackageNames(view: Pick<ProjectView, 'files' | 'readText'>): Set<string> {
  const names = new Set<string>();
  for (const f of view.files) {
    if (!/(?:^|\/)package\.json$/.test(f.path) || /(?:^|\/)node_modules\//.test(f.path)) continue;
    try {
      const name = (JSON.parse(view.readText(f.path) ?? '{}') as { name?: unknown }).name;
      if (typeof name === 'string') names.add(name);
    } catch {
      // an unreadable package.json is reported by the manifest rules
    }
  }
  return names;
}

/** The project's direct registry dependencies, once per ecosystem and name, with the version a lockfile pins. */
export function lookupRequests(view: Pick<ProjectView, 'files' | 'readText'>): Array<{ req: LookupRequest; dep: DepEntry }> {
  const { deps } = readManifests(view);
  const own = ownPackageNames(view);
  // Versions lockfiles pin, per name; package-lock's top-level copy ("node_modules/<name>") first: that is what a
  // direct dependency resolves to. yarn/pnpm list every copy, so a direct dependency takes one its range allows.
  const locked = new Map<string, string[]>();
  for (const d of deps) {
    if (d.direct || !d.spec) continue;
    const key = osvKey(d.ecosystem, d.name);
    const list = locked.get(key) ?? [];
    if (d.needle === `"node_modules/${d.name}"`) list.unshift(d.spec);
    else list.push(d.spec);
    locked.set(key, list);
  }
  const lockedFor = (dep: DepEntry): string | undefined => {
    const list = locked.get(osvKey(dep.ecosystem, dep.name));
    if (!list?.length || dep.ecosystem !== 'npm') return list?.[0];
    const range = semver.validRange(npmRange(dep.spec).trim() || '*');
    return range ? list.find((v) => semver.valid(v) && semver.satisfies(v, range)) : list[0];
  };
  const out: Array<{ req: LookupRequest; dep: DepEntry }> = [];
  const seen = new Set<string>();
  for (const dep of deps) {
    if (!dep.direct || (dep.source !== 'registry' && dep.source !== 'alias')) continue;
    if (dep.ecosystem === 'npm' ? !NPM_NAME.test(dep.name) || own.has(dep.name) : !PYPI_NAME.test(dep.name)) continue;
    if (dep.ecosystem === 'npm' && /^(?:workspace|link|file|portal):/.test(dep.spec)) continue;
    const key = osvKey(dep.ecosystem, dep.name);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ req: { ecosystem: dep.ecosystem, name: dep.name, range: dep.spec, locked: lockedFor(dep) }, dep });
  }
  return out;
}
