import { ruleTest } from '../../testing/rule-tester.js';
import rule from './dep-registry-recent.js';

const checkedAt = '2026-11-25T12:00:00.000Z';
const manifest = '{\n  "name": "nft-marketplace",\n  "dependencies": {\n    "express": "^4.18.2",\n    "rest-icon-handler": "^1.0.1"\n  }\n}\n';
const express = { ecosystem: 'npm' as const, name: 'express', url: 'http://127.0.0.1/express', state: 'found' as const, created: '2010-12-29T19:38:25.450Z', versionCount: 280, picked: '4.21.2', pickedPublished: '2024-12-05T00:00:00.000Z', oldestMatchingPublished: '2022-10-08T00:00:00.000Z' };
const pkg = (created: string, extra: Record<string, unknown> = {}) => ({ ecosystem: 'npm' as const, name: 'rest-icon-handler', url: 'http://127.0.0.1/rest-icon-handler', state: 'found' as const, created, versionCount: 2, ...extra });

ruleTest(rule, {
  clean: [
    { name: 'established packages', files: { 'package.json': manifest }, registry: { checkedAt, packages: { 'npm:express': express, 'npm:rest-icon-handler': pkg('2019-03-01T00:00:00.000Z', { oldestMatchingPublished: '2019-03-01T00:00:00.000Z' }) } } },
    { name: 'forty days old is past the threshold', files: { 'package.json': manifest }, registry: { checkedAt, packages: { 'npm:express': express, 'npm:rest-icon-handler': pkg('2026-10-16T00:00:00.000Z') } } },
    { name: 'a packument too large to read has no age', files: { 'package.json': manifest }, registry: { checkedAt, packages: { 'npm:express': { ...express, created: undefined, truncated: true } } } },
    { name: 'old package, range also allows old versions though the newest is fresh', files: { 'package.json': manifest }, registry: { checkedAt, packages: { 'npm:express': { ...express, pickedPublished: '2026-11-24T00:00:00.000Z' } } } },
  ],
  flagged: [
    {
      name: 'first published three days ago',
      files: { 'package.json': manifest },
      registry: { checkedAt, packages: { 'npm:express': express, 'npm:rest-icon-handler': pkg('2026-11-22T09:00:00.000Z') } },
      findings: [{ file: 'package.json', line: 5, message: /first published on the npm registry 3 days ago \(2026-11-22, 2 versions\)/, confidence: 'medium', severity: 'medium' }],
    },
    {
      name: 'first published twenty days ago: low confidence',
      files: { 'package.json': manifest },
      registry: { checkedAt, packages: { 'npm:rest-icon-handler': pkg('2026-11-05T00:00:00.000Z') } },
      findings: [{ file: 'package.json', line: 5, message: /20 days ago/, confidence: 'low' }],
    },
    {
      name: 'old name, but the range allows only a version pushed yesterday (takeover shape)',
      files: { 'package.json': '{\n  "dependencies": {\n    "express": "^4.22.0"\n  }\n}\n' },
      registry: { checkedAt, packages: { 'npm:express': { ...express, picked: '4.22.0', pickedPublished: '2026-11-24T10:00:00.000Z', oldestMatchingPublished: '2026-11-24T10:00:00.000Z' } } },
      findings: [{ file: 'package.json', line: 3, message: /allows only versions published in the last 2 days \(4\.22\.0 on 2026-11-24\)/, confidence: 'low' }],
    },
  ],
});
