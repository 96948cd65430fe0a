import { defineRule } from '../../core/rule.js';
import { depLine, readManifests } from '../../analyzers/manifest/index.js';
import { osvDb, osvKey } from '../../analyzers/manifest/data.js';

export default defineRule({
  id: 'dep-known-malicious',
  meta: {
    kind: 'threat',
    category: 'dependency',
    severity: 'critical',
    confidence: 'high',
    summary: 'A dependency is a known-malicious package (local OSV database: lure packages and published malware advisories)',
    why: 'Some lure repositories carry no payload themselves: package.json pulls a malicious package (cdn-icon-fetch, rest-icon-orchestrator, is-buffer-validator, …) whose install script or import runs the stealer.',
    fix: 'Do not install. Remove the dependency; if it was installed, treat the machine as compromised.',
    falsePositives: 'Names are matched exactly (PyPI names normalised per PEP 503); an advisory that lists specific versions lowers confidence when the locked version is another one.',
    references: ['https://ossf.github.io/osv-schema/', 'https://github.com/ossf/malicious-packages'],
    status: 'stable',
    nearCertain: true,
  },
  input: 'project',
  check(ctx, view) {
    const manifests = readManifests(view);
    // Unreadable manifests are reported, never silently passed over.
    for (const e of manifests.errors) ctx.report({ at: { line: 1 }, file: e.file, message: e.message, severity: 'info', confidence: 'low', evidence: e.file });
    if (!manifests.deps.length) return;
    const { db, errors } = osvDb();
    // A corrupt downloaded database (lurescan db update) leaves only the shipped seed: say so rather than pass quietly.
    for (const e of errors) ctx.report({ at: { line: 1 }, file: '', message: `known-malicious database not fully read: ${e}`, severity: 'info', confidence: 'low', evidence: e.slice(0, 200) });
    if (!db.size) return;
    const seen = new Set<string>();
    for (const dep of manifests.deps) {
      const advisories = db.get(osvKey(dep.ecosystem, dep.name));
      if (!advisories) continue;
      const k = `${dep.file}\u0000${dep.name}`;
      if (seen.has(k)) continue;
      seen.add(k);
      const version = dep.spec.replace(/^[\^~=v]+/, '');
      const matches = advisories.some((a) => a.allVersions || a.versions.includes(version) || !/^\d/.test(version));
      const a = advisories[0]!;
      ctx.report({
        at: { line: depLine(view, dep) },
        file: dep.file,
        message: `Depends on known-malicious ${dep.ecosystem} package "${dep.name}" (${a.id}: ${a.summary})`,
        evidence: `${dep.name}${dep.spec ? ` ${dep.spec}` : ''}`,
        confidence: matches ? 'high' : 'medium',
      });
    }
  },
});
