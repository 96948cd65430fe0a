import { ruleTest } from '../../testing/rule-tester.js';
import rule from './dep-registry-missing.js';

const pkgJson = (deps: Record<string, string>, name = 'take-home') =>
  `{\n  "name": "${name}",\n  "dependencies": {\n${Object.entries(deps).map(([n, v]) => `    "${n}": "${v}"`).join(',\n')}\n  }\n}\n`;
const checkedAt = '2026-11-25T12:00:00.000Z';
const found = (name: string) => ({ ecosystem: 'npm' as const, name, url: `http://127.0.0.1/${name}`, state: 'found' as const, created: '2015-01-01T00:00:00.000Z', versionCount: 40 });

ruleTest(rule, {
  clean: [
    { name: 'every dependency exists', files: { 'package.json': pkgJson({ react: '^18.2.0', axios: '^1.6.0' }) }, registry: { checkedAt, packages: { 'npm:react': found('react'), 'npm:axios': found('axios') } } },
    { name: 'offline scan: no registry facts, no findings', files: { 'package.json': pkgJson({ 'internal-ui-kit': '^1.0.0' }) } },
    {
      name: 'a name that could not be looked up (network error) is not called missing',
      files: { 'package.json': pkgJson({ 'internal-ui-kit': '^1.0.0' }) },
      registry: { checkedAt, packages: {} },
    },
  ],
  flagged: [
    {
      name: 'unknown name in package.json (dependency confusion)',
      files: { 'package.json': pkgJson({ react: '^18.2.0', 'acme-internal-auth': '^2.1.0' }) },
      registry: { checkedAt, packages: { 'npm:react': found('react'), 'npm:acme-internal-auth': { ecosystem: 'npm', name: 'acme-internal-auth', url: 'http://127.0.0.1/acme-internal-auth', state: 'missing' } } },
      findings: [{ file: 'package.json', line: 5, message: /"acme-internal-auth" does not exist on the npm registry .*404/, evidence: 'acme-internal-auth ^2.1.0', severity: 'high', confidence: 'medium' }],
    },
    {
      name: 'unknown PyPI project in requirements.txt',
      files: { 'requirements.txt': 'requests==2.31.0\nsolana-wallet-tools>=0.3\n' },
      registry: { checkedAt, packages: { 'pypi:requests': { ...found('requests'), ecosystem: 'pypi' }, 'pypi:solana-wallet-tools': { ecosystem: 'pypi', name: 'solana-wallet-tools', url: 'http://127.0.0.1/pypi/solana-wallet-tools/json', state: 'missing' } } },
      findings: [{ file: 'requirements.txt', line: 2, message: /PyPI registry/ }],
    },
  ],
});
