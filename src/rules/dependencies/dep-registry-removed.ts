import { builtinModules } from 'node:module';
import { defineRule } from '../../core/rule.js';
import { depLine } from '../../analyzers/manifest/index.js';
import { lookedUp, registryName } from './_registry.js';

const NODE_BUILTINS = new Set(builtinModules.filter((m) => !m.startsWith('_')));

export default defineRule({
  id: 'dep-registry-removed',
  meta: {
    kind: 'threat',
    category: 'dependency',
    severity: 'critical',
    confidence: 'high',
    summary: 'A direct dependency was replaced by the registry\'s security placeholder (npm `0.0.1-security`), has every version removed, or is pinned to a version that was removed (online mode)',
    why: 'npm replaces a package it removed as malware with a `0.0.1-security` "security holding package", or leaves the name with no versions at all. A repository that still depends on it was built around that malware: the lure\'s payload package.',
    fix: 'Do not install. If it was installed, treat the machine as compromised (the install script ran): rotate credentials and wallet keys from a clean machine.',
    falsePositives: 'The placeholder is npm\'s own takedown verdict (high confidence). A name with every version unpublished, or a pinned version unpublished, can also be an author\'s cleanup, so those are medium confidence (low when the registry has no record that the pinned version ever existed: a typo). Node\'s built-in module names (fs, path, child_process, crypto, …), which npm reserves with empty or placeholder packages and beginners list as dependencies, are not reported.',
    references: ['https://docs.npmjs.com/policies/security', 'https://github.com/npm/security-holder'],
    status: 'preview',
    nearCertain: true,
  },
  input: 'project',
  check(ctx, view) {
    for (const { dep, pkg } of lookedUp(view)) {
      if (pkg.state === 'found' && pkg.missingVersion) {
        const when = pkg.missingVersionPublished ? `published ${pkg.missingVersionPublished.slice(0, 10)}, since unpublished` : 'not on the registry';
        ctx.report({
          at: { line: depLine(view, dep) },
          file: dep.file,
          message: `Dependency "${dep.name}" is pinned to version ${pkg.missingVersion}, which the ${registryName(pkg)} registry no longer serves (${when}; registries remove a malicious version and keep the rest of the package)`,
          evidence: `${dep.name}${dep.spec ? ` ${dep.spec}` : ''}`,
          severity: 'high',
          confidence: pkg.missingVersionPublished ? 'medium' : 'low',
        });
        continue;
      }
      if (pkg.state !== 'security-placeholder' && pkg.state !== 'removed') continue;
      // npm reserves Node's own module names (fs, child_process, …) with an empty or placeholder package: listing one
      // is a common beginner's mistake in benign projects, not a sign of malware.
      if (pkg.ecosystem === 'npm' && NODE_BUILTINS.has(dep.name.replace(/^node:/, ''))) continue;
      const placeholder = pkg.state === 'security-placeholder';
      ctx.report({
        at: { line: depLine(view, dep) },
        file: dep.file,
        message: placeholder
          ? `Dependency "${dep.name}" was taken down as malware: the ${registryName(pkg)} registry now serves only its security placeholder ${pkg.latest ?? '0.0.1-security'}`
          : `Dependency "${dep.name}" has every version removed from the ${registryName(pkg)} registry (how registries take malware down; also an author's unpublish)`,
        evidence: `${dep.name}${dep.spec ? ` ${dep.spec}` : ''}`,
        severity: placeholder ? 'critical' : 'high',
        confidence: placeholder ? 'high' : 'medium',
      });
    }
  },
});
