import { ruleTest } from '../../testing/rule-tester.js';
import rule from './sandbox-evasion.js';

ruleTest(rule, {
  clean: [
    {
      name: 'CLI naming its own process',
      file: 'bin/cli.js',
      code: `process.title = 'mytool';\n`,
    },
    {
      name: 'reading cpuinfo for core count',
      file: 'lib/cpus.js',
      code: `const fs = require('fs');\nconst n = fs.readFileSync('/proc/cpuinfo', 'utf8').split('processor').length - 1;\n`,
    },
  ],
  flagged: [
    {
      name: 'systeminformation-style virtual detection (low)',
      file: 'lib/system.js',
      code: `const fs = require('fs');
const info = fs.readFileSync('/proc/cpuinfo', 'utf8');
const virtual = ['VMware', 'VirtualBox', 'QEMU', 'KVM'].some((h) => info.includes(h));
`,
      findings: [{ line: 2, severity: 'low', confidence: 'low' }],
    },
    {
      name: 'RAT sandbox exit and disguise',
      file: 'main.js',
      code: `const fs = require('fs');
if (/hypervisor|vmware|virtualbox/i.test(fs.readFileSync('/proc/cpuinfo', 'utf8')) || ['08:00:27', '00:0c:29', '00:50:56'].includes(mac)) process.exit(0);
process.title = 'npm-cache';
`,
      findings: [
        { line: 2, severity: 'high', confidence: 'high' },
        { line: 3, severity: 'high', message: /npm-cache/ },
      ],
    },
  ],
});
