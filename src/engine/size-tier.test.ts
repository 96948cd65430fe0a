import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { scan } from '../api/scan.js';
import { selectRules } from '../rules/index.js';
import { analyzeFile, windowed } from './analyze-file.js';
import { Engine } from './pool.js';

const enc = new TextEncoder();
const PAYLOAD = "const { exec } = require('child_process');\nexec('npm install axios request --no-save --loglevel silent', { windowsHide: true });\n";
const filler = (lines: number) => 'function f(a, b) { return a + b; }\n'.repeat(lines);

describe('windowed text for files over the parse limit', () => {
  it('keeps both ends, blanks the middle, and keeps length and line breaks', () => {
    const text = `${filler(100)}var middle = "secret";\n${filler(100)}`;
    const w = windowed(text, 400);
    assert.equal(w.text.length, text.length);
    assert.equal(w.text.split('\n').length, text.split('\n').length);
    assert.equal(w.text.slice(0, w.head), text.slice(0, w.head));
    assert.equal(w.text.slice(w.tail), text.slice(w.tail));
    assert.ok(w.head <= 400 && w.head > 200, String(w.head));
    assert.ok(!w.text.includes('secret'));
    assert.match(w.text.slice(w.head, w.tail), /^[ \n]+$/);
    // Cut at line breaks: both ends hold whole lines.
    assert.equal(text[w.head - 1], '\n');
    assert.equal(text[w.tail - 1], '\n');
  });
  it('a single line is cut after a `;`, and a short text is left whole', () => {
    const line = 'var a=function(b){return b};'.repeat(100);
    const w = windowed(line, 300);
    assert.equal(line[w.head - 1], ';');
    assert.equal(w.text.length, line.length);
    assert.deepEqual(windowed('abc', 300), { text: 'abc', head: 3, tail: 3 });
  });
});

describe('a file over the parse limit is analysed reduced, never skipped', () => {
  const rules = selectRules();
  const opts = { parseMaxBytes: 20_000, parseWindow: 4_000 };
  it('an appended payload is still found by the AST rules, at its real line', () => {
    const text = filler(2000) + PAYLOAD;
    const r = analyzeFile('src/app.js', enc.encode(text), rules, opts);
    assert.match(r.reduced ?? '', /reduced analysis: .* over the 0\.0 MB parse limit: the text rules .* read all of it, the \d+ JavaScript AST rule\(s\) that apply only its first/);
    const f = r.findings.find((x) => x.ruleId === 'runtime-package-install');
    assert.ok(f, JSON.stringify(r.findings.map((x) => x.ruleId)));
    assert.equal(f.line, 2002);
    assert.match(f.evidence, /npm install axios/);
  });
  it('a prepended payload too; the same file under the limit is not reduced', () => {
    const text = PAYLOAD + filler(2000);
    const r = analyzeFile('src/app.js', enc.encode(text), rules, opts);
    assert.ok(r.reduced);
    assert.equal(r.findings.find((x) => x.ruleId === 'runtime-package-install')?.line, 2);
    const whole = analyzeFile('src/app.js', enc.encode(text), rules);
    assert.equal(whole.reduced, undefined);
    assert.equal(whole.findings.find((x) => x.ruleId === 'runtime-package-install')?.line, 2);
  });
  it('a file no AST rule applies to is not called reduced', () => {
    const r = analyzeFile('src/data.js', enc.encode(filler(2000)), rules, opts);
    assert.equal(r.reduced, undefined);
  });
});

describe('scan: where a reduced analysis is reported', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lurescan-tier-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const big = filler(3000) + PAYLOAD;
  mkdirSync(join(dir, 'node_modules/lib'), { recursive: true });
  writeFileSync(join(dir, 'node_modules/lib/bundle.js'), big);
  writeFileSync(join(dir, 'node_modules/lib/run.js'), big);
  writeFileSync(join(dir, 'app.js'), big);
  writeFileSync(join(dir, 'package.json'), '{"name":"t","version":"1.0.0","scripts":{"postinstall":"node node_modules/lib/run.js"}}\n');
  it('vendored: under skipped; own code or an autorun target: under errors (incomplete)', async () => {
    const r = await scan(dir, { threads: 0, parseMaxBytes: 50_000 });
    const skipped = r.skipped.map((s) => s.path).sort();
    const errors = r.errors.map((e) => e.path).sort();
    assert.deepEqual(skipped, ['node_modules/lib/bundle.js']);
    assert.deepEqual(errors, ['app.js', 'node_modules/lib/run.js']);
    assert.match(r.errors.find((e) => e.path === 'app.js')!.message, /reduced analysis.*it is not vendored code, so the scan is incomplete/);
    assert.match(r.errors.find((e) => e.path === 'node_modules/lib/run.js')!.message, /an autorun entry runs this file/);
    assert.equal(r.incomplete, true);
    // The payload at the end of each file is still found.
    assert.deepEqual([...new Set(r.findings.filter((f) => f.ruleId === 'runtime-package-install').map((f) => f.file))].sort(), ['app.js', 'node_modules/lib/bundle.js', 'node_modules/lib/run.js']);
  });
  it('the worker pool gives the same answer, heavy files (over 1 MB) on their own lane', async () => {
    const pool = mkdtempSync(join(tmpdir(), 'lurescan-lanes-'));
    try {
      writeFileSync(join(pool, 'huge-a.js'), filler(35_000) + PAYLOAD);
      writeFileSync(join(pool, 'huge-b.js'), PAYLOAD + filler(35_000));
      for (let i = 0; i < 300; i++) writeFileSync(join(pool, `m${i}.js`), i % 100 === 0 ? PAYLOAD : filler(20));
      const r = await scan(pool, { threads: 2 });
      assert.deepEqual(r.errors, []);
      assert.equal(r.stats.files, 302);
      const hit = [...new Set(r.findings.filter((f) => f.ruleId === 'runtime-package-install').map((f) => f.file))].sort();
      assert.deepEqual(hit, ['huge-a.js', 'huge-b.js', 'm0.js', 'm100.js', 'm200.js']);
    } finally {
      rmSync(pool, { recursive: true, force: true });
    }
  });
});

describe('a file that exhausts a worker heap', () => {
  it('is an error naming the cap; the other files are still analysed and the engine goes on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lurescan-oom-'));
    const engine = Engine.start({ threads: 1, heapMb: 24 });
    try {
      // 3 MB of code (under the parse limit): its AST alone needs several times the 24 MB cap.
      writeFileSync(join(dir, 'big.js'), PAYLOAD + filler(85_000));
      writeFileSync(join(dir, 'small.js'), PAYLOAD);
      const files = ['big.js', 'small.js'].map((rel) => ({ rel, abs: join(dir, rel), size: statSync(join(dir, rel)).size }));
      const r = await engine.run(files, { maxFileBytes: 1 << 30, ruleSelection: {}, fileTimeoutMs: 60_000 });
      assert.deepEqual(r.errors.map((e) => e.path), ['big.js']);
      assert.match(r.errors[0]!.message, /ran out of memory \(worker heap cap 24 MB\)/);
      assert.deepEqual(r.results.map((x) => x.facts.path), ['small.js']);
      assert.ok(r.results[0]!.findings.some((f) => f.ruleId === 'runtime-package-install'));
    } finally {
      await engine.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
