import { defineRule } from '../../core/rule.js';
import { at, clip, contentStrings } from './_util.js';

// Shapes of a shell bound to a socket; checked in the code and in code strings it writes or executes.
const BOUND_SHELL: Array<[string, RegExp]> = [
  ['socket duplicated onto stdin/stdout', /os\.dup2\s*\(\s*[\w.]+\.fileno\s*\(\s*\)\s*,\s*[012]\s*\)/],
  ['pty shell', /pty\.spawn\s*\(\s*["'](?:\/bin\/)?(?:ba|z)?sh["']/],
  ['shell fed from a socket', /subprocess\.(?:Popen|call|run)\s*\(\s*\[?\s*["'](?:\/bin\/(?:ba)?sh|cmd(?:\.exe)?|powershell(?:\.exe)?)["'][^)]*\bstdin\s*=\s*\w+\.fileno/],
  ['/dev/tcp reverse shell', /\/dev\/tcp\/[\w.]+\/\d+/],
];
// A command loop: data received from a socket goes to a shell.
const RECV_EXEC = /\.recv\s*\(\s*\d+\s*\)[\s\S]{0,400}?(?:subprocess\.(?:Popen|check_output|run|getoutput)|os\.(?:popen|system))\s*\(/;

export default defineRule({
  id: 'py-reverse-shell',
  meta: {
    kind: 'threat',
    category: 'execution',
    severity: 'critical',
    confidence: 'high',
    summary: 'Python opens a reverse shell or a remote command loop (socket → shell)',
    why: 'Backdoors give the attacker a shell by wiring a socket to /bin/sh or cmd.exe, or by running every command received over a socket.',
    fix: 'Do not run it. If it ran, disconnect the machine and treat it as compromised.',
    falsePositives: 'Remote-administration tools and CTF exercises have the same shape; a plain socket server that does not spawn a shell is not flagged.',
    references: ['https://attack.mitre.org/techniques/T1059/006/', 'CWE-506'],
    status: 'stable',
  },
  input: 'py-ast',
  prefilter: /dup2|pty\.spawn|fileno|\/dev\/tcp|recv/,
  check(ctx, py) {
    const targets = [{ value: py.text, node: py.root, decoded: false }, ...contentStrings(py).filter((s) => s.value.length > 40)];
    for (const t of targets) {
      // dup2 of a socket onto stdio is also how CGI servers hand a request to a script: only outbound connections count.
      const outbound = /\.connect(?:_ex)?\s*\(|create_connection\s*\(/.test(t.value);
      const hit = BOUND_SHELL.find(([name, re]) => (outbound || name !== 'socket duplicated onto stdin/stdout') && re.test(t.value)) ?? (RECV_EXEC.test(t.value) && /\bsocket\b/.test(t.value) ? (['socket command loop', RECV_EXEC] as [string, RegExp]) : undefined);
      if (!hit) continue;
      const m = hit[1].exec(t.value)!;
      const inCode = t.node === py.root;
      ctx.report({
        at: inCode ? { offset: m.index, length: m[0].length } : at(t.node),
        message: `Reverse shell: ${hit[0]}${inCode ? '' : ' (in a code string the file writes or runs)'}`,
        evidence: clip(m[0]),
        confidence: hit[0] === 'socket command loop' ? 'medium' : 'high',
      });
      return;
    }
  },
});
