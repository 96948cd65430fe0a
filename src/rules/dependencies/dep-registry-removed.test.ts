import { ruleTest } from '../../testing/rule-tester.js';
import rule from './dep-registry-removed.js';

const checkedAt = '2026-11-25T12:00:00.000Z';
const manifest = '{\n  "name": "erc20-dapp",\n  "dependencies": {\n    "react": "^18.2.0",\n    "icon-fetch-cdn": "^1.0.3"\n  }\n}\n';
const react = { ecosystem: 'npm' as const, name: 'react', url: 'http://127.0.0.1/react', state: 'found' as const, created: '2011-10-26T17:46:21.942Z', versionCount: 2000, latest: '19.2.0' };

ruleTest(rule, {
  clean: [
    {
      name: 'a package whose latest is a prerelease with a -security-looking word is still found',
      files: { 'package.json': manifest },
      registry: { checkedAt, packages: { 'npm:react': react, 'npm:icon-fetch-cdn': { ecosystem: 'npm', name: 'icon-fetch-cdn', url: 'http://127.0.0.1/icon-fetch-cdn', state: 'found', created: '2020-01-01T00:00:00.000Z', versionCount: 3 } } },
    },
    { name: 'offline: nothing known', files: { 'package.json': manifest } },
    {
      name: 'Node built-in names npm reserves with empty or placeholder packages (fs, child_process)',
      files: { 'package.json': '{\n  "dependencies": {\n    "fs": "^0.0.1-security",\n    "child_process": "^1.0.2"\n  }\n}\n' },
      registry: {
        checkedAt,
        packages: {
          'npm:fs': { ecosystem: 'npm', name: 'fs', url: 'http://127.0.0.1/fs', state: 'removed', versionCount: 0 },
          'npm:child_process': { ecosystem: 'npm', name: 'child_process', url: 'http://127.0.0.1/child_process', state: 'security-placeholder', latest: '1.0.2', versionCount: 1 },
        },
      },
    },
  ],
  flagged: [
    {
      name: 'npm security holding package',
      files: { 'package.json': manifest },
      registry: { checkedAt, packages: { 'npm:react': react, 'npm:icon-fetch-cdn': { ecosystem: 'npm', name: 'icon-fetch-cdn', url: 'http://127.0.0.1/icon-fetch-cdn', state: 'security-placeholder', latest: '0.0.1-security', versionCount: 1 } } },
      findings: [{ file: 'package.json', line: 5, message: /taken down as malware: .*security placeholder 0\.0\.1-security/, severity: 'critical', confidence: 'high', evidence: 'icon-fetch-cdn ^1.0.3' }],
    },
    {
      name: 'every version unpublished',
      files: { 'package.json': manifest },
      registry: { checkedAt, packages: { 'npm:react': react, 'npm:icon-fetch-cdn': { ecosystem: 'npm', name: 'icon-fetch-cdn', url: 'http://127.0.0.1/icon-fetch-cdn', state: 'removed', versionCount: 0 } } },
      findings: [{ file: 'package.json', line: 5, message: /every version removed/, severity: 'high', confidence: 'medium' }],
    },
    {
      name: 'the pinned version was unpublished, the package remains',
      files: { 'package.json': '{\n  "dependencies": {\n    "icon-fetch-cdn": "1.0.3"\n  }\n}\n' },
      registry: { checkedAt, packages: { 'npm:icon-fetch-cdn': { ecosystem: 'npm', name: 'icon-fetch-cdn', url: 'http://127.0.0.1/icon-fetch-cdn', state: 'found', versionCount: 3, missingVersion: '1.0.3', missingVersionPublished: '2026-09-01T00:00:00.000Z' } } },
      findings: [{ file: 'package.json', line: 3, message: /pinned to version 1\.0\.3, which the npm registry no longer serves \(published 2026-09-01, since unpublished/, severity: 'high', confidence: 'medium' }],
    },
  ],
});
