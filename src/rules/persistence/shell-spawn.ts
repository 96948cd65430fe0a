import { defineRule } from '../../core/rule.js';
import { SPLIT_MODULE_HINT } from '../../analyzers/js/hints.js';
import { argText, evalSinks, jsFacts, networkSends, processLaunches } from '../stealing/_js-facts.js';
import { clip, isLocalHost, isPublicIPv4, urlsIn } from '../stealing/_iocs.js';

const SHELL_CMD = /^(?:\/bin\/(?:ba|z)?sh|sh|bash|zsh|cmd(?:\.exe)?|powershell(?:\.exe)?|pwsh|wscript|cscript|mshta)\b|\b(?:\/bin\/(?:ba)?sh\s+-c|cmd(?:\.exe)?\s+\/[ck]|powershell(?:\.exe)?\s+(?:-\w+\s+)*-(?:e|enc|encodedcommand|c|command|w(?:indowstyle)?\s+hidden)\b|start\s+\/b)/i;

// Command strings that need a shell to mean what they say: pipes, chaining, redirection, substitution.
const SHELL_META = /\||&&|;\s*\w|>\s*\S|\$\(|`/;

export default defineRule({
  id: 'shell-spawn',
  meta: {
    kind: 'capability',
    category: 'persistence',
    severity: 'medium',
    confidence: 'medium',
    summary: 'Runs shell commands from code: shell:true, /bin/sh -c, cmd /c, powershell, detached+unref, windowsHide',
    why: 'Loaders and RATs run their next step through a shell, hidden (`windowsHide: true`) and detached from the parent (`detached` + `unref()`) so it outlives `npm start`. On its own this is a capability; next to a download, a C2 or an eval it is how the payload runs.',
    fix: 'Read the command it runs. If it launches a downloaded file, a hidden PowerShell or a detached background process, do not run the project.',
    falsePositives: 'Build tools (esbuild, node-gyp, husky) spawn processes all the time: a plain launch is not reported, a shell launch (shell syntax, shell:true, hidden or detached) is low; it rises to medium/high only in a file that also reaches a raw public IP (or mixes network input, eval and a detached launch).',
    references: ['https://attack.mitre.org/techniques/T1059/', 'https://attack.mitre.org/techniques/T1564/003/'],
    status: 'stable',
  },
  input: 'js-ast',
  prefilter: [[/child_process|execa|shelljs|cross-spawn|_0x[0-9a-f]{4}/, SPLIT_MODULE_HINT]],
  check(ctx, js) {
    const f = jsFacts(js);
    const launches = processLaunches(f);
    if (!launches.length) return;
    const sends = networkSends(f).length > 0;
    const evals = evalSinks(f).length > 0;
    const rawIp = f.strings.some((s) => s.value.length < 2000 && urlsIn(s.value).some((u) => !isLocalHost(u.host) && isPublicIPv4(u.host)));
    // What turns a launch into a threat: a raw-IP endpoint, or network input next to an eval (a loader's shape).
    const context = [rawIp && 'raw-IP URL', sends && evals && 'network + eval'].filter(Boolean) as string[];
    let n = 0;
    for (const c of launches) {
      const call = js.text.slice(c.node.start, Math.min(c.node.end, c.node.start + 2000));
      const cmd = argText(f, c);
      const traits: string[] = [];
      if (/\bshell\s*:\s*(?:true|!0|['"`])/.test(call)) traits.push('shell:true');
      const sh = SHELL_CMD.exec(cmd.trimStart());
      if (sh) traits.push(clip(sh[0].trim(), 30));
      else if (/exec(?:Sync)?$/.test(c.callee) && SHELL_META.test(cmd)) traits.push('exec with shell syntax');
      const hidden = /\bwindowsHide\s*:\s*(?:true|!0)/.test(call);
      const detached = /\bdetached\s*:\s*(?:true|!0)/.test(call) && /\.unref\s*\(/.test(js.text.slice(c.node.start, Math.min(js.text.length, c.node.end + 200)));
      if (hidden) traits.push('windowsHide');
      if (detached) traits.push('detached+unref');
      if (!traits.length) continue;
      const stealthy = hidden || detached || /-w(?:indowstyle)?\s+hidden|-enc(?:odedcommand)?\b/i.test(cmd);
      let severity: 'high' | 'medium' | 'low';
      let confidence: 'high' | 'medium' | 'low';
      if (rawIp && stealthy) [severity, confidence] = ['high', 'medium'];
      else if (rawIp || (context.length && detached)) [severity, confidence] = ['medium', 'low'];
      else [severity, confidence] = ['low', 'low'];
      ctx.report({
        at: { node: c.node },
        message: `Shell launch (${traits.join(', ')})${context.length ? ` in a file that also has ${context.join(', ')}` : ''}`,
        evidence: clip(call, 240),
        decoded: cmd && !call.includes(cmd) ? clip(cmd, 300) : undefined,
        severity,
        confidence,
      });
      if (++n >= 3) break;
    }
  },
});
