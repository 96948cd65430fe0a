import { ruleTest } from '../../testing/rule-tester.js';
import rule from './package-name-typosquat.js';

ruleTest(rule, {
  clean: [
    { name: 'the real requests', files: { 'setup.py': 'from setuptools import setup\nsetup(name="requests", version="2.31.0")\n' } },
    { name: 'an ordinary app name', files: { 'package.json': '{\n  "name": "my-shop-frontend",\n  "version": "1.0.0"\n}\n' } },
    { name: 'nested fixture packages are not the project', files: { 'package.json': '{"name":"app"}', 'test/fixtures/p/package.json': '{"name":"lodahs"}' } },
  ],
  flagged: [
    {
      name: 'PyPI package one letter off',
      files: { 'colorame-1.0.0/setup.py': 'from setuptools import setup\n\nsetup(\n    name="colorame",\n    version="1.0.0",\n)\n' },
      findings: [{ file: 'colorame-1.0.0/setup.py', line: 4, message: /"colorama" \(one character different\)/ }],
    },
    {
      name: 'npm package with swapped letters',
      files: { 'package/package.json': '{\n  "name": "lodahs",\n  "version": "1.0.1"\n}\n' },
      findings: [{ file: 'package/package.json', line: 2, message: /"lodash" \(swapped letters\)/ }],
    },
  ],
});
