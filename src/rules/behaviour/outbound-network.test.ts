import { ruleTest } from '../../testing/rule-tester.js';
import { obs } from './_fixture.js';
import rule from './outbound-network.js';

ruleTest(rule, {
  clean: [
    { name: 'talks to its own dev server on loopback', observations: obs({ syscalls: [{ kind: 'connect', pid: 11, family: 'inet', address: '127.0.0.1', port: 5000, ok: true }] }) },
    { name: 'unix sockets', observations: obs({ syscalls: [{ kind: 'connect', pid: 11, family: 'unix', address: '/var/run/nscd/socket', port: 0, ok: false }] }) },
  ],
  flagged: [
    {
      name: 'dead-drop lookup and raw-IP C2',
      observations: obs({
        network: [{ t: 1, type: 'dns', name: 'api.npoint.io', qtype: 1 }],
        syscalls: [{ kind: 'connect', pid: 11, family: 'inet', address: '203.0.113.9', port: 1244, ok: true, errno: 'EINPROGRESS' }],
      }),
      findings: [
        { line: 5, message: 'Looked up api.npoint.io', severity: 'high' },
        { line: 5, message: 'Tried to connect to the raw IP address 203.0.113.9:1244', severity: 'critical' },
      ],
    },
    {
      name: 'raw-IP upload seen by the sink, tied to the process that connected',
      observations: obs({
        network: [{ t: 1, type: 'tcp', port: 1224, localAddress: '203.0.113.9', http: { requestLine: 'POST /uploads HTTP/1.1', headers: ['Host: 203.0.113.9:1224'] }, body: 'multi_file=...' }],
        syscalls: [{ kind: 'connect', pid: 11, family: 'inet', address: '203.0.113.9', port: 1224, ok: true, errno: 'EINPROGRESS' }],
      }),
      findings: [{ line: 5, message: 'Sent a request to 203.0.113.9:1224: POST /uploads HTTP/1.1', evidence: /body: multi_file=\.\.\. — by \/bin\/sh -c node setup\.js → node setup\.js/, severity: 'critical' }],
    },
    {
      name: 'registry lookup is low',
      observations: obs({ network: [{ t: 1, type: 'dns', name: 'registry.npmjs.org', qtype: 1 }] }),
      findings: [{ line: 5, severity: 'low' }],
    },
  ],
});
