import { ruleTest } from '../../testing/rule-tester.js';
import { CANARIES, HOME, obs, open } from './_fixture.js';
import rule from './canary-secret-read.js';

ruleTest(rule, {
  clean: [
    { name: 'reads only its own project files', observations: obs({ syscalls: [open(`${HOME}/projects/task/package.json`), open('/usr/lib/node_modules/npm/package.json')] }) },
    {
      name: 'npm reads ~/.npmrc',
      observations: obs({ syscalls: [open(`${HOME}/.npmrc`, 20)], processes: [{ pid: 20, argv: ['node', '/usr/lib/node_modules/npm/bin/npm-cli.js', 'run', 'dev'], action: 0 }] }),
    },
  ],
  flagged: [
    {
      name: 'stealer opens a wallet vault and id.json',
      observations: obs({ syscalls: [open(CANARIES[0]!.path!), open(CANARIES[1]!.path!), open(CANARIES[1]!.path!)] }),
      findings: [
        { file: 'package.json', line: 5, message: 'Read the decoy MetaMask wallet vault (Chrome)', evidence: /by \/bin\/sh -c node setup\.js → node setup\.js/ },
        { file: 'package.json', line: 5, message: 'Read the decoy Solana keypair (id.json)' },
      ],
    },
  ],
});
