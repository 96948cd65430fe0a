import { ruleTest } from '../../testing/rule-tester.js';
import { HOME, obs, open } from './_fixture.js';
import rule from './jail-escape-or-host-probe.js';

ruleTest(rule, {
  clean: [{ name: 'runtime reads cpu info and its own home', observations: obs({ syscalls: [open('/proc/cpuinfo'), open('/sys/fs/cgroup/cpu.max'), open(`${HOME}/.config/app.json`)] }) }],
  flagged: [
    {
      name: 'shadow, other home, VM check, unshare',
      observations: obs({
        syscalls: [
          { kind: 'open', pid: 11, path: '/etc/shadow', write: false, create: false, ok: false, errno: 'ENOENT' },
          open('/home/bob/.ssh/id_rsa'),
          open('/sys/class/dmi/id/product_name'),
          { kind: 'escape', pid: 11, call: 'unshare', args: 'CLONE_NEWUSER', ok: false },
        ],
      }),
      findings: [
        { line: 5, message: 'Tried to read /etc/shadow', severity: 'high' },
        { line: 5, message: 'Tried to read another user’s home: /home/bob/.ssh/id_rsa' },
        { line: 5, message: 'Checked for a virtual machine via /sys/class/dmi/id/product_name', severity: 'medium' },
        { line: 5, message: 'Called unshare(CLONE_NEWUSER) (denied)' },
      ],
    },
  ],
});
