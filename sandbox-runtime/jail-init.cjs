'use strict';
// Runs INSIDE the outer bubblewrap jail as root of its own user/network namespace (never on the host).
// 1. makes every IPv4 address local (AnyIP route on loopback), so connections to raw public IPs land on our sinks;
// 2. starts the sinks: a DNS responder that answers every name with a local address, and TCP/HTTP listeners that log
//    the request line, headers and body; 3. runs each action in an inner jail as an unprivileged uid with no
//    capabilities; 4. writes what the sinks saw and how each action ended to the out folder.
// Plain CommonJS with no dependencies: it runs in the jail from a read-only mount.
const { spawn, execFileSync } = require('node:child_process');
const dgram = require('node:dgram');
const fs = require('node:fs');
const net = require('node:net');

const config = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const events = [];
const log = (e) => events.push({ t: Date.now(), ...e });
const MAX_BODY = 64 * 1024;

function setupNetwork() {
  for (const args of [['link', 'set', 'lo', 'up'], ['route', 'add', 'local', '0.0.0.0/0', 'dev', 'lo']]) {
    try {
      execFileSync('ip', args, { stdio: 'ignore' });
    } catch (e) {
      log({ type: 'setup-error', message: `ip ${args.join(' ')}: ${e.message}` });
    }
  }
}

// Minimal DNS: answer A queries with the fake address, everything else with an empty NOERROR.
function startDns() {
  const sock = dgram.createSocket('udp4');
  sock.on('message', (msg, rinfo) => {
    try {
      let off = 12;
      const labels = [];
      while (off < msg.length && msg[off] !== 0 && labels.length < 64) {
        const len = msg[off];
        labels.push(msg.subarray(off + 1, off + 1 + len).toString('latin1'));
        off += len + 1;
      }
      const qtype = msg.readUInt16BE(off + 1);
      const qEnd = off + 5;
      const name = labels.join('.');
      log({ type: 'dns', name, qtype });
      const header = Buffer.from(msg.subarray(0, 12));
      header.writeUInt16BE(0x8180, 2); // response, recursion available, NOERROR
      header.writeUInt16BE(1, 4);
      header.writeUInt16BE(qtype === 1 ? 1 : 0, 6);
      header.writeUInt16BE(0, 8);
      header.writeUInt16BE(0, 10);
      const parts = [header, msg.subarray(12, qEnd)];
      if (qtype === 1) {
        const ans = Buffer.alloc(16);
        ans.writeUInt16BE(0xc00c, 0);
        ans.writeUInt16BE(1, 2);
        ans.writeUInt16BE(1, 4);
        ans.writeUInt32BE(60, 6);
        ans.writeUInt16BE(4, 10);
        Buffer.from(config.fakeAddress.split('.').map(Number)).copy(ans, 12);
        parts.push(ans);
      }
      sock.send(Buffer.concat(parts), rinfo.port, rinfo.address);
    } catch (e) {
      log({ type: 'sink-error', message: `dns: ${e.message}` });
    }
  });
  sock.bind(53, '127.0.0.1');
}

// TLS ClientHello → SNI host name, so HTTPS exfiltration still names its destination.
function sniOf(buf) {
  try {
    if (buf[0] !== 0x16) return undefined;
    let p = 43;
    p += 1 + buf[p];
    p += 2 + buf.readUInt16BE(p);
    p += 1 + buf[p];
    const end = p + 2 + buf.readUInt16BE(p);
    p += 2;
    while (p + 4 <= end) {
      const type = buf.readUInt16BE(p);
      const len = buf.readUInt16BE(p + 2);
      if (type === 0) return buf.subarray(p + 9, p + 9 + buf.readUInt16BE(p + 7)).toString('latin1');
      p += 4 + len;
    }
  } catch {}
  return undefined;
}

