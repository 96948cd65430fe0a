import { defineRule } from '../../core/rule.js';
import type { Confidence, Severity } from '../../core/finding.js';
import { depLine, readManifests, type DepEntry } from '../../analyzers/manifest/index.js';

const RAW_IP = /^[a-z+]+:\/\/(?:[^/@]*@)?\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?(?:\/|$)/i;
/** Package registries other than the public one (GitHub Packages, GitLab, Artifactory, CodeArtifact, Azure Artifacts, mirrors). */
const REGISTRY_HOSTS = /^https:\/\/(?:npm\.pkg\.github\.com|registry\.yarnpkg\.com|registry\.npmmirror\.com|[\w.-]+\.jfrog\.io|[\w-]+\.d\.codeartifact\.[\w-]+\.amazonaws\.com|pkgs\.dev\.azure\.com|gitlab\.com\/api\/v4\/(?:projects|groups)\/[^/]+\/packages\/npm)\//i;
const CODE_HOSTS = /^(?:git\+)?(?:https|ssh):\/\/(?:git@)?(?:github\.com|gitlab\.com|bitbucket\.org)[/:]|^(?:github|gitlab|bitbucket):|^git@(?:github\.com|gitlab\.com|bitbucket\.org):|^[\w.-]+\/[\w.-]+(?:#.*)?$/;

/** file:../../.. from test/module/package.json is the project root; /abs, ~ or one level too many leaves the tree. */
function leavesTree(manifest: string, spec: string): boolean {
  const p = spec.replace(/^(?:file:|link:)/, '').replace(/^-e\s+/, '');
  if (/^(?:\/|~|[A-Za-z]:[\\/])/.test(p)) return true;
  const parts = manifest.split('/').slice(0, -1);
  for (const seg of p.split(/[\\/]/)) {
    if (seg === '..') {
      if (!parts.length) return true;
      parts.pop();
    } else if (seg && seg !== '.') parts.push(seg);
  }
  return false;
}

function judge(dep: DepEntry): { severity: Severity; confidence: Confidence; what: string } | null {
  const target = dep.resolved ?? dep.spec;
  if (dep.source === 'registry' || dep.source === 'alias') return null;
  if (dep.source === 'file') {
    // A local path leaving the tree, or an absolute one, is not part of what was shared.
    return leavesTree(dep.file, dep.spec) ? { severity: 'low', confidence: 'medium', what: 'a path outside the project' } : null;
  }
  if (RAW_IP.test(target)) return { severity: 'high', confidence: 'high', what: 'a raw IP address' };
  if (/^http:\/\//i.test(target)) return { severity: 'high', confidence: 'medium', what: 'plain http' };
  if (dep.source === 'other-index') return { severity: 'medium', confidence: 'medium', what: 'a package index other than PyPI (dependency-confusion risk)' };
  if (dep.source === 'git') {
    return CODE_HOSTS.test(target)
      ? { severity: 'medium', confidence: dep.direct ? 'medium' : 'low', what: 'a git repository instead of the registry' }
      : { severity: 'high', confidence: 'medium', what: 'a git server that is not a known code host' };
  }
  // Tarball from a registry mirror (…/-/name-1.0.0.tgz) vs an arbitrary download.
  if (!dep.direct && (/\/-\/[^/]+\.tgz$/.test(target) || REGISTRY_HOSTS.test(target))) return { severity: 'low', confidence: 'low', what: 'a registry other than registry.npmjs.org' };
  return { severity: 'high', confidence: 'medium', what: 'a URL instead of the registry' };
}

export default defineRule({
  id: 'dep-non-registry-source',
  meta: {
    kind: 'threat',
    category: 'dependency',
    severity: 'high',
    confidence: 'medium',
    summary: 'A dependency comes from outside the registry: git repository, URL tarball, raw IP, another package index, or a path outside the project',
    why: 'Lure repositories pull their payload from a git/URL/tarball dependency that no registry scanned or can take down; an extra package index lets a same-named package win (dependency confusion).',
    fix: 'Open the URL or repository named in the evidence and read what it installs before installing anything; prefer the registry package.',
    falsePositives: 'Monorepo path dependencies inside the project are not flagged; git dependencies on GitHub/GitLab are common in forks and are reported at medium severity; company registry mirrors at low.',
    references: ['https://docs.npmjs.com/cli/v10/configuring-npm/package-json#git-urls-as-dependencies', 'https://attack.mitre.org/techniques/T1195/001/'],
    status: 'stable',
  },
  input: 'project',
  check(ctx, view) {
    const seen = new Set<string>();
    let lowReports = 0;
    for (const dep of readManifests(view).deps) {
      const verdict = judge(dep);
      if (!verdict) continue;
      const target = dep.resolved ?? dep.spec;
      const key = `${dep.file}\u0000${dep.name}\u0000${target}`;
      if (seen.has(key)) continue;
      seen.add(key);
      // Mirror/registry noise: a few examples are enough.
      if (verdict.severity === 'low' && ++lowReports > 3) continue;
      const urlish = /^[a-z+]+:\/\//i.test(target) ? target.replace(/^git\+/, '') : null;
      ctx.report({
        at: { line: depLine(view, dep) },
        file: dep.file,
        message: `${dep.ecosystem} dependency "${dep.name}" ${dep.direct ? 'is declared' : 'is locked'} from ${verdict.what}: ${target}`,
        evidence: `${dep.name} ${target}`,
        severity: verdict.severity,
        confidence: verdict.confidence,
        iocs: urlish && verdict.severity !== 'low' && !/github\.com|gitlab\.com|bitbucket\.org/.test(urlish) ? [{ type: 'url', value: urlish }] : [],
      });
    }
  },
});
