import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { displayWidth } from '../../src/reporters/check-terminal.js';
import { CLEAN_FIXTURE, CLICKFIX, EXAMPLE, LEGIT, LURE, runCli, tmpDir, validateCheck } from './helpers.js';

const dir = tmpDir('lurescan-check-cli-');
function msgFile(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}
const lure = msgFile('lure.txt', LURE);
const legit = msgFile('legit.txt', LEGIT);
const clickfix = msgFile('clickfix.txt', CLICKFIX);

/** The answer must fit one screen. */
const ONE_SCREEN = 30;

describe('lurescan check (CLI)', () => {
  it('lure message + example lure: DO NOT RUN in one screen, exit 1 (default --fail-on suspicious)', async () => {
    const r = await runCli(['check', '--message', lure, '--target', EXAMPLE]);
    assert.equal(r.code, 1, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    assert.match(lines[0]!, /DO NOT RUN/);
    assert.ok(lines.length <= ONE_SCREEN, `${lines.length} lines:\n${r.stdout}`);
    assert.match(r.stdout, /Message tactics/);
    assert.match(r.stdout, /Code findings \(\d+\)/);
    assert.match(r.stdout, /\.vscode\/tasks\.json:\d+|tailwind\.config\.js:\d+|server\/[\w/.-]+:\d+/);
    assert.match(r.stdout, /Autorun: \d+ entries/);
    assert.match(r.stdout, /What to do\n {2}1\. /);
    assert.ok(r.stdout.slice(r.stdout.indexOf('Reply draft')).replace(/\s+/g, '').includes(`lurescanmessage${lure}`), r.stdout);
    assert.equal(r.stderr, '');
  });

  it('lure message + clean code: RUN ONLY IN A SANDBOX, exit 1; 0 with --fail-on malicious', async () => {
    const r = await runCli(['check', '-m', lure, '-t', CLEAN_FIXTURE]);
    assert.equal(r.code, 1);
    assert.match(r.stdout.split('\n')[0]!, /RUN ONLY IN A SANDBOX/);
    assert.match(r.stdout, /only on the wire/);
    assert.equal((await runCli(['check', '-m', lure, '-t', CLEAN_FIXTURE, '--fail-on', 'malicious'])).code, 0);
  });

  it('benign message + clean code: NO KNOWN THREAT, exit 0', async () => {
    const r = await runCli(['check', '--message', legit, '--target', CLEAN_FIXTURE]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout.split('\n')[0]!, /NO KNOWN THREAT/);
  });

  it('ClickFix message alone: DO NOT RUN, exit 1, and the next step says to scan what they sent', async () => {
    const r = await runCli(['check', '--message', clickfix]);
    assert.equal(r.code, 1);
    assert.match(r.stdout.split('\n')[0]!, /DO NOT RUN/);
    assert.match(r.stdout, /no code scanned/);
    assert.match(r.stdout, /paste a command that downloads and runs code/);
  });

  it('--format json: the versioned check object, valid against schema/check.schema.json (code is a full report)', async () => {
    const out = join(dir, 'check.json');
    const r = await runCli(['check', '--message', lure, '--target', EXAMPLE, '--format', 'json', '--output', out]);
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '');
    const j = JSON.parse(readFileSync(out, 'utf8'));
    assert.ok(validateCheck(j), JSON.stringify(validateCheck.errors, null, 2));
    assert.equal(j.kind, 'check');
    assert.equal(j.schemaVersion, '1.0.0');
    assert.equal(j.verdict, 'malicious');
    assert.equal(j.advice, 'DO NOT RUN');
    assert.equal(j.message.kind, 'message');
    assert.equal(j.code.verdict, 'malicious');
    assert.equal(j.match.status, 'no-links');
    const alone = JSON.parse((await runCli(['check', '--message', legit, '--format', 'json'])).stdout);
    assert.ok(validateCheck(alone), JSON.stringify(validateCheck.errors, null, 2));
    assert.equal(alone.code, undefined);
    assert.equal(alone.match, undefined);
  });

  it('bad arguments and unreadable files exit 2 with one line on stderr', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['check'], /needs --message/],
      [['check', '--target', CLEAN_FIXTURE], /needs --message/],
      [['check', '--message', join(dir, 'nope.txt')], /cannot read .*nope\.txt: ENOENT/],
      [['check', '--message', legit, '--format', 'sarif'], /unknown --format 'sarif' for check/],
      [['check', '--message', legit, '--fail-on', 'high'], /--fail-on must be malicious or suspicious/],
      [['check', '--message', legit, '--detonate'], /--detonate needs --target/],
      [['check', '--message', legit, 'extra'], /not 'extra'/],
      [['check', '--message', legit, '--target', join(dir, 'missing-target')], /missing-target/],
      [['check', '--bogus'], /bogus/],
    ];
    for (const [argv, re] of cases) {
      const r = await runCli(argv);
      assert.equal(r.code, 2, `${argv.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, re, argv.join(' '));
      assert.equal(r.stderr.trimEnd().split('\n').length, 1, r.stderr);
    }
  });

  it('an incomplete code scan exits 2 even when the verdict is below --fail-on', async () => {
    // A small target (analysed in-process): one file above a 1 KB limit.
    const d = tmpDir('lurescan-check-big-');
    writeFileSync(join(d, 'big.bin'), Buffer.alloc(4096, 7));
    writeFileSync(join(d, 'index.js'), 'module.exports = 1;\n');
    const r = await runCli(['check', '--message', legit, '--target', d, '--max-file-size', '0.001']);
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stdout, /incomplete/);
  });

  it('help: lurescan check --help, and the main help lists message and check', async () => {
    const h = await runCli(['check', '--help']);
    assert.equal(h.code, 0);
    assert.match(h.stdout, /--message <file/);
    assert.match(h.stdout, /DO NOT RUN \/ RUN ONLY IN A SANDBOX \/ NO KNOWN THREAT/);
    const main = await runCli(['--help']);
    assert.match(main.stdout, /lurescan message <file/);
    assert.match(main.stdout, /lurescan check --message <file>/);
  });

  it('hostile message text (terminal escapes, bidi, huge lines) stays one screen and carries no raw control characters', async () => {
    const evil = `Please run it locally: npm i && npm start \u001b[2J\u001b]0;pwned\u0007 \u202Etxt.exe ${'A'.repeat(50_000)}\nclone https://github.com/x/${'b'.repeat(5000)}`;
    const r = await runCli(['check', '--message', msgFile('evil.txt', evil), '--target', CLEAN_FIXTURE]);
    assert.notEqual(r.code, 2, r.stderr);
    assert.ok(!/[\u001b\u0007\u202E]/.test(r.stdout), 'raw control or bidi characters in the output');
    assert.ok(r.stdout.trimEnd().split('\n').length <= ONE_SCREEN);
    assert.ok(r.stdout.split('\n').every((l) => l.length <= 200), 'a line longer than the screen');
  });

  it('Japanese lure message + clean code: sandbox, tactics quoted in Japanese', async () => {
    const ja = msgFile('ja.txt', '採用選考の一環として技術課題をお願いします。リポジトリをクローンして npm install と npm start を実行し、バグを修正してください。所要時間は30分です。');
    const r = await runCli(['check', '--message', ja, '--target', CLEAN_FIXTURE]);
    assert.match(r.stdout.split('\n')[0]!, /RUN ONLY IN A SANDBOX|DO NOT RUN/);
    assert.match(r.stdout, /npm install/);
    // Wide characters count two columns: nothing wraps off a 110-column screen.
    for (const l of r.stdout.split('\n')) assert.ok(displayWidth(l) <= 110, `${displayWidth(l)} columns: ${l}`);
    assert.ok(r.stdout.trimEnd().split('\n').length <= ONE_SCREEN);
  });

  it('a sentence that shows several tactics is quoted once', async () => {
    const r = await runCli(['check', '--message', lure]);
    assert.equal((r.stdout.match(/“The next step is a take-home task/g) ?? []).length, 1, r.stdout);
    assert.match(r.stdout, /\(same sentence\)/);
  });
});
