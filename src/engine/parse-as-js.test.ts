import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { scan } from '../api/scan.js';
import { selectRules } from '../rules/index.js';
import { analyzeFile } from './analyze-file.js';

const enc = new TextEncoder();
const LOADER = "const { exec } = require('child_process');\nexec('npm install axios request --no-save --loglevel silent', { windowsHide: true });\n";

describe('files run with node under a non-JS name are parsed as JavaScript', () => {
  const rules = selectRules();
  it('an autorun hint turns an extension-less text file into js', () => {
    assert.equal(analyzeFile('.vscode/helper', enc.encode(LOADER), rules).facts.kind, 'text');
    const hinted = analyzeFile('.vscode/helper', enc.encode(LOADER), rules, { parseAsJs: true });
    assert.equal(hinted.facts.kind, 'js');
    assert.ok(hinted.parsed);
  });
  it('a hint never makes a binary file js', () => {
    const bin = new Uint8Array([0x77, 0x4f, 0x46, 0x32, 0, 1, 0, 0]);
    assert.equal(analyzeFile('public/x.woff2', bin, rules, { parseAsJs: true }).facts.kind, 'binary');
  });
  it('a font whose text is JavaScript is parsed even without a hint; a Git LFS pointer is not', () => {
    const font = `${LOADER}function run() {\n  if (process.platform === 'win32') console.log('x');\n}\n`;
    assert.equal(analyzeFile('public/fonts/fa-solid-400.woff2', enc.encode(font), rules).facts.kind, 'js');
    // Prose under a font name is not code: left as text.
    assert.equal(analyzeFile('public/fonts/readme.woff2', enc.encode('const fonts are nice\n'), rules).facts.kind, 'text');
    const lfs = 'version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n';
    assert.equal(analyzeFile('public/fonts/fa-solid-400.woff2', enc.encode(lfs), rules).facts.kind, 'text');
  });
  it('scan: a folderOpen task running `node .vscode/helper` gets JS-rule findings on that file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lurescan-asjs-'));
    try {
      mkdirSync(join(dir, '.vscode'));
      writeFileSync(join(dir, '.vscode/tasks.json'), JSON.stringify({ version: '2.0.0', tasks: [{ label: 'x', type: 'shell', command: 'node .vscode/helper', runOptions: { runOn: 'folderOpen' } }] }));
      writeFileSync(join(dir, '.vscode/helper'), LOADER);
      const report = await scan(dir, { threads: 0 });
      const ids = report.findings.filter((f) => f.file === '.vscode/helper').map((f) => f.ruleId);
      assert.ok(ids.includes('runtime-package-install'), `got ${ids.join(', ')}`);
      assert.deepEqual(report.errors, []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
