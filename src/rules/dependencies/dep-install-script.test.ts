import { ruleTest } from '../../testing/rule-tester.js';
import rule from './dep-install-script.js';

ruleTest(rule, {
  clean: [{ name: 'no install scripts', files: { 'package-lock.json': '{"lockfileVersion":3,"packages":{"":{},"node_modules/react":{"version":"18.2.0"}}}' } }],
  flagged: [
    {
      name: 'esbuild and an unknown package',
      files: {
        'package-lock.json': '{"lockfileVersion":3,"packages":{"":{},"node_modules/esbuild":{"version":"0.20.0","hasInstallScript":true},"node_modules/icon-pack-x":{"version":"1.0.0","hasInstallScript":true}}}',
      },
      findings: [{ file: 'package-lock.json', line: 1, message: /2 locked dependencies run install scripts: esbuild, icon-pack-x/ }],
    },
  ],
});
