import { defineRule } from '../../core/rule.js';
import { depLine, readManifests } from '../../analyzers/manifest/index.js';
import { findSquat } from '../../analyzers/manifest/typosquat.js';

export default defineRule({
  id: 'dep-typosquat',
  meta: {
    kind: 'threat',
    category: 'dependency',
    // Name similarity alone is weak: many honest packages sit one edit from a popular one (eclint/eslint). It counts
    // with other signals; known lure names are dep-known-malicious (near-certain).
    severity: 'medium',
    confidence: 'medium',
    summary: 'A direct dependency is named like a popular package (one letter off, swapped/doubled letters, look-alike characters, separator or scope tricks, -js/-validator/-helper/-util suffixes) but is not that package',
    why: 'Lures and malicious registries rely on names a reviewer reads as familiar: tslib-util, is-buffer-validator, pinno-loggers, colorame, reqeusts. The impostor runs its install script or payload on npm install / pip install.',
    fix: 'Check the exact name on the registry page; replace it with the real package or remove it.',
    falsePositives: 'Only direct dependencies are checked, only against the most-downloaded names, and never when the name is itself popular. Legitimate small plugins named "<popular>-js" exist: confirm on the registry.',
    references: ['https://attack.mitre.org/techniques/T1195/001/', 'https://github.com/ossf/malicious-packages'],
    status: 'stable',
  },
  input: 'project',
  check(ctx, view) {
    const seen = new Set<string>();
    for (const dep of readManifests(view).deps) {
      if (!dep.direct || dep.source !== 'registry' || seen.has(`${dep.ecosystem}:${dep.name}`)) continue;
      seen.add(`${dep.ecosystem}:${dep.name}`);
      const squat = findSquat(dep.ecosystem, dep.name);
      if (!squat) continue;
      ctx.report({
        at: { line: depLine(view, dep) },
        file: dep.file,
        message: `"${dep.name}" looks like the popular ${dep.ecosystem} package "${squat.target}" (${squat.how}) but is not it`,
        evidence: `${dep.name}${dep.spec ? ` ${dep.spec}` : ''}`,
        confidence: squat.weak ? 'low' : 'medium',
      });
    }
  },
});
