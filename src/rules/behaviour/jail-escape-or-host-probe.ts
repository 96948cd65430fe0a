import { defineRule } from '../../core/rule.js';
import { actionAt, who } from './_obs.js';

const HOST_SECRETS = /^(\/etc\/(shadow|gshadow|sudoers)|\/root\/|\/var\/run\/docker\.sock|\/run\/docker\.sock|\/proc\/1\/(environ|root)|\/proc\/kcore|\/dev\/(mem|kmem|sd[a-z]))/;
const VM_PROBES = /^(\/sys\/class\/dmi\/id\/(product_name|sys_vendor|board_vendor)|\/proc\/scsi\/scsi|\/sys\/hypervisor)/;

export default defineRule({
  id: 'jail-escape-or-host-probe',
  meta: {
    kind: 'threat',
    category: 'evasion',
    severity: 'high',
    confidence: 'medium',
    summary: 'Probed for host secrets, other users’ homes, virtualisation, or tried namespace/mount/ptrace calls',
    why: 'Stealers read other users’ files and system secrets; RATs check whether they run in a VM before unpacking; escape attempts use mount, ptrace and namespace calls.',
    fix: 'Treat the project as hostile; look at the process chain shown.',
    falsePositives: 'Runtimes probe /sys and /proc for CPU and memory information; those paths are not reported. Build tools that use ptrace (debuggers) are rare in take-home tests.',
    references: ['https://attack.mitre.org/techniques/T1497/', 'https://attack.mitre.org/techniques/T1611/'],
    status: 'preview',
  },
  input: 'observations',
  check(ctx, obs) {
    const seen = new Set<string>();
    const home = obs.identity.home;
    for (const rec of obs.syscalls) {
      let what: string | undefined;
      let severity: 'high' | 'medium' | 'low' = 'high';
      if (rec.kind === 'escape') {
        what = `called ${rec.call}(${rec.args.slice(0, 80)})${rec.ok ? '' : ' (denied)'}`;
      } else if (rec.kind === 'open' && !rec.write) {
        if (HOST_SECRETS.test(rec.path)) what = `tried to read ${rec.path}`;
        else if (rec.path.startsWith('/home/') && !rec.path.startsWith(`${home}/`) && rec.path !== home) what = `tried to read another user’s home: ${rec.path}`;
        else if (VM_PROBES.test(rec.path)) {
          what = `checked for a virtual machine via ${rec.path}`;
          severity = 'medium';
        }
      }
      if (!what || seen.has(what)) continue;
      seen.add(what);
      ctx.report({ ...actionAt(obs, rec.action), message: what.charAt(0).toUpperCase() + what.slice(1), evidence: `${what} — by ${who(obs, rec)}`, severity });
    }
  },
});
