import { defineRule } from '../../core/rule.js';
import { actionAt, who } from './_obs.js';

export default defineRule({
  id: 'dropped-file-executed',
  meta: {
    kind: 'threat',
    category: 'execution',
    severity: 'critical',
    confidence: 'high',
    summary: 'Wrote a file outside the project and then executed it (a dropped second stage)',
    why: 'Contagious Interview loaders download a second stage (~/.npl, ~/.pyp/python.exe, p.zip) and run it; writing then executing a file in the home or /tmp is that step.',
    fix: 'Do not run the project. The file path shown is the dropped payload; if it ran on a real machine, remove it and treat the machine as compromised.',
    falsePositives: 'Build tools executing freshly compiled binaries inside node_modules/.cache or the project folder are not reported (only home and temp folders outside the project).',
    references: ['https://attack.mitre.org/techniques/T1105/'],
    status: 'preview',
  },
  input: 'observations',
  check(ctx, obs) {
    const written = new Map<string, number>();
    const projectPrefix = `${obs.identity.home}/projects/`;
    const outside = (p: string) => !p.startsWith(projectPrefix) && (p.startsWith(obs.identity.home) || p.startsWith('/tmp/') || p.startsWith('/var/tmp/') || p.startsWith('/dev/shm/'));
    for (const rec of obs.syscalls) {
      if (rec.kind === 'open' && rec.write && rec.ok && outside(rec.path)) written.set(rec.path, rec.pid);
      if (rec.kind === 'rename' && rec.ok && outside(rec.to)) written.set(rec.to, rec.pid);
      if (rec.kind === 'exec' && rec.ok) {
        const script = rec.argv.slice(1).find((a) => written.has(a));
        const target = written.has(rec.path) ? rec.path : script;
        if (!target) continue;
        ctx.report({ ...actionAt(obs, rec.action), message: `Executed ${target}, a file it had just written`, evidence: `exec ${rec.argv.join(' ').slice(0, 200)} by ${who(obs, rec)}`, iocs: [{ type: 'path', value: target.replace(obs.identity.home, '~') }] });
        written.delete(target);
      }
    }
  },
});
