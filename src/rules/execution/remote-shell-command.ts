import { defineRule } from '../../core/rule.js';
import type { Node } from '../../analyzers/js/walk.js';
import { originsOf } from '../../analyzers/js/flow.js';
import { isRegExpExec, jsFacts, processLaunches, type Call } from '../stealing/_js-facts.js';
import { describeSource, urlIocs } from './_exec.js';

/** Launchers whose first argument is a whole shell command line. */
const SHELL_LINE = /(?:^|\.)(?:exec|execSync|execaCommand|execaCommandSync)$|^(?:shell\.exec|\$)$/;
const SHELLS = /^(?:(?:\/usr)?\/bin\/)?(?:ba|z|da)?sh$|^(?:cmd|powershell|pwsh)(?:\.exe)?$/i;

/** The argument that holds the command text: exec(cmd), spawn(cmd, { shell: true }), spawn('sh', ['-c', cmd]). */
function commandArg(c: Call, text: string): Node | null {
  const [a0, a1] = c.args;
  if (!a0) return null;
  if (SHELL_LINE.test(c.callee)) return a0;
  if (!/(?:^|\.)(?:spawn|spawnSync|execFile|execFileSync)$/.test(c.callee)) return null;
  if (c.args.some((a) => a.type === 'ObjectExpression' && /\bshell\s*:\s*(?:true|!0|['"])/.test(text.slice(a.start, a.end)))) return a0;
  const prog = a0.type === 'Literal' && typeof a0.value === 'string' ? a0.value : null;
  if (!prog || !SHELLS.test(prog) || a1?.type !== 'ArrayExpression') return null;
  const items = (a1.elements ?? []) as Array<Node | null>;
  const flag = items.findIndex((e) => e?.type === 'Literal' && typeof e.value === 'string' && /^(?:-c|\/c|-Command|-command)$/.test(e.value));
  return flag >= 0 ? (items[flag + 1] ?? null) : null;
}

export default defineRule({
  id: 'remote-shell-command',
  meta: {
    kind: 'threat',
    category: 'execution',
    severity: 'critical',
    confidence: 'high',
    summary: 'A shell command received from the network is executed (exec(response.data.cmd), spawn("sh", ["-c", body]))',
    why: 'Lure backdoors (OtterCookie, BeaverTail RAT modules) poll a C2 server or listen on a socket and run the commands it sends with child_process.exec: the command never appears in the repository.',
    fix: 'Do not run the project. Block the host shown; if it ran, treat the machine as remotely controlled.',
    falsePositives: 'A command from a URL on localhost (a local dev agent) is reported at medium/low; commands built from local configuration are not reported.',
    references: ['https://attack.mitre.org/techniques/T1059/', 'https://attack.mitre.org/techniques/T1071/001/', 'CWE-78'],
    status: 'stable',
  },
  input: 'js-ast',
  prefilter: [/\b(?:exec|execSync|spawn|spawnSync|execFile|execFileSync|execaCommand|execaCommandSync)\b/, /\b(?:fetch|axios|got|request|https?\.(?:get|request)|needle|superagent|socket|io\(|XMLHttpRequest|WebSocket|undici)\b/],
  check(ctx, js) {
    const f = jsFacts(js);
    for (const c of processLaunches(f)) {
      if (isRegExpExec(c)) continue; // /re/.exec(s): not a launch, and tracing it builds a bundle's whole flow index
      const cmd = commandArg(c, js.text);
      // A command line is never a function: Mongoose's query.exec(cb) / promise-style .exec() callbacks are not launches.
      if (!cmd || cmd.type === 'Literal' || cmd.type === 'ArrowFunctionExpression' || cmd.type === 'FunctionExpression') continue;
      const net = originsOf(cmd, js.ast).filter((o) => o.kind === 'network' || o.kind === 'network-error');
      const o = net.find((x) => x.kind === 'network-error') ?? net[0];
      if (!o) continue;
      const rpc = o.label.endsWith('(blockchain RPC)');
      const src = rpc ? { text: o.label, external: true, relative: false, url: undefined } : describeSource(o, js.ast);
      const local = !!src.url && !src.external;
      ctx.report({
        at: { node: c.node },
        message: `${c.callee.replace(/^child_process\./, '')} runs a shell command received from ${o.kind === 'network-error' ? 'the error response of' : 'the response of'} ${src.text}`,
        evidence: js.text.slice(c.node.start, Math.min(c.node.end, c.node.start + 300)),
        ...(src.url ? { decoded: src.url } : {}),
        severity: local ? 'medium' : 'critical',
        confidence: local ? 'low' : js.facts.vendored || js.facts.minified ? 'medium' : 'high',
        iocs: urlIocs(src.url),
      });
    }
  },
});
