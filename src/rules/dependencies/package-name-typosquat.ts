import { defineRule } from '../../core/rule.js';
import type { Ecosystem } from '../../analyzers/manifest/types.js';
import { findSquat } from '../../analyzers/manifest/typosquat.js';
import { lineAt } from '../../analyzers/manifest/lines.js';

// Where a package states its own name. Only the shallowest manifests count: nested ones are dependencies or fixtures.
const NAME_SOURCES: Array<[RegExp, Ecosystem, RegExp]> = [
  [/(?:^|\/)package\.json$/, 'npm', /^\s*"name"\s*:\s*"([^"]+)"/m],
  [/(?:^|\/)(?:PKG-INFO|METADATA)$/, 'pypi', /^Name:\s*(\S+)/m],
  [/(?:^|\/)setup\.py$/, 'pypi', /\bname\s*=\s*['"]([A-Za-z0-9][\w.-]*)['"]/],
  [/(?:^|\/)setup\.cfg$/, 'pypi', /^name\s*=\s*([A-Za-z0-9][\w.-]*)\s*$/m],
  [/(?:^|\/)pyproject\.toml$/, 'pypi', /^\s*name\s*=\s*["']([A-Za-z0-9][\w.-]*)["']/m],
];
const MAX_DEPTH = 4;

export default defineRule({
  id: 'package-name-typosquat',
  meta: {
    kind: 'threat',
    category: 'dependency',
    severity: 'medium',
    confidence: 'medium',
    summary: 'The scanned package is itself named like a popular package (one letter off, swapped letters, look-alike characters, lure suffixes)',
    why: 'Malicious packages are published under names one keystroke away from popular ones (colorame, reqeusts, lodashs) so that a typo installs them.',
    fix: 'Check that this is the package you meant to install; the popular one is named in the message.',
    falsePositives: 'Honest small packages are sometimes named close to popular ones; on its own this is a medium-severity hint, weighed with what the code does.',
    references: ['https://attack.mitre.org/techniques/T1195/001/'],
    status: 'stable',
  },
  input: 'project',
  check(ctx, view) {
    const seen = new Set<string>();
    for (const f of view.files) {
      if (f.path.split('/').length > MAX_DEPTH || /(?:^|\/)(?:node_modules|test|tests|fixtures|examples?)\//.test(f.path)) continue;
      const src = NAME_SOURCES.find(([re]) => re.test(f.path));
      if (!src) continue;
      const text = view.readText(f.path);
      const name = text ? src[2].exec(text.slice(0, 200_000))?.[1] : undefined;
      if (!text || !name || seen.has(`${src[1]}:${name.toLowerCase()}`)) continue;
      seen.add(`${src[1]}:${name.toLowerCase()}`);
      const squat = findSquat(src[1], name);
      if (!squat) continue;
      ctx.report({
        at: { line: lineAt(text, name) },
        file: f.path,
        message: `This ${src[1]} package is named "${name}", like the popular "${squat.target}" (${squat.how})`,
        evidence: name,
        confidence: squat.weak ? 'low' : 'medium',
      });
    }
  },
});
