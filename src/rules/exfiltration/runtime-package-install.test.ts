import { ruleTest } from '../../testing/rule-tester.js';
import rule from './runtime-package-install.js';

ruleTest(rule, {
  clean: [
    {
      name: 'node-gyp style build spawn',
      file: 'scripts/build.js',
      code: `const { spawnSync } = require('child_process');\nspawnSync('node-gyp', ['rebuild'], { stdio: 'inherit' });\n`,
    },
    {
      name: 'install instructions printed, not run',
      file: 'bin/cli.js',
      code: `console.log('Run: npm install --save-dev mytool');\n`,
    },
  ],
  flagged: [
    {
      name: 'create-app scaffolder (low)',
      file: 'bin/create.js',
      code: `const { execSync } = require('child_process');\nexecSync('npm install', { cwd: dir, stdio: 'inherit' });\n`,
      findings: [{ line: 2, severity: 'low', confidence: 'low' }],
    },
    {
      name: 'silent socket.io-client install (RAT bootstrap)',
      file: 'public/fonts/fa-solid-400.woff2.js',
      code: `const { exec } = require('child_process');
exec('npm install socket.io-client axios --no-save --loglevel silent', { cwd: require('os').homedir() + '/.npl', windowsHide: true });
`,
      findings: [{ line: 2, severity: 'high', confidence: 'high', message: /pulls socket\.io-client/ }],
    },
    {
      name: 'command held in a variable (per-OS ternary), hidden window',
      file: 'public/fa-solid-400.js',
      code: `const { execSync } = require('child_process');
const command = isWindows ? \`cd "\${dir}" && npm install axios && node main.js\` : \`cd "\${dir}" && npm install axios && node main.js\`;
execSync(command, { windowsHide: true });
`,
      findings: [{ line: 3, severity: 'high', confidence: 'high', decoded: /npm install axios/ }],
    },
    {
      name: 'spawn with argument array',
      file: 'x.js',
      code: `const cp = require('child_process');\ncp.spawn('npm', ['i', 'request', '-s'], { detached: true, stdio: 'ignore' }).unref();\n`,
      findings: [{ line: 2, severity: 'high' }],
    },
  ],
});
