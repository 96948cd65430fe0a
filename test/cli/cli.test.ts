import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { exitCode } from '../../src/cli/output.js';
import { createProgress } from '../../src/cli/progress.js';
import { scan } from '../../src/index.js';
import { CLEAN_FIXTURE, dirWithErrors, emptyDir, EXAMPLE, REPO, runCli, tmpDir } from './helpers.js';

const ANSI = /\u001b\[/;

describe('CLI exit codes', () => {
  it('0 for a clean folder, 1 for the example lure (default --fail-on suspicious)', async () => {
    const clean = await runCli(['scan', CLEAN_FIXTURE]);
    assert.equal(clean.code, 0, clean.stdout + clean.stderr);
    assert.match(clean.stdout, /NO KNOWN THREAT/);
    const lure = await runCli(['scan', EXAMPLE]);
    assert.equal(lure.code, 1);
    assert.match(lure.stdout, /DO NOT RUN/);
    assert.equal((await runCli(['scan', EXAMPLE, '--fail-on', 'malicious'])).code, 1);
    assert.equal((await runCli(['scan', emptyDir()])).code, 0);
  });

  it('--fail-on decides between 0 and 1; an incomplete scan is 2 whatever the verdict', async () => {
    const base = await scan(emptyDir());
    assert.equal(exitCode({ ...base, verdict: 'suspicious' }, 'suspicious'), 1);
    assert.equal(exitCode({ ...base, verdict: 'suspicious' }, 'malicious'), 0);
    assert.equal(exitCode({ ...base, verdict: 'malicious' }, 'malicious'), 1);
    assert.equal(exitCode({ ...base, verdict: 'clean' }, 'suspicious'), 0);
    assert.equal(exitCode({ ...base, verdict: 'clean', incomplete: true }, 'suspicious'), 2);
  });

  it('2 for an incomplete scan, with the report still printed', async () => {
    const r = await runCli(['scan', dirWithErrors(), '--max-file-size', '1', '--threads', '0', '--format', 'json']);
    assert.equal(r.code, 2);
    const report = JSON.parse(r.stdout);
    assert.equal(report.incomplete, true);
  });

  it('2 with one line on stderr for an unknown target and for bad arguments', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['scan', '/nonexistent/lurescan-target'], /cannot open \/nonexistent\/lurescan-target: ENOENT/],
      [['scan'], /exactly one target/],
      [['scan', 'a', 'b'], /exactly one target/],
      [['scan', EXAMPLE, '--format', 'pdf'], /unknown --format 'pdf'/],
      [['scan', EXAMPLE, '--fail-on', 'clean'], /--fail-on must be malicious or suspicious/],
      [['scan', EXAMPLE, '--bogus'], /Unknown option '--bogus'/],
      [['scan', EXAMPLE, '--max-file-size', 'x'], /--max-file-size/],
      [['scan', EXAMPLE, '--threads', '-1'], /--threads/],
      [['frobnicate'], /unknown command 'frobnicate'/],
      [['report'], /exactly one saved JSON report/],
    ];
    for (const [argv, re] of cases) {
      const r = await runCli(argv);
      assert.equal(r.code, 2, argv.join(' '));
      assert.equal(r.stdout, '', argv.join(' '));
      assert.match(r.stderr, re, argv.join(' '));
      assert.equal(r.stderr.trim().split('\n').length, 1, `one line: ${r.stderr}`);
      assert.ok(!/\n\s+at /.test(r.stderr), 'no stack trace');
    }
    const none = await runCli([]);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /Usage:/);
  });
});

describe('CLI help, output and colours', () => {
  it('--help, scan --help and report --help go to stdout with exit 0', async () => {
    for (const [argv, re] of [
      [['--help'], /lurescan scan <target>/],
      [['help'], /lurescan report <saved\.json>/],
      [['scan', '--help'], /--fail-on <malicious\|suspicious>/],
      [['scan', '-h'], /--format <fmt>\s+terminal\|json\|sarif\|html\|stix\|csv/],
      [['report', '--help'], /Renders a report saved/],
    ] as Array<[string[], RegExp]>) {
      const r = await runCli(argv);
      assert.equal(r.code, 0, argv.join(' '));
      assert.match(r.stdout, re);
      assert.equal(r.stderr, '');
    }
    const v = await runCli(['--version']);
    assert.match(v.stdout, /^\d+\.\d+\.\d+\n$/);
  });

  it('--output writes the report to a file and nothing to stdout', async () => {
    const out = join(tmpDir(), 'r.sarif');
    const r = await runCli(['scan', EXAMPLE, '--format', 'sarif', '--output', out]);
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '');
    assert.equal(JSON.parse(readFileSync(out, 'utf8')).version, '2.1.0');
    const bad = await runCli(['scan', EXAMPLE, '-o', '/nonexistent-dir/x.json']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /cannot write \/nonexistent-dir\/x\.json: ENOENT/);
  });

  it('colours only on a TTY, never with NO_COLOR, FORCE_COLOR forces them; never in files', async () => {
    assert.doesNotMatch((await runCli(['scan', EXAMPLE])).stdout, ANSI);
    assert.match((await runCli(['scan', EXAMPLE], { tty: true })).stdout, ANSI);
    assert.doesNotMatch((await runCli(['scan', EXAMPLE], { tty: true, env: { NO_COLOR: '1' } })).stdout, ANSI);
    assert.doesNotMatch((await runCli(['scan', EXAMPLE], { tty: true, env: { TERM: 'dumb' } })).stdout, ANSI);
    assert.match((await runCli(['scan', EXAMPLE], { env: { FORCE_COLOR: '1' } })).stdout, ANSI);
    assert.doesNotMatch((await runCli(['scan', EXAMPLE], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).stdout, ANSI);
    assert.doesNotMatch((await runCli(['scan', EXAMPLE], { env: { FORCE_COLOR: '0' }, tty: false })).stdout, ANSI);
    assert.doesNotMatch((await runCli(['scan', EXAMPLE, '--format', 'json'], { tty: true })).stdout, ANSI);
    const out = join(tmpDir(), 'r.txt');
    await runCli(['scan', EXAMPLE, '-o', out], { tty: true });
    assert.doesNotMatch(readFileSync(out, 'utf8'), ANSI);
  });
});

