import { ruleTest } from '../../testing/rule-tester.js';
import rule from './dep-non-registry-source.js';

ruleTest(rule, {
  clean: [
    { name: 'packageManager pinned to a registry version with its hash', files: { 'package.json': '{"name":"a","packageManager":"pnpm@9.12.3+sha512.cce0f9de9c5a7c95bef944169cc5dfe8741abfb145078c0d508b868056848a87c81e626246cb60967cbd7fd29a6c062ef73ff840d96b3c86c40ac92cf4a813ee"}' } },
    { name: 'overrides and resolutions that pin registry versions (security fixes)', files: { 'package.json': '{"dependencies":{"axios":"^1.7.0"},"overrides":{"semver":"^7.5.2","axios":"$axios","foo":{"bar":"1.2.3"}},"resolutions":{"**/follow-redirects":"1.15.6"},"pnpm":{"overrides":{"ws@<8":"8.17.1"}}}' } },
    { name: 'test fixture depending on the repo root', files: { 'test/module/cjs/package.json': '{"dependencies":{"axios":"file:../../.."}}' } },
    { name: 'registry deps and a workspace path', files: { 'package.json': '{"dependencies":{"react":"^18.2.0","@acme/ui":"workspace:*","shared":"file:./packages/shared"}}' } },
    {
      name: 'package-lock resolved from the registry',
      files: { 'package-lock.json': '{"lockfileVersion":3,"packages":{"":{},"node_modules/react":{"version":"18.2.0","resolved":"https://registry.npmjs.org/react/-/react-18.2.0.tgz"}}}' },
    },
    { name: 'requirements with hashes from PyPI', files: { 'requirements.txt': 'requests==2.31.0 --hash=sha256:abc\n--index-url https://pypi.org/simple\n' } },
  ],
  flagged: [
    {
      name: 'packageManager fetched from a URL (Corepack downloads and runs it)',
      files: { 'package.json': '{\n  "name": "a",\n  "packageManager": "pnpm@https://pnpm-mirror.example.invalid/pnpm-9.12.3.tgz"\n}\n' },
      findings: [{ line: 3, severity: 'high', message: /"pnpm \(packageManager\)" is declared from a URL instead of the registry/ }],
    },
    {
      name: 'npm overrides and yarn resolutions pointing transitive packages at a git server and a tarball host',
      files: { 'package.json': '{\n  "dependencies": { "axios": "^1.7.7" },\n  "overrides": {\n    "follow-redirects": "git+https://git.example.invalid/h/follow-redirects.git#semver:^1.15.9"\n  },\n  "resolutions": {\n    "**/form-data": "https://pkgs.example.invalid/form-data-4.0.1.tgz"\n  }\n}\n' },
      findings: [
        { line: 4, severity: 'high', message: /"follow-redirects" is declared from a git server that is not a known code host/ },
        { line: 7, severity: 'high', message: /"form-data" is declared from a URL instead of the registry/ },
      ],
    },
    {
      name: 'lockfile entries from GitHub Packages and Artifactory are registry mirrors (weighed low)',
      files: { 'package-lock.json': '{"lockfileVersion":3,"packages":{"":{},"node_modules/@acme/log":{"version":"1.2.3","resolved":"https://npm.pkg.github.com/download/@acme/log/1.2.3/abcdef0123"},"node_modules/@acme/ui":{"version":"2.0.0","resolved":"https://acme.jfrog.io/artifactory/api/npm/npm/@acme/ui/-/ui-2.0.0.tgz"}}}' },
      findings: [
        { line: 1, severity: 'low', confidence: 'low', message: /@acme\/log.*registry other than/ },
        { line: 1, severity: 'low', confidence: 'low', message: /@acme\/ui.*registry other than/ },
      ],
    },
    {
      name: 'tarball on a raw IP and a github dep',
      files: { 'package.json': '{\n  "dependencies": {\n    "icons": "http://45.61.160.1:8080/icons-1.0.0.tgz",\n    "ui-kit": "github:someone/ui-kit#main"\n  }\n}\n' },
      findings: [
        { file: 'package.json', line: 3, severity: 'high', confidence: 'high', message: /raw IP address/ },
        { file: 'package.json', line: 4, severity: 'medium', message: /git repository/ },
      ],
    },
    {
      name: 'a GitHub repository address without git+ is a git dependency (medium), a release tarball on GitHub a URL (high)',
      files: { 'package.json': '{\n  "dependencies": {\n    "web3-provider-engine": "https://github.com/trufflesuite/provider-engine#web3-one",\n    "helper": "https://github.com/someone/helper/releases/download/v1/helper-1.0.0.tgz"\n  }\n}\n' },
      findings: [
        { file: 'package.json', line: 3, severity: 'medium', confidence: 'medium', message: /git repository/ },
        { file: 'package.json', line: 4, severity: 'high', confidence: 'medium', message: /a URL instead of the registry/ },
      ],
    },
    {
      name: 'yarn v1 entry resolved from a URL',
      files: { 'yarn.lock': '# yarn lockfile v1\n\n\nlogger-pro@^1.0.0:\n  version "1.0.0"\n  resolved "https://files.example-cdn.net/logger-pro-1.0.0.tgz#abc"\n' },
      findings: [{ file: 'yarn.lock', line: 4, severity: 'high', message: /locked from a URL/ }],
    },
    {
      name: 'extra index and git+ requirement',
      files: { 'requirements.txt': '--extra-index-url https://pkgs.example.net/simple\ngit+https://git.example.net/x/tool.git#egg=tool\n' },
      findings: [
        { file: 'requirements.txt', line: 1, severity: 'medium', message: /package index other than PyPI/ },
        { file: 'requirements.txt', line: 2, severity: 'high', message: /not a known code host/ },
      ],
    },
    {
      name: 'poetry.lock git source',
      files: { 'poetry.lock': '[[package]]\nname = "colorize"\nversion = "1.0"\n\n[package.source]\ntype = "git"\nurl = "https://github.com/x/colorize.git"\nreference = "main"\n' },
      findings: [{ file: 'poetry.lock', line: 2, severity: 'medium', confidence: 'low' }],
    },
    {
      name: 'path dependency leaving the project',
      files: { 'package.json': '{"dependencies":{"helper":"file:../../tools/helper"}}' },
      findings: [{ file: 'package.json', line: 1, severity: 'low', message: /path outside the project/ }],
    },
  ],
});
