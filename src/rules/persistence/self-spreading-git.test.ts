import { ruleTest } from '../../testing/rule-tester.js';
import rule from './self-spreading-git.js';

ruleTest(rule, {
  clean: [
    {
      name: 'release script pushing tags',
      file: 'scripts/release.js',
      code: `const { execSync } = require('child_process');\nexecSync('git push --follow-tags origin main', { stdio: 'inherit' });\n`,
    },
    {
      name: 'lerna-style commit skipping hooks',
      file: 'lib/commit.js',
      code: `const execa = require('execa');\nexeca('git', ['commit', '--no-verify', '-m', 'chore(release): publish']);\n`,
    },
  ],
  flagged: [
    {
      name: 'amend + backdate + force push --no-verify',
      file: 'tools/sync.js',
      code: `const { execSync } = require('child_process');
const d = execSync('git log -1 --format=%cd').toString().trim();
execSync('git add -A && git commit --amend --no-edit --date="' + d + '"', { env: { ...process.env, GIT_COMMITTER_DATE: d } });
execSync('git push --force --no-verify origin HEAD');
`,
      findings: [{ line: 3, severity: 'high', confidence: 'high', message: /force push, --no-verify, commit --amend, backdated/ }],
    },
  ],
});
