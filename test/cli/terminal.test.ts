import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { scan } from '../../src/index.js';
import type { Report } from '../../src/core/report.js';
import { sanitize } from '../../src/reporters/present.js';
import { renderTerminal } from '../../src/reporters/terminal.js';
import { tmpDir } from './helpers.js';

describe('terminal reporter', () => {
  it('shows a payload hidden after 800 spaces, underlined, with the column it sits at', async () => {
    const d = tmpDir();
    writeFileSync(join(d, 'postcss.config.js'), `module.exports = { plugins: {} };${' '.repeat(800)}eval(Buffer.from("Y29uc29sZS5sb2coMSk=","base64").toString())\n`);
    const report = await scan(d, { threads: 0 });
    const text = renderTerminal(report, { color: false });
    assert.equal(report.verdict, 'malicious', text);
    const lines = text.split('\n');
    const i = lines.findIndex((l) => l.includes('eval(Buffer.from('));
    assert.ok(i > 0, text);
    assert.match(lines[i]!, /^\s+1 │…/);
    const caret = lines[i + 1]!;
    // The carets start under the `e` of eval.
    assert.equal(caret.indexOf('^'), lines[i]!.indexOf('eval('), `${lines[i]}\n${caret}`);
    assert.match(caret, /\(column 834 of a long line\)/);
  });

  it('never lets sample text drive the terminal: escapes, bidi, zero-width, variation selectors', () => {
    assert.equal(sanitize('a\u001b[2Jb'), 'a⟨U+001B⟩[2Jb');
    assert.equal(sanitize('if (isAdmin\u202E \u2066// check\u2069)'), 'if (isAdmin⟨U+202E⟩ ⟨U+2066⟩// check⟨U+2069⟩)');
    assert.equal(sanitize('x\u200by\ufeff'), 'x⟨U+200B⟩y⟨U+FEFF⟩');
    assert.equal(sanitize(`k${'\ufe0f'.repeat(500)}`), 'k⟨500× U+FE0F…⟩');
    assert.equal(sanitize('a\tb\r\nc'), 'a b⏎c');
    assert.equal(sanitize('emoji 😀 stays'), 'emoji 😀 stays');
  });

  it('sanitizes every field a sample controls', async () => {
    const base = await scan(tmpDir(), { threads: 0 });
    const evil = '\u001b]0;pwned\u0007\u202E';
    const report: Report = {
      ...base,
      target: `t${evil}`,
      autorun: [{ trigger: 'npm-install', command: `node x.js${evil}`, file: `p${evil}`, line: 1, leadsTo: [`l${evil}`], label: `lab${evil}` }],
      findings: [
        { ruleId: 'r', severity: 'high', confidence: 'high', file: `f${evil}`, line: 1, column: 1, endLine: 1, endColumn: 2, message: `m${evil}`, evidence: `e${evil}`, decoded: `d${evil}` },
      ],
      iocs: [{ type: 'url', value: `http://x/${evil}`, file: `f${evil}`, line: 1 }],
      skipped: [{ path: `s${evil}`, reason: `r${evil}` }],
      errors: [{ path: `e${evil}`, message: `m${evil}` }],
      detonation: {
        ran: true,
        durationMs: 1500,
        phases: {},
        actions: [{ label: `a${evil}`, command: `c${evil}`, file: `f${evil}`, line: 1, signal: `SIG${evil}`, skipped: undefined }],
        notes: [`n${evil}`],
        processes: 2,
      },
    };
    const text = renderTerminal(report, { color: true });
    assert.match(text, /Detonation — ran in the jail for 1\.5 s/);
    assert.match(text, /2 processes/);
    // Only our own SGR colour sequences remain.
    assert.doesNotMatch(text.replace(/\u001b\[[0-9;]*m/g, ''), /[\u0000-\u0008\u000b-\u001f\u007f\u202e]/);
  });

  it('a file analysed in part (over the parse limit) is listed as partial, a file not read at all as skipped', async () => {
    const base = await scan(tmpDir(), { threads: 0 });
    const text = renderTerminal(
      { ...base, skipped: [{ path: 'dist/big.js', reason: 'reduced analysis: 12 MB is over the 4 MB parse limit' }, { path: 'huge.bin', reason: 'over the size limit' }] },
      { color: false },
    );
    assert.match(text, /Not examined, or examined in part \(2\)/);
    assert.match(text, /partial dist\/big\.js: reduced analysis/);
    assert.match(text, /skipped huge\.bin: over the size limit/);
  });

  it('a tree with hundreds of harmless install scripts still shows every dangerous autorun entry', async () => {
    const base = await scan(tmpDir(), { threads: 0 });
    const harmless = Array.from({ length: 100 }, (_, i) => ({ trigger: 'npm-install' as const, command: 'node-gyp rebuild', file: `node_modules/p${i}/package.json`, line: 3, leadsTo: [] }));
    const bad = { trigger: 'npm-install' as const, command: 'node lib/x.js', file: 'node_modules/evil/package.json', line: 5, leadsTo: ['node_modules/evil/lib/x.js'] };
    const f = { ruleId: 'r', severity: 'critical' as const, confidence: 'high' as const, file: 'node_modules/evil/lib/x.js', line: 1, column: 1, endLine: 1, endColumn: 2, message: 'm', evidence: 'e' };
    const text = renderTerminal({ ...base, autorun: [...harmless, bad], findings: [f] }, { color: false });
    assert.match(text, /! node_modules\/evil\/package\.json:5/);
    assert.match(text, /… and 61 more entries that lead to no finding/);
    assert.equal(text.match(/node-gyp rebuild/g)?.length, 39);
  });

  it('folds an unfolded megabyte frame line from a hand-made report around its evidence', async () => {
    const base = await scan(tmpDir(), { threads: 0 });
    const line = `${'a'.repeat(1 << 20)}EVIL()${'b'.repeat(1 << 20)}`;
    const f = { ruleId: 'r', severity: 'high' as const, confidence: 'high' as const, file: 'x.js', line: 1, column: (1 << 20) + 1, endLine: 1, endColumn: (1 << 20) + 7, message: 'm', evidence: 'EVIL()', frame: { startLine: 1, lines: [line], firstColumns: [1] } };
    const text = renderTerminal({ ...base, findings: [f] }, { color: false });
    assert.ok(text.length < 5000, `bounded: ${text.length}`);
    const lines = text.split('\n');
    const i = lines.findIndex((l) => l.includes('EVIL()'));
    assert.ok(i > 0);
    assert.equal(lines[i + 1]!.indexOf('^^^^^^'), lines[i]!.indexOf('EVIL()'));
  });
});
