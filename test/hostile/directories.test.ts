// Hostile folders: every case must finish, say what it could not examine (errors / skipped), and set `incomplete`
// (exit 2) exactly when something was not examined. Fixtures are built in temp folders at test time.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, symlinkSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { main } from '../../src/cli/main.js';
import type { Report } from '../../src/index.js';
import { scan } from '../../src/index.js';
import { parseJs } from '../../src/analyzers/js/parse.js';
import { readFileForScan } from '../../src/targets/read.js';
import { tmp, writeTree } from './helpers/fixtures.js';

const isRoot = process.getuid?.() === 0;
const skippedFor = (r: Report, path: string) => r.skipped.find((s) => s.path === path)?.reason ?? '';
const errorFor = (r: Report, path: string) => r.errors.find((e) => e.path === path)?.message ?? '';

/** Runs the CLI in-process (as bin/lurescan.js does) and returns its exit code and JSON report. */
async function cli(args: string[]): Promise<{ code: number; report: Report }> {
  let out = '';
  const sink = { write: (s: string) => (out += s), isTTY: false };
  const code = await main(['scan', ...args, '--format', 'json'], { stdout: sink, stderr: { write: () => true }, env: {} });
  return { code, report: JSON.parse(out) as Report };
}

describe('hostile folders', () => {
  it('symlink loops and links pointing outside are listed, never followed', async () => {
    const d = writeTree(tmp(), { 'index.js': 'module.exports = 1;\n' });
    symlinkSync('b', join(d, 'a'));
    symlinkSync('a', join(d, 'b'));
    symlinkSync('.', join(d, 'self'));
    symlinkSync('/etc/passwd', join(d, 'passwd'));
    symlinkSync('/etc', join(d, 'etc'));
    const r = await scan(d, { threads: 0 });
    assert.deepEqual(r.stats.files, 1);
    assert.match(skippedFor(r, 'a'), /dangling or looping/);
    assert.match(skippedFor(r, 'b'), /dangling or looping/);
    assert.match(skippedFor(r, 'self'), /inside the target is scanned at its own path/);
    assert.match(skippedFor(r, 'passwd'), /points outside the target -> \/etc\/passwd/);
    assert.match(skippedFor(r, 'etc'), /points outside/);
    assert.ok(!JSON.stringify(r).includes('root:x:0:0'), 'the outside file was never read');
    // Links carry no content of their own: the scan is complete.
    assert.equal(r.incomplete, false);
  });

  it('a FIFO is listed and never opened for a blocking read', { timeout: 20_000 }, async () => {
    const d = writeTree(tmp(), { 'index.js': '1;\n' });
    const mk = spawnSync('mkfifo', [join(d, 'pipe.js')]);
    assert.equal(mk.status, 0, 'mkfifo is available');
    const r = await scan(d, { threads: 0 });
    assert.match(skippedFor(r, 'pipe.js'), /FIFO: not read/);
    // A FIFO swapped in after the walk: O_NONBLOCK opens it at once and the type check refuses it.
    assert.deepEqual(readFileForScan(join(d, 'pipe.js'), 1 << 20), { ok: false, error: 'not a regular file' });
  });

  it('an unreadable file (chmod 000) is an error', { skip: isRoot ? 'runs as root, where chmod 000 does not stop reads: covered by the two cases below' : false }, async () => {
    const d = writeTree(tmp(), { 'index.js': '1;\n', 'secret.js': 'eval(x)\n' });
    chmodSync(join(d, 'secret.js'), 0);
    const r = await scan(d, { threads: 0 });
    assert.match(errorFor(r, 'secret.js'), /unreadable: EACCES/);
    assert.equal(r.incomplete, true);
  });

  it('a file removed between the walk and the read is an error (works as root)', async () => {
    const d = writeTree(tmp(), { 'a.js': '1;\n', 'b.js': 'eval(x)\n' });
    let removed = false;
    const r = await scan(d, {
      threads: 0,
      onProgress: () => {
        if (!removed) unlinkSync(join(d, 'b.js')); // after a.js, before b.js is read
        removed = true;
      },
    });
    assert.match(errorFor(r, 'b.js'), /unreadable: ENOENT/);
    assert.equal(r.incomplete, true);
  });

  it('a folder nested beyond PATH_MAX cannot be listed: an error, not a crash (works as root)', async () => {
    const d = tmp();
    // 25 levels of 200 characters: 5 KB, past Linux's 4096-byte PATH_MAX. Built with relative chdir steps in a child
    // (a shell's cd tracks the logical path and gives up past PATH_MAX).
    const build = `const fs=require('fs');process.chdir(process.argv[1]);for(let i=0;i<25;i++){fs.mkdirSync('${'n'.repeat(200)}');process.chdir('${'n'.repeat(200)}')}fs.writeFileSync('deep.js','eval(x)')`;
    try {
      const made = spawnSync(process.execPath, ['-e', build, d]);
      assert.equal(made.status, 0, String(made.stderr));
      writeFileSync(join(d, 'index.js'), '1;\n');
      const r = await scan(d, { threads: 0 });
      assert.ok(r.errors.some((e) => /unreadable folder: ENAMETOOLONG/.test(e.message)), JSON.stringify(r.errors).slice(0, 300));
      assert.equal(r.incomplete, true);
    } finally {
      spawnSync('rm', ['-rf', d]); // rm(1) walks with openat; fs.rm would hit the same PATH_MAX
    }
  });

  it('a 200 MB file (sparse) is listed under errors and the CLI exits 2', { timeout: 120_000 }, async () => {
    const d = writeTree(tmp(), { 'index.js': 'module.exports = 1;\n' });
    writeFileSync(join(d, 'huge.js'), '');
    truncateSync(join(d, 'huge.js'), 200 << 20); // sparse: costs no disk
    const { code, report } = await cli([d]); // default limits (128 MB) and default threads (worker pool)
    assert.match(errorFor(report, 'huge.js'), /too large to scan \(209715200 bytes > limit 134217728/);
    assert.equal(report.stats.files, 2);
    assert.equal(report.incomplete, true);
    assert.equal(code, 2);
  });

  it('a 50 MB single-line minified file is scanned to the end', { timeout: 180_000 }, async () => {
    const d = tmp();
    const unit = 'var a=function(b,c){return b.map(function(d){return d*c})};';
    // child_process: the JS AST rules have work (a file no AST rule applies to is examined whole and not reduced).
    const body = `var cp=require("child_process");${unit.repeat(Math.ceil((50 << 20) / unit.length))}`;
    writeFileSync(join(d, 'bundle.min.js'), `${body}\n`);
    const t0 = performance.now();
    const r = await scan(d);
    const ms = performance.now() - t0;
    assert.equal(r.stats.files, 1);
    // Examined, reduced: the text rules read all of it, the AST rules its two ends; a vendored name (*.min.js), so the
    // reduction is listed under skipped and the scan stays complete. Never a crash, a hang or a silent skip.
    assert.equal(errorFor(r, 'bundle.min.js'), '');
    assert.match(skippedFor(r, 'bundle.min.js'), /reduced analysis: 50\.0 MB is over the 4\.0 MB parse limit/);
    assert.equal(r.incomplete, false);
    console.log(`50 MB single line: ${Math.round(ms)} ms, examined (reduced)`);
  });

  it('100k-deep nesting in JS, JSON, JSONC and Python: no stack overflow, no crash', { timeout: 120_000 }, async () => {
    const n = 100_000;
    const d = writeTree(tmp(), {
      'deep.js': `eval(atob(x)); fetch(u); require('child_process');\nconst a = ${'['.repeat(n)}${']'.repeat(n)};\n`,
      'parens.js': `eval(${'('.repeat(n)}1${')'.repeat(n)});\n`,
      'chain.js': `eval(${Array(n).fill('a').join('+')});\n`,
      'package.json': `{"scripts":{"postinstall":"node x.js"},"x":${'['.repeat(n)}${']'.repeat(n)}}`,
      '.vscode/tasks.json': `// c\n{"tasks":[{"runOptions":{"runOn":"folderOpen"},"command":${'{"a":'.repeat(n)}1${'}'.repeat(n)}}]}`,
      'deep.py': `import os\nexec(${'('.repeat(n)}1${')'.repeat(n)})\n`,
      'deep.ts': `eval(${'['.repeat(n)}${']'.repeat(n)});\n`,
    });
    const r = await scan(d, { threads: 0 });
    assert.equal(r.stats.files, 7);
    // A parser may give up on such a file; then it must say so (errors), and the scan is incomplete.
    for (const e of r.errors) assert.match(e.message, /pars|too deep|nest|exceeded|stack/i, `${e.path}: ${e.message}`);
    assert.equal(r.incomplete, r.errors.length > 0);
    // Fail closed: the postinstall and the folderOpen task are either in the autorun map or the scan says it is
    // incomplete (a lure must not hide its hooks behind a deeply nested junk field).
    for (const trigger of ['npm-install', 'vscode-folder-open']) {
      assert.ok(r.autorun.some((a) => a.trigger === trigger) || r.incomplete, `${trigger} neither mapped nor reported`);
    }
    // The pure-JS parser throws a catchable error instead of overflowing the process stack.
    const parsed = parseJs(`${'['.repeat(n)}${']'.repeat(n)}`);
    assert.ok(parsed.ast === null || parsed.ast.type === 'Program');
  });

  it('invalid UTF-8 does not hide code: the file is examined with replacement characters', async () => {
    const bad = Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1]);
    const code = Buffer.concat([Buffer.from('const a = "'), bad, Buffer.from(`";${' '.repeat(300)}eval(atob("Y29uc29sZS5sb2coMSk="));\n`)]);
    const d = writeTree(tmp(), { 'config.js': code });
    const r = await scan(d, { threads: 0 });
    assert.equal(errorFor(r, 'config.js'), '');
    assert.equal(r.incomplete, false);
    assert.ok(r.findings.some((f) => f.file === 'config.js' && f.ruleId === 'whitespace-hidden-code'), 'the padded eval after invalid bytes is still seen');
  });

  it('binary junk named .js is examined as bytes, not parsed; junk without NULs fails parsing with an error entry', async () => {
    const junk = Buffer.alloc(64 << 10);
    for (let i = 0; i < junk.length; i++) junk[i] = (i * 7919 + 13) & 0xff;
    const noNul = Buffer.from(junk.map((b) => (b === 0 ? 1 : b)));
    const d = writeTree(tmp(), { 'lib/binary.js': junk, 'lib/garbage.js': Buffer.concat([Buffer.from('eval(x);fetch(u);'), noNul]) });
    const r = await scan(d, { threads: 0 });
    assert.equal(r.stats.files, 2);
    assert.equal(errorFor(r, 'lib/binary.js'), '');
    const garbage = errorFor(r, 'lib/garbage.js');
    assert.ok(garbage === '' || /could not parse/.test(garbage), garbage);
    assert.equal(r.incomplete, r.errors.length > 0);
  });
});

