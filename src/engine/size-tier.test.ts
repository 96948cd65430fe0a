import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { scan } from '../api/scan.js';
import { selectRules } from '../rules/index.js';
import { parseJs } from '../analyzers/js/parse.js';
import { analyzeFile, PARSE_MAX_BYTES, parseMaxUnits, windowed } from './analyze-file.js';
import { parseUnits } from './parse-cost.js';
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
    assert.match(r.reduced ?? '', /reduced analysis: 0\.1 MB is over the 0\.0 MB parse limit and has more than 10,000 parse units \(tokens\), the limit for JavaScript: the text rules .* read all of it, the \d+ JavaScript AST rule\(s\) that apply only its first/);
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

describe('parse units: what a whole parse of a JavaScript file costs, known before parsing', () => {
  it('counts word runs, whitespace runs and punctuation characters; stops past the limit', () => {
    assert.equal(parseUnits(''), 0);
    assert.equal(parseUnits('abc'), 1);
    assert.equal(parseUnits('a.b;'), 4);
    assert.equal(parseUnits('var x = 1;\n'), 9);
    // A base64 string literal is a few units whatever its length ('+' and '/' split it).
    assert.equal(parseUnits(`"${'QUJD'.repeat(100_000)}"`), 3);
    assert.equal(parseUnits('é\\u0061bc'), 1);
    assert.equal(parseUnits(';'.repeat(1000), 10), 11);
    assert.equal(parseUnits('a;b;c', Infinity, 2, 5), 3);
  });
  it('bounds the node count of the tree from above, for code and for the worst shapes', () => {
    const count = (ast: unknown) => {
      let n = 0;
      const stack = [ast];
      while (stack.length) {
        const x = stack.pop() as Record<string, unknown> | null;
        if (!x || typeof x !== 'object') continue;
        if (typeof x.type === 'string') n++;
        for (const k in x) if (x[k] && typeof x[k] === 'object') stack.push(x[k]);
      }
      return n;
    };
    const shapes = [
      ';'.repeat(500),
      'a\n'.repeat(500),
      'a.b;'.repeat(500),
      'f(a);'.repeat(500),
      `x=[${'1,'.repeat(500)}1]`,
      `x={${'a:1,'.repeat(500)}a:1}`,
      '`${a}${b}`;'.repeat(100),
      'class A{b(){}}let c=d=>d?.e,{f,g}=h;'.repeat(100),
      'const el = <div className="x">{a}</div>;\n'.repeat(100),
      filler(100) + PAYLOAD,
    ];
    for (const code of shapes) {
      const nodes = count(parseJs(code).ast);
      assert.ok(nodes <= parseUnits(code) + 1, `${code.slice(0, 30)}: ${nodes} nodes, ${parseUnits(code)} units`);
    }
  });
});

describe('a large JavaScript file whose tree is small is analysed whole', () => {
  const rules = selectRules();
  // Prisma's query_compiler_fast_bg.*.wasm-base64.js shape: 4.5 MB, nearly all of it base64 in string literals.
  const b64 = (n: number) => {
    // Pseudo-random bytes (fixed seed) as base64: 1 character in 32 is '+' or '/', as in real wasm-base64 modules.
    const bytes = Buffer.alloc(Math.ceil((n * 3) / 4));
    for (let i = 0, x = 12345; i < bytes.length; i++) bytes[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
    return bytes.toString('base64').slice(0, n);
  };
  const big = `const head = "${b64(2_300_000)}";\n${PAYLOAD}const tail = "${b64(2_300_000)}";\nmodule.exports = head + tail;\n`;
  it('a payload in the middle of 4.6 MB of base64 strings is found (the window would have missed it)', () => {
    assert.ok(big.length > PARSE_MAX_BYTES && parseUnits(big) <= parseMaxUnits(PARSE_MAX_BYTES));
    const r = analyzeFile('runtime/query_compiler.wasm-base64.js', enc.encode(big), rules);
    assert.equal(r.reduced, undefined);
    assert.deepEqual(r.errors, []);
    const f = r.findings.find((x) => x.ruleId === 'runtime-package-install');
    assert.equal(f?.line, 3);
    // The windowed analysis (the previous 4 MB byte limit) saw only both ends.
    const w = analyzeFile('runtime/query_compiler.wasm-base64.js', enc.encode(big), rules, { parseMaxBytes: 200_000, parseWindow: 1 << 20 });
    assert.match(w.reduced ?? '', /only its first 1\.0 MB and last 1\.0 MB/);
    assert.equal(w.findings.find((x) => x.ruleId === 'runtime-package-install'), undefined);
  });
  it('4.4 MB of dense code (over 2,097,152 units) is still analysed reduced, and says why', () => {
    const dense = 'var a=b+c,d=e(f,g);\n'.repeat(220_000) + PAYLOAD;
    assert.ok(parseUnits(dense) > parseMaxUnits(PARSE_MAX_BYTES));
    const r = analyzeFile('lib/compiled.js', enc.encode(dense), rules);
    assert.match(r.reduced ?? '', /^reduced analysis: 4\.2 MB is over the 4\.0 MB parse limit and has more than 2,097,152 parse units \(tokens\), the limit for JavaScript: .* only its first 1\.0 MB and last 1\.0 MB/);
    assert.equal(r.findings.find((x) => x.ruleId === 'runtime-package-install')?.line, 220_002);
  });
  it('3.5 MB of the densest shape (one node per byte or two) under the byte limit is windowed, not left to exhaust the heap', () => {
    const dense = ';'.repeat(3_500_000) + '\n' + PAYLOAD;
    const r = analyzeFile('lib/semis.js', enc.encode(dense), rules);
    assert.match(r.reduced ?? '', /^reduced analysis: 3\.3 MB has more than 2,516,582 parse units \(tokens\), more than a worker's heap holds: /);
    assert.equal(r.findings.find((x) => x.ruleId === 'runtime-package-install')?.line, 3);
    // Ordinary code of the same size is under the unit bound and parsed whole.
    const code = 'const value = compute(input, options);\n'.repeat(90_000) + PAYLOAD;
    assert.ok(code.length < PARSE_MAX_BYTES && code.length > 3_000_000);
    assert.equal(analyzeFile('lib/code.js', enc.encode(code), rules).reduced, undefined);
  });
  it('scan: the large file in own code keeps the scan complete; a dense one beyond the limit makes it incomplete', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lurescan-units-'));
    try {
      writeFileSync(join(dir, 'wasm-base64.js'), big);
      const r = await scan(dir, { threads: 0 });
      assert.deepEqual(r.errors, []);
      assert.deepEqual(r.skipped, []);
      assert.equal(r.incomplete, false);
      assert.deepEqual(r.findings.filter((f) => f.ruleId === 'runtime-package-install').map((f) => f.line), [3]);
      writeFileSync(join(dir, 'dense.js'), 'var a=b+c,d=e(f,g);\n'.repeat(220_000) + PAYLOAD);
      const d = await scan(dir, { threads: 0 });
      assert.deepEqual(d.errors.map((e) => e.path), ['dense.js']);
      assert.match(d.errors[0]!.message, /parse units .* it is not vendored code, so the scan is incomplete/);
      assert.equal(d.incomplete, true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
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
