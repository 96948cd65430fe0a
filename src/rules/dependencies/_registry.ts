/** Shared by the dep-registry-* rules: the direct dependencies that online mode looked up, once per name. */
import type { ProjectView, RegistryPackage } from '../../core/inputs.js';
import { readManifests, type DepEntry } from '../../analyzers/manifest/index.js';
import { osvKey } from '../../analyzers/manifest/data.js';

export const DAY_MS = 86_400_000;

/** Each looked-up direct dependency with its facts, at its first declaration. Empty when the scan was offline. */
export function lookedUp(view: ProjectView): Array<{ dep: DepEntry; pkg: RegistryPackage }> {
  const registry = view.registry;
  if (!registry) return [];
  const out: Array<{ dep: DepEntry; pkg: RegistryPackage }> = [];
  const seen = new Set<string>();
  for (const dep of readManifests(view).deps) {
    if (!dep.direct) continue;
    const key = osvKey(dep.ecosystem, dep.name);
    const pkg = registry.packages[key];
    if (!pkg || seen.has(key)) continue;
    seen.add(key);
    out.push({ dep, pkg });
  }
  return out;
}

/** Whole days between an ISO time and the lookup time (never negative). */
export function ageDays(iso: string | undefined, checkedAt: string): number | undefined {
  if (!iso) return undefined;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return undefined;
  return Math.max(0, Math.floor((Date.parse(checkedAt) - t) / DAY_MS));
}

export function registryName(pkg: RegistryPackage): string {
  return pkg.ecosystem === 'npm' ? 'npm' : 'PyPI';
}
