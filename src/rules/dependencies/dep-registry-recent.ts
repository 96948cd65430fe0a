import { defineRule } from '../../core/rule.js';
import { depLine } from '../../analyzers/manifest/index.js';
import { ageDays, lookedUp, registryName } from './_registry.js';

/** A package first published this recently is young; a week or less is very young. */
export const YOUNG_DAYS = 30;
export const VERY_YOUNG_DAYS = 7;

export default defineRule({
  id: 'dep-registry-recent',
  meta: {
    kind: 'threat',
    category: 'dependency',
    severity: 'medium',
    confidence: 'low',
    summary: 'A direct dependency was first published days ago, or its declared range allows only versions published days ago (online mode)',
    why: 'Lure repositories depend on payload packages published shortly before the "interview" and taken down soon after; a hijacked maintainer account pushes a fresh malicious version of an old package that a range like ^1.2.0 then picks up on the next install.',
    fix: 'Look at who published the package and what its install script and entry file do before installing (lurescan scan --online --deep, or lurescan scan npm:name@version). Prefer a version that has been public for weeks (npm install --before <date> resolves ranges as of that date).',
    falsePositives: 'New packages are published legitimately every day, so the age alone is low confidence (medium within a week); other findings on the same dependency raise the verdict, this alone does not. Packages whose registry document is too large to read (thousands of versions) have no age and are skipped.',
    references: ['https://github.com/ossf/malicious-packages', 'https://docs.npmjs.com/cli/v10/using-npm/config#before', 'CWE-1357'],
    status: 'preview',
  },
  input: 'project',
  check(ctx, view) {
    const checkedAt = view.registry?.checkedAt ?? new Date().toISOString();
    for (const { dep, pkg } of lookedUp(view)) {
      if (pkg.state !== 'found') continue;
      const created = ageDays(pkg.created, checkedAt);
      const evidence = `${dep.name}${dep.spec ? ` ${dep.spec}` : ''}`;
      const at = { line: depLine(view, dep) };
      const versions = pkg.versionCount === 1 ? '1 version' : `${pkg.versionCount ?? '?'} versions`;
      if (created !== undefined && created < YOUNG_DAYS) {
        ctx.report({
          at,
          file: dep.file,
          message: `Dependency "${dep.name}" was first published on the ${registryName(pkg)} registry ${created === 0 ? 'today' : `${created} day${created === 1 ? '' : 's'} ago`} (${pkg.created?.slice(0, 10)}, ${versions})`,
          evidence,
          confidence: created < VERY_YOUNG_DAYS ? 'medium' : 'low',
        });
        continue;
      }
      // An old name whose allowed versions are all brand new: the shape of a maintainer-account takeover.
      const newest = ageDays(pkg.oldestMatchingPublished, checkedAt);
      if (created !== undefined && newest !== undefined && newest < VERY_YOUNG_DAYS) {
        ctx.report({
          at,
          file: dep.file,
          message: `Dependency "${dep.name}" is ${created} days old, but the range "${dep.spec}" allows only versions published in the last ${newest === 0 ? 'day' : `${newest + 1} days`} (${pkg.picked ?? '?'} on ${pkg.pickedPublished?.slice(0, 10) ?? '?'})`,
          evidence,
          confidence: 'low',
        });
      }
    }
  },
});
