/** Reads every dependency manifest and lockfile of a target into one list. Parse errors are returned, never thrown. */
import type { ProjectView } from '../../core/inputs.js';
import { readPackageJson, readPackageLock, readPnpmLock, readYarnLock } from './npm.js';
import { readPipfileLock, readPyproject, readRequirements, readTomlLock } from './pypi.js';
import type { DepEntry, ManifestReadError } from './types.js';
import { lineAt } from './lines.js';

export type { DepEntry, ManifestReadError } from './types.js';

const READERS: Array<[RegExp, (file: string, text: string) => DepEntry[]]> = [
  [/(?:^|\/)package\.json$/, readPackageJson],
  [/(?:^|\/)(?:package-lock|npm-shrinkwrap)\.json$/, readPackageLock],
  [/(?:^|\/)yarn\.lock$/, readYarnLock],
  [/(?:^|\/)pnpm-lock\.yaml$/, readPnpmLock],
  [/(?:^|\/)[\w.-]*requirements[\w.-]*\.(?:txt|in)$|(?:^|\/)requirements\/[\w.-]+\.(?:txt|in)$/, readRequirements],
  [/(?:^|\/)Pipfile\.lock$/, readPipfileLock],
  [/(?:^|\/)(?:poetry|uv)\.lock$/, readTomlLock],
  [/(?:^|\/)pyproject\.toml$/, readPyproject],
];

// Dependencies of dependencies are not the project's manifests: node_modules and vendored trees are skipped here
// (their code is still scanned file by file).
const NESTED = /(?:^|\/)(?:node_modules|bower_components|site-packages|\.venv|venv)\//;

export interface Manifests {
  deps: DepEntry[];
  errors: ManifestReadError[];
  /** Manifest files that were read. */
  files: string[];
}

const cache = new WeakMap<object, Manifests>();

export function readManifests(view: Pick<ProjectView, 'files' | 'readText'>): Manifests {
  const hit = cache.get(view);
  if (hit) return hit;
  const out: Manifests = { deps: [], errors: [], files: [] };
  for (const f of view.files) {
    if (NESTED.test(f.path)) continue;
    const reader = READERS.find(([re]) => re.test(f.path))?.[1];
    if (!reader) continue;
    const text = view.readText(f.path);
    if (text === null) {
      out.errors.push({ file: f.path, message: 'manifest could not be read (binary or larger than the project read limit)' });
      continue;
    }
    try {
      out.deps.push(...reader(f.path, text));
      out.files.push(f.path);
    } catch (e) {
      out.errors.push({ file: f.path, message: `manifest could not be parsed: ${(e as Error)?.message ?? e}` });
    }
  }
  cache.set(view, out);
  return out;
}

/** The line a dependency is declared on (computed only when a finding needs it). */
export function depLine(view: Pick<ProjectView, 'readText'>, dep: DepEntry): number {
  if (dep.line) return dep.line;
  const text = view.readText(dep.file);
  return text && dep.needle ? lineAt(text, dep.needle) : 1;
}
