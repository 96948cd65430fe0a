import { defineRule } from '../../core/rule.js';
import { actionAt, who } from './_obs.js';

const PIPE_TO_SHELL = /\b(curl|wget)\b[^|;&]*\|\s*(sudo\s+)?(ba|z|da)?sh\b|\b(iwr|Invoke-WebRequest|irm)\b[^|]*\|\s*iex/i;
const DOWNLOADER = /^(curl|wget)$/;

export default defineRule({
  id: 'shell-pipe-observed',
  meta: {
    kind: 'threat',
    category: 'execution',
    severity: 'critical',
    confidence: 'high',
    summary: 'Started a shell that pipes a download into a shell, or ran curl/wget, while running',
    why: 'Folder-open tasks and install scripts of lures run `curl …/settings/linux | sh`: whatever the server sends is executed.',
    fix: 'Do not open or install the project; the URL in the command is the attacker’s server.',
    falsePositives: 'Install scripts of native modules may download prebuilt binaries with their own code (not with curl|sh); those show as network findings instead.',
    references: ['https://attack.mitre.org/techniques/T1059/004/'],
    status: 'preview',
  },
  input: 'observations',
  check(ctx, obs) {
    const seen = new Set<string>();
    for (const rec of obs.syscalls) {
      if (rec.kind !== 'exec' || !rec.ok) continue;
      const line = rec.argv.join(' ');
      const base = (rec.argv[0] ?? '').split('/').pop() ?? '';
      const pipe = PIPE_TO_SHELL.test(line);
      if (!pipe && !DOWNLOADER.test(base)) continue;
      if (seen.has(line)) continue;
      seen.add(line);
      ctx.report({ ...actionAt(obs, rec.action), message: pipe ? 'Piped a download into a shell' : `Ran ${base} to download something`, evidence: `${line.slice(0, 300)} — by ${who(obs, rec)}`, severity: pipe ? 'critical' : 'high' });
    }
  },
});
