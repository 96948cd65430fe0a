import { defineRule } from '../../core/rule.js';
import { depLine } from '../../analyzers/manifest/index.js';
import { lookedUp, registryName } from './_registry.js';

export default defineRule({
  id: 'dep-registry-missing',
  meta: {
    kind: 'threat',
    category: 'dependency',
    severity: 'high',
    confidence: 'medium',
    summary: 'A direct dependency does not exist on the public registry (online mode): dependency confusion, or a package already taken down',
    why: 'A name the registry does not know is either private (anyone who registers it on the public registry gets their code installed: dependency confusion) or was deleted, which is how registries remove malware. Lure repositories keep pointing at their taken-down payload package.',
    fix: 'Do not install. If the name is meant to come from a private registry, pin that registry for its scope (.npmrc `@scope:registry=`, pip `--index-url`) and register the name publicly as a placeholder; otherwise remove the dependency.',
    falsePositives: 'Packages of the project itself (workspace members, names any package.json in the tree declares), local paths, git and URL specs are not looked up. A private package on a private registry shows here when lurescan is pointed at the public one: use --registry.',
    references: ['https://medium.com/@alex.birsan/dependency-confusion-4a5d60fec610', 'https://docs.npmjs.com/policies/security', 'CWE-427'],
    status: 'preview',
  },
  input: 'project',
  check(ctx, view) {
    for (const { dep, pkg } of lookedUp(view)) {
      if (pkg.state !== 'missing') continue;
      ctx.report({
        at: { line: depLine(view, dep) },
        file: dep.file,
        message: `Dependency "${dep.name}" does not exist on the ${registryName(pkg)} registry (${pkg.url} answered 404): a private name anyone could register (dependency confusion), or a package that was taken down`,
        evidence: `${dep.name}${dep.spec ? ` ${dep.spec}` : ''}`,
      });
    }
  },
});
