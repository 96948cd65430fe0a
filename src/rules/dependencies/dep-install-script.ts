import { defineRule } from '../../core/rule.js';
import { readManifests } from '../../analyzers/manifest/index.js';

export default defineRule({
  id: 'dep-install-script',
  meta: {
    kind: 'capability',
    category: 'dependency',
    severity: 'low',
    confidence: 'high',
    summary: 'Locked dependencies that run install scripts (package-lock hasInstallScript, pnpm requiresBuild)',
    why: 'Every dependency with a preinstall/install/postinstall script runs code on npm install; it is the usual way a malicious dependency executes. Listed so the reader knows what runs on install.',
    fix: 'Install with --ignore-scripts in a sandbox, or review the listed packages.',
    falsePositives: 'Native addons (esbuild, sharp, bcrypt, node-gyp builds) legitimately have install scripts: this is a capability listing, not a threat.',
    references: ['https://docs.npmjs.com/cli/v10/using-npm/scripts#life-cycle-scripts'],
    status: 'stable',
  },
  input: 'project',
  check(ctx, view) {
    const byFile = new Map<string, string[]>();
    for (const dep of readManifests(view).deps) {
      if (!dep.hasInstallScript) continue;
      const list = byFile.get(dep.file) ?? [];
      if (!list.includes(dep.name)) list.push(dep.name);
      byFile.set(dep.file, list);
    }
    for (const [file, names] of byFile) {
      ctx.report({
        at: { line: 1 },
        file,
        message: `${names.length} locked dependenc${names.length === 1 ? 'y runs' : 'ies run'} install scripts: ${names.slice(0, 15).join(', ')}${names.length > 15 ? ', …' : ''}`,
        evidence: names.slice(0, 40).join(', '),
      });
    }
  },
});
