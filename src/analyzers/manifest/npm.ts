/** npm manifests and lockfiles: package.json, package-lock.json v1–v3, npm-shrinkwrap.json, yarn.lock (v1, berry), pnpm-lock.yaml. */
import { createRequire } from 'node:module';
// Loaded on the first pnpm/yarn-berry lockfile: importing yaml costs every worker thread ~70 ms of start-up.
let yamlLib: typeof import('yaml') | undefined;
const parseYaml = (text: string, options: import('yaml').ParseOptions & import('yaml').DocumentOptions & import('yaml').SchemaOptions & import('yaml').ToJSOptions): unknown =>
  (yamlLib ??= createRequire(import.meta.url)('yaml') as typeof import('yaml')).parse(text, options);
import type { DepEntry } from './types.js';

const DEP_FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'] as const;

/**
 * `https://github.com/owner/repo#ref` (and GitLab, Bitbucket): npm reads a code host's repository address as a git
 * dependency (hosted-git-info), not as a tarball download, whether or not it ends in .git.
 */
const HOSTED_REPO = /^https:\/\/(?:github\.com|gitlab\.com|bitbucket\.org)\/[\w.-]+\/[\w.-]+?(?:\.git)?(?:\/tree\/[^#/?]+)?\/?(?:#[^\s]*)?$/i;

/** Where an npm spec points: 'git' (git+ssh, github:user/repo, user/repo), 'url' (http tarball), 'file', 'alias' (npm:). */
export function npmSpecSource(spec: string): DepEntry['source'] {
  const s = spec.trim();
  if (/^(?:git\+|git:|github:|gitlab:|bitbucket:|gist:)/i.test(s) || /^[\w.-]+\/[\w.-]+(?:#.*)?$/.test(s)) return 'git';
  if (/^https?:\/\//i.test(s)) return /\.git(?:#.*)?$/.test(s) || HOSTED_REPO.test(s) ? 'git' : 'url';
  if (/^(?:file:|link:|workspace:|portal:|\.{0,2}\/|~\/)/.test(s)) return 'file';
  if (/^npm:/.test(s)) return 'alias';
  return 'registry';
}

/** A lockfile `resolved` URL that is not the public registry (or its yarn mirror). */
export function npmResolvedSource(resolved: string | undefined): DepEntry['source'] {
  if (!resolved) return 'registry';
  if (/^https:\/\/registry\.(?:npmjs\.org|yarnpkg\.com|npmmirror\.com)\//.test(resolved)) return 'registry';
  if (/^(?:git\+|git:|github:)/.test(resolved) || /\.git(?:#|$)/.test(resolved) || /^https:\/\/codeload\.github\.com\//.test(resolved)) return 'git';
  if (/^file:/.test(resolved)) return 'file';
  return /^https?:/.test(resolved) ? 'url' : 'registry';
}

export function readPackageJson(file: string, text: string): DepEntry[] {
  const json = JSON.parse(text) as Record<string, unknown>;
  const out: DepEntry[] = [];
  for (const field of DEP_FIELDS) {
    const deps = json[field];
    if (!deps || typeof deps !== 'object') continue;
    for (const [name, spec] of Object.entries(deps as Record<string, unknown>)) {
      if (typeof spec !== 'string') continue;
      let real = name;
      if (spec.startsWith('npm:')) real = spec.slice(4).replace(/@[^@/]*$/, '') || name;
      out.push({ ecosystem: 'npm', name: real, spec, source: npmSpecSource(spec), file, needle: `"${name}"`, direct: true });
    }
  }
  // `packageManager: "pnpm@https://…"`: Corepack downloads the package manager itself from that URL (custom URLs need
  // COREPACK_ENABLE_UNSAFE_CUSTOM_URLS, which such a repo's README asks for) and runs it for every install.
  const pm = typeof json.packageManager === 'string' ? /^(@?[\w.-]+)@(\w[\w+.-]*:\/\/\S+)$/.exec(json.packageManager) : null;
  if (pm) out.push({ ecosystem: 'npm', name: `${pm[1]} (packageManager)`, spec: pm[2]!, source: npmSpecSource(pm[2]!) === 'git' ? 'git' : 'url', file, needle: '"packageManager"', direct: true });
  // npm `overrides`, yarn `resolutions`, pnpm `pnpm.overrides`: they replace what a dependency's dependency resolves to,
  // anywhere in the tree. Only those that leave the registry are listed (a pinned version is what it was).
  const pnpm = json.pnpm as Record<string, unknown> | undefined;
  for (const field of [json.overrides, json.resolutions, pnpm && typeof pnpm === 'object' ? pnpm.overrides : undefined]) {
    const walk = (o: unknown, depth: number): void => {
      if (!o || typeof o !== 'object' || depth > 3) return;
      for (const [key, spec] of Object.entries(o as Record<string, unknown>)) {
        if (spec && typeof spec === 'object') walk(spec, depth + 1);
        if (typeof spec !== 'string') continue;
        const source = npmSpecSource(spec);
        if (source === 'registry' || source === 'alias' || spec.startsWith('$')) continue;
        // `a>b`, `**/b`, `a/b` (yarn), `b@1` (pnpm): the overridden package is the last name.
        const name = key === '.' ? '(override)' : key.replace(/^\*\*\//, '').split(/>|\/(?=[^@/]+$)/).pop()!.replace(/(?<=.)@[^@]*$/, '');
        out.push({ ecosystem: 'npm', name, spec, source, file, needle: `"${key}"`, direct: true });
      }
    };
    walk(field, 0);
  }
  return out;
}

export function readPackageLock(file: string, text: string): DepEntry[] {
  const json = JSON.parse(text) as { packages?: Record<string, any>; dependencies?: Record<string, any> };
  const out: DepEntry[] = [];
  if (json.packages && typeof json.packages === 'object') {
    for (const [key, p] of Object.entries(json.packages)) {
      if (!key || !p || typeof p !== 'object') continue;
      const name = typeof p.name === 'string' && p.name ? p.name : key.slice(key.lastIndexOf('node_modules/') + 13);
      if (p.link) continue; // workspace symlink
      const resolved = typeof p.resolved === 'string' ? p.resolved : undefined;
      out.push({
        ecosystem: 'npm', name, spec: String(p.version ?? ''), resolved, source: npmResolvedSource(resolved), file,
        needle: `"${key}"`, direct: false, hasInstallScript: p.hasInstallScript === true,
      });
    }
    return out;
  }
  // v1: nested "dependencies" trees
  const stack: Array<Record<string, any>> = [json.dependencies ?? {}];
  while (stack.length) {
    const deps = stack.pop()!;
    for (const [name, p] of Object.entries(deps)) {
      if (!p || typeof p !== 'object') continue;
      const resolved = typeof p.resolved === 'string' ? p.resolved : typeof p.version === 'string' && /:/.test(p.version) ? p.version : undefined;
      out.push({ ecosystem: 'npm', name, spec: String(p.version ?? ''), resolved, source: npmResolvedSource(resolved), file, needle: `"${name}"`, direct: false });
      if (p.dependencies && typeof p.dependencies === 'object') stack.push(p.dependencies);
    }
  }
  return out;
}

/** yarn.lock v1 (its own format) or berry (YAML). */
export function readYarnLock(file: string, text: string): DepEntry[] {
  const out: DepEntry[] = [];
  if (/^__metadata:/m.test(text)) {
    const doc = parseYaml(text, { uniqueKeys: false, maxAliasCount: 100 }) as Record<string, any>;
    for (const [key, v] of Object.entries(doc ?? {})) {
      if (key === '__metadata' || !v || typeof v !== 'object') continue;
      const first = key.split(',')[0]!.trim();
      const name = first.replace(/^(@?[^@]+)@.*$/, '$1');
      const resolution = String(v.resolution ?? '');
      const proto = /@(npm|git|https?|file|link|portal|workspace|patch|exec):/.exec(resolution)?.[1] ?? 'npm';
      if (proto === 'workspace' || proto === 'link' || proto === 'portal') continue;
      const source: DepEntry['source'] = proto === 'npm' || proto === 'patch' ? 'registry' : proto === 'git' ? 'git' : proto === 'file' ? 'file' : proto === 'exec' ? 'url' : 'url';
      out.push({ ecosystem: 'npm', name, spec: String(v.version ?? ''), resolved: source === 'registry' ? undefined : resolution, source, file, needle: first, direct: false });
    }
    return out;
  }
  // v1: `"a@^1", a@^1.2:` then indented `version "1.2.3"` / `resolved "url"`
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const head = lines[i]!;
    if (!head || head.startsWith(' ') || head.startsWith('#') || !head.endsWith(':')) continue;
    const first = head.slice(0, -1).split(',')[0]!.trim().replace(/^"|"$/g, '');
    const name = first.replace(/^(@?[^@]+)@.*$/, '$1');
    let version = '';
    let resolved: string | undefined;
    for (let j = i + 1; j < lines.length && lines[j]!.startsWith(' '); j++) {
      const m = /^\s+(version|resolved)\s+"?([^"]*)"?\s*$/.exec(lines[j]!);
      if (m?.[1] === 'version') version = m[2]!;
      else if (m?.[1] === 'resolved') resolved = m[2];
    }
    out.push({ ecosystem: 'npm', name, spec: version, resolved, source: npmResolvedSource(resolved), file, line: i + 1, direct: false });
  }
  return out;
}

export function readPnpmLock(file: string, text: string): DepEntry[] {
  const doc = parseYaml(text, { uniqueKeys: false, maxAliasCount: 100 }) as Record<string, any>;
  const out: DepEntry[] = [];
  for (const [key, v] of Object.entries((doc?.packages ?? {}) as Record<string, any>)) {
    // v5/v6: "/name@1.2.3" or "/name/1.2.3"; v9: "name@1.2.3"; tarball keys: "name@https://…"
    const k = key.replace(/^\//, '');
    const m = /^(@?[^@/]+(?:\/[^@/]+)?)[@/](.*)$/.exec(k);
    const name = m?.[1] ?? k;
    const res = (v?.resolution ?? {}) as Record<string, unknown>;
    const resolved = typeof res.tarball === 'string' ? res.tarball : typeof res.repo === 'string' ? `${res.repo}#${String(res.commit ?? '')}` : undefined;
    const source: DepEntry['source'] = typeof res.repo === 'string' || res.type === 'git' ? 'git' : typeof res.directory === 'string' ? 'file' : npmResolvedSource(resolved);
    out.push({ ecosystem: 'npm', name, spec: String(v?.version ?? m?.[2] ?? ''), resolved, source, file, needle: key, direct: false, hasInstallScript: v?.requiresBuild === true });
  }
  return out;
}