describe('lurescan report <saved.json>', () => {
  it('re-renders a saved JSON report in every format, byte-identical to rendering at scan time', async () => {
    const dir = tmpDir();
    const saved = join(dir, 'report.json');
    await runCli(['scan', EXAMPLE, '--format', 'json', '-o', saved]);
    for (const format of ['terminal', 'json', 'sarif', 'html', 'stix', 'csv']) {
      const r = await runCli(['report', saved, '--format', format]);
      assert.equal(r.code, 0, `${format}: ${r.stderr}`);
      assert.ok(r.stdout.length > 0);
    }
    const again = await runCli(['report', saved, '--format', 'json']);
    assert.equal(again.stdout, readFileSync(saved, 'utf8'));
    assert.equal((await runCli(['report', saved, '--fail-on', 'suspicious'])).code, 1);
  });

  it('refuses what is not a report, with exit 2', async () => {
    const dir = tmpDir();
    writeFileSync(join(dir, 'junk.json'), '{"verdict":"clean"');
    writeFileSync(join(dir, 'other.json'), '{"name":"x"}');
    const junk = await runCli(['report', join(dir, 'junk.json')]);
    assert.equal(junk.code, 2);
    assert.match(junk.stderr, /cannot read .*junk\.json/);
    const other = await runCli(['report', join(dir, 'other.json')]);
    assert.equal(other.code, 2);
    assert.match(other.stderr, /is not a lurescan JSON report: .*must have required property/);
    assert.equal((await runCli(['report', join(dir, 'missing.json')])).code, 2);
  });
});

describe('progress bar', () => {
  const event = { doneBytes: 50, totalBytes: 100, doneFiles: 5, totalFiles: 10 };
  it('stays quiet for the first second, then draws on stderr; clears when done', () => {
    let t = 0;
    let written = '';
    const p = createProgress({ isTTY: true, write: (s: string) => (written += s) }, {}, { now: () => t });
    p.update(event);
    t = 900;
    p.update(event);
    assert.equal(written, '');
    t = 1200;
    p.update(event);
    assert.match(written, /\[#{15}\.{15}\] 50% 5\/10 files/);
    p.done();
    assert.ok(written.endsWith('\r\u001b[2K'));
  });
  it('never draws when stderr is not a TTY, in CI, on a dumb terminal or with --no-progress', () => {
    for (const [tty, env, enabled] of [
      [false, {}, true],
      [true, { CI: 'true' }, true],
      [true, { TERM: 'dumb' }, true],
      [true, {}, false],
    ] as Array<[boolean, Record<string, string>, boolean]>) {
      let t = 0;
      let written = '';
      const p = createProgress({ isTTY: tty, write: (s: string) => (written += s) }, env, { now: () => t, enabled });
      t = 5000;
      p.update(event);
      p.done();
      assert.equal(written, '');
    }
  });
});

describe('the real process', () => {
  it('exit status, stdout and stderr as a shell sees them', () => {
    const entry = `import(${JSON.stringify(join(REPO, 'src/cli/main.ts'))}).then(m=>m.main(process.argv.slice(1))).then(c=>process.exit(c))`;
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', '-e', entry, ...args], { cwd: REPO, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    const lure = run('scan', EXAMPLE, '--format', 'json');
    assert.equal(lure.status, 1, lure.stderr);
    assert.equal(JSON.parse(lure.stdout).verdict, 'malicious');
    const missing = run('scan', join(REPO, 'no-such-dir'));
    assert.equal(missing.status, 2);
    assert.equal(missing.stdout, '');
    assert.match(missing.stderr, /^lurescan: cannot open .*no-such-dir: ENOENT\n$/);
    assert.ok(existsSync(EXAMPLE));
  });
});
