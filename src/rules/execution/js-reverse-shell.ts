import { defineRule } from '../../core/rule.js';
import { isLocalHost } from '../stealing/_iocs.js';
import { jsFacts, processLaunches } from '../stealing/_js-facts.js';

/** An interactive shell program: sh, bash, zsh, cmd.exe, powershell. */
const SHELL = /^(?:(?:\/usr)?\/bin\/)?(?:ba|z|da|k)?sh$|^(?:cmd|powershell|pwsh)(?:\.exe)?$/i;
const SOCKET_CALL = /^(?:net|tls)\.(?:connect|createConnection|Socket)$/;

export default defineRule({
  id: 'js-reverse-shell',
  meta: {
    kind: 'threat',
    category: 'execution',
    severity: 'critical',
    confidence: 'high',
    summary: 'Node reverse shell: a shell process whose stdin/stdout are piped to an outgoing TCP socket',
    why: 'Lure backends hand the remote operator a shell by connecting out (net.Socket().connect(port, host)) and piping the socket into a spawned /bin/sh or cmd.exe; it needs no payload download at all.',
    fix: 'Do not run the project. Block the host and port shown; if it ran, treat the machine as remotely controlled.',
    falsePositives: 'Terminal servers (node-pty over WebSockets, ssh2 servers) pipe a shell to a socket they accept, not one they open; only an outgoing net/tls connection piped into a spawned shell is reported, and a loopback target is low.',
    references: ['https://attack.mitre.org/techniques/T1059/004/', 'CWE-506'],
    status: 'stable',
  },
  input: 'js-ast',
  prefilter: [/\b(?:spawn|exec)\w*\s*\(/, /\.connect\s*\(|createConnection|new\s+(?:net\.|tls\.)?Socket\b/, /\.pipe\s*\(/],
  check(ctx, js) {
    const f = jsFacts(js);
    const sockets = f.calls.filter((c) => SOCKET_CALL.test(c.callee) || (c.method === 'connect' && c.args.length >= 2 && c.args[0]!.type === 'Literal' && typeof c.args[0]!.value === 'number'));
    if (!sockets.length) return;
    const inSpan = (from: number, to: number) => f.strings.filter((s) => s.start >= from && s.end <= to);
    for (const c of processLaunches(f)) {
      const a0 = c.args[0];
      if (!a0 || !inSpan(a0.start, a0.end).some((s) => SHELL.test(s.value))) continue;
      // The process's streams and a socket joined by .pipe(): sock.pipe(sh.stdin), sh.stdout.pipe(sock).
      const bound = /(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*$/.exec(js.text.slice(Math.max(0, c.node.start - 80), c.node.start))?.[1];
      const piped = bound
        ? new RegExp(`\\.pipe\\(\\s*${bound.replace(/\$/g, '\\$')}\\.stdin\\b|\\b${bound.replace(/\$/g, '\\$')}\\.(?:stdout|stderr)\\.pipe\\(`).test(js.text)
        : /\.pipe\(\s*[\w$.]*\.stdin\b/.test(js.text);
      if (!piped) continue;
      const target = sockets.map((s) => inSpan(s.node.start, s.node.end).find((x) => /^[\w.-]+$/.test(x.value) && /\d|\./.test(x.value))?.value).find(Boolean);
      const local = !!target && isLocalHost(target) && /^(?:localhost|127\.|0\.0\.0\.0)/.test(target);
      ctx.report({
        at: { node: c.node },
        message: `A spawned shell is piped to an outgoing socket${target ? ` (${target})` : ''}: a reverse shell`,
        evidence: js.text.slice(c.node.start, Math.min(c.node.end, c.node.start + 200)),
        severity: local ? 'low' : 'critical',
        confidence: local ? 'low' : 'high',
        ...(target && !local ? { iocs: [{ type: /^\d+(?:\.\d+){3}$/.test(target) ? ('ip' as const) : ('domain' as const), value: target }] } : {}),
      });
      return;
    }
  },
});