function startTcp(port) {
  const server = net.createServer((c) => {
    const chunks = [];
    let size = 0;
    let logged = false;
    const flush = () => {
      if (logged) return;
      logged = true;
      const data = Buffer.concat(chunks);
      const text = data.toString('latin1');
      const head = text.split('\r\n\r\n')[0];
      const isHttp = /^[A-Z]{3,7} \S+ HTTP\/1\.[01]\r\n/.test(text);
      log({
        type: 'tcp',
        port,
        localAddress: c.localAddress,
        remoteAddress: c.remoteAddress,
        http: isHttp ? { requestLine: head.split('\r\n')[0], headers: head.split('\r\n').slice(1, 60) } : undefined,
        sni: isHttp ? undefined : sniOf(data),
        body: isHttp ? text.slice(head.length + 4, head.length + 4 + MAX_BODY) : data.subarray(0, 4096).toString('base64'),
        bytes: size,
      });
    };
    c.on('data', (d) => {
      if (size < MAX_BODY * 2) chunks.push(d);
      size += d.length;
      const text = Buffer.concat(chunks).toString('latin1');
      const m = /content-length:\s*(\d+)/i.exec(text);
      const headEnd = text.indexOf('\r\n\r\n');
      if (headEnd !== -1 && /^[A-Z]{3,7} /.test(text) && (!m || text.length - headEnd - 4 >= Number(m[1]))) {
        flush();
        c.end('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}');
      }
    });
    c.on('end', flush);
    c.on('close', flush);
    c.on('error', () => {});
    c.setTimeout(5000, () => c.destroy());
  });
  server.on('error', (e) => log({ type: 'sink-error', message: `tcp ${port}: ${e.message}` }));
  server.listen(port, '0.0.0.0');
}

function killEverythingButMe() {
  for (const d of fs.readdirSync('/proc')) {
    const pid = Number(d);
    if (pid > 1 && pid !== process.pid) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {}
    }
  }
}

function runAction(action, deadline) {
  return new Promise((resolve) => {
    const started = Date.now();
    const budget = Math.max(1000, Math.min(action.timeoutMs, deadline - started));
    // Absolute path: the project's node_modules/.bin is on the actions' PATH and must not choose our jail binary.
    const child = spawn(config.bwrapPath, [
      '--unshare-user', '--uid', String(config.uid), '--gid', String(config.uid),
      '--bind', '/', '/',
      '--ro-bind', config.cpuinfo, '/proc/cpuinfo',
      '--tmpfs', '/opt',
      '--cap-drop', 'ALL', '--die-with-parent', '--new-session', '--chdir', action.cwd,
      '--', '/bin/sh', '-c', action.command,
    ], { env: config.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    let outBytes = 0;
    const keep = (d) => {
      if (outBytes < 65536) out.push(d);
      outBytes += d.length;
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killEverythingButMe();
    }, budget);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      // Daemonised leftovers (detached + unref) outlive the shell: give them the rest of the slice, then stop them.
      resolve({ label: action.label, command: action.command, exitCode: code, signal, timedOut, durationMs: Date.now() - started, output: Buffer.concat(out).toString('utf8').slice(0, 8192) });
    });
  });
}

async function main() {
  setupNetwork();
  startDns();
  for (const p of config.sinkPorts) startTcp(p);
  await new Promise((r) => setTimeout(r, 150));
  const deadline = Date.now() + config.totalTimeoutMs;
  const results = [];
  for (const action of config.actions) {
    if (Date.now() >= deadline) {
      results.push({ label: action.label, command: action.command, skipped: 'total time limit reached' });
      continue;
    }
    results.push(await runAction(action, deadline));
  }
  // Leftover background processes get a short grace period to phone home, then everything stops.
  await new Promise((r) => setTimeout(r, Math.min(config.graceMs, Math.max(0, deadline - Date.now()))));
  killEverythingButMe();
  await new Promise((r) => setTimeout(r, 100));
  fs.writeFileSync(`${config.outDir}/result.json`, JSON.stringify({ results, events }));
  process.exit(0);
}

main().catch((e) => {
  fs.writeFileSync(`${config.outDir}/result.json`, JSON.stringify({ fatal: String(e && e.stack || e), events }));
  process.exit(1);
});
