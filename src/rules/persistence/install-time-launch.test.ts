import { ruleTest } from '../../testing/rule-tester.js';
import rule from './install-time-launch.js';

const pkg = (scripts: Record<string, string>, extra = '') => JSON.stringify({ name: 'p', version: '1.0.0', main: 'index.js', scripts }) + extra;

ruleTest(rule, {
  clean: [
    {
      name: 'the same detached .exe launch in a CLI that is not run at install',
      files: {
        'package.json': pkg({ start: 'node index.js' }),
        'index.js': "const { spawn } = require('child_process');\nspawn(resolve('Tool.exe'), { detached: true, stdio: 'ignore' }).unref();\n",
      },
    },
    {
      name: 'esbuild-style install.js: probes its own binary with --version',
      files: {
        'package.json': pkg({ postinstall: 'node install.js' }),
        'install.js': "const child_process = require('child_process');\nconst binPath = require.resolve('@esbuild/win32-x64/esbuild.exe');\nchild_process.execFileSync(binPath, ['--version'], { stdio: 'pipe' });\nchild_process.execSync('npm install --no-save esbuild-windows-64', { cwd: __dirname });\n",
      },
    },
    {
      name: 'node-gyp rebuild and husky install',
      files: {
        'package.json': pkg({ install: 'node-gyp rebuild', prepare: 'husky install', postinstall: 'node scripts/postinstall.js' }),
        'scripts/postinstall.js': "const { spawnSync } = require('child_process');\nconst npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';\nspawnSync(npm, ['run', 'build'], { stdio: 'inherit' });\nspawnSync('git', ['config', 'core.hooksPath', '.husky']);\n",
      },
    },
    {
      name: 'prebuild-install / puppeteer style download without launching',
      files: {
        'package.json': pkg({ install: 'node install.js' }),
        'install.js': "const https = require('https');\nconst fs = require('fs');\nconst { execSync } = require('child_process');\nhttps.get('https://github.com/o/r/releases/download/v1/sharp.node', (r) => r.pipe(fs.createWriteStream('build/Release/sharp.node')));\nexecSync('tar xzf chrome.tar.gz', { stdio: 'inherit' });\n",
      },
    },
    {
      name: 'a service CLI that registers a LaunchAgent when the user asks it to (not run at install)',
      files: {
        'package.json': pkg({ start: 'node cli.js' }),
        'cli.js': "const { execSync } = require('child_process');\nif (process.argv[2] === 'startup') execSync('launchctl load ~/Library/LaunchAgents/io.example.agent.plist');\n",
      },
    },
  ],
  flagged: [
    {
      name: 'postinstall runs `node .`, which spawns a bundled .exe detached',
      files: {
        'package.json': pkg({ postinstall: 'node .', preuninstall: 'node .' }),
        'index.js': "const { resolve } = require('path');\nconst { spawn } = require('child_process');\n\nspawn(resolve('Cursed.Installer.exe'), {\n  detached: true,\n  stdio: 'ignore'\n}).unref();\n",
      },
      findings: [{ line: 4, file: 'index.js', severity: 'high', confidence: 'high' }],
    },
    {
      name: 'preinstall script starts a hidden detached node process',
      files: {
        'package.json': pkg({ preinstall: 'node setup.js' }),
        'setup.js': "const cp = require('child_process');\nconst p = cp.spawn(process.execPath, [__dirname + '/lib/worker'], { detached: true, windowsHide: true, stdio: 'ignore' });\np.unref();\n",
      },
      findings: [{ line: 2, file: 'setup.js', severity: 'high', confidence: 'medium' }],
    },
    {
      name: 'install hook runs a downloaded .exe (no stealth flags)',
      files: {
        'package.json': pkg({ install: 'node i.js' }),
        'i.js': "const { execFile } = require('child_process');\nconst os = require('os');\nexecFile(os.tmpdir() + '/update.exe');\n",
      },
      findings: [{ line: 3, file: 'i.js', severity: 'high', confidence: 'medium' }],
    },
    {
      name: 'postinstall registers a LaunchAgent and a lingering systemd user unit',
      files: {
        'package.json': pkg({ postinstall: 'node setup.js' }),
        'setup.js': [
          "const { execSync } = require('child_process');",
          "if (process.platform === 'darwin') execSync(`launchctl load ${process.env.HOME}/Library/LaunchAgents/com.system.update.plist`);",
          "else execSync('systemctl --user enable --now npm-cache.service && loginctl enable-linger');",
        ].join('\n'),
      },
      findings: [
        { line: 2, file: 'setup.js', severity: 'high', confidence: 'high', message: /registers a login\/boot item \(launchctl load\)/ },
        { line: 3, file: 'setup.js', severity: 'high', confidence: 'high', message: /systemctl --user enable/ },
      ],
    },
  ],
});
