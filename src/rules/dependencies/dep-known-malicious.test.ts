import { ruleTest } from '../../testing/rule-tester.js';
import rule from './dep-known-malicious.js';

ruleTest(rule, {
  clean: [
    { name: 'ordinary Vite app', files: { 'package.json': '{\n  "dependencies": {\n    "react": "^18.2.0",\n    "vite": "^5.0.0"\n  }\n}\n' } },
    { name: 'requirements of a Django app', files: { 'requirements.txt': 'Django==4.2.7\nrequests>=2.31\n' } },
  ],
  flagged: [
    {
      name: 'lure dependency in package.json',
      files: { 'package.json': '{\n  "name": "erc20-dapp",\n  "dependencies": {\n    "react": "^18.2.0",\n    "cdn-icon-fetch": "^1.0.3"\n  }\n}\n' },
      findings: [{ file: 'package.json', line: 5, message: /known-malicious npm package "cdn-icon-fetch" \(LURESCAN-MAL-/ }],
    },
    {
      name: 'pinned transitively in package-lock v3',
      files: {
        'package-lock.json': '{\n  "lockfileVersion": 3,\n  "packages": {\n    "": { "name": "x" },\n    "node_modules/rest-icon-orchestrator": {\n      "version": "1.0.1",\n      "resolved": "https://registry.npmjs.org/rest-icon-orchestrator/-/rest-icon-orchestrator-1.0.1.tgz"\n    }\n  }\n}\n',
      },
      findings: [{ file: 'package-lock.json', line: 5 }],
    },
    {
      name: 'broken package.json is reported',
      files: { 'package.json': '{ "dependencies": { "a": ' },
      findings: [{ file: 'package.json', line: 1, severity: 'info', message: /could not be parsed/ }],
    },
  ],
});
