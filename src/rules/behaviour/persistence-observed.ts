import { defineRule } from '../../core/rule.js';
import { actionAt, who } from './_obs.js';

const PLACES: Array<[RegExp, string]> = [
  [/\/\.config\/autostart\//, 'an XDG autostart entry'],
  [/\/Library\/LaunchAgents\//, 'a macOS LaunchAgent'],
  [/\/\.config\/systemd\/user\//, 'a systemd user unit'],
  [/\/\.(bashrc|zshrc|profile|bash_profile|zprofile|zshenv)$/, 'a shell startup file'],
  [/\/\.git\/hooks\/[^/]+$/, 'a git hook'],
  [/\/(crontabs?|cron\.d)\//, 'a crontab'],
  [/\/AppData\/Roaming\/Microsoft\/Windows\/Start Menu\/Programs\/Startup\//i, 'a Windows startup entry'],
];

export default defineRule({
  id: 'persistence-observed',
  meta: {
    kind: 'threat',
    category: 'persistence',
    severity: 'critical',
    confidence: 'high',
    summary: 'Wrote an autostart location (autostart entry, LaunchAgent, systemd unit, shell rc file, crontab, git hook)',
    why: 'Malware survives reboots by registering itself to start again; a take-home test never needs to.',
    fix: 'If this ran on a real machine, inspect and remove the entry written, and treat the machine as compromised.',
    falsePositives: 'husky and simple-git-hooks install git hooks in the project’s own .git on npm install: hooks inside the project folder are reported at medium.',
    references: ['https://attack.mitre.org/tactics/TA0003/'],
    status: 'preview',
  },
  input: 'observations',
  check(ctx, obs) {
    const seen = new Set<string>();
    for (const rec of obs.syscalls) {
      const path = rec.kind === 'open' && rec.write && rec.ok ? rec.path : rec.kind === 'rename' && rec.ok ? rec.to : undefined;
      const crontab = rec.kind === 'exec' && rec.ok && /(^|\/)crontab$/.test(rec.argv[0] ?? '') && rec.argv.length > 1;
      if (!path && !crontab) continue;
      const place = crontab ? 'a crontab' : PLACES.find(([re]) => re.test(path!))?.[1];
      if (!place) continue;
      const key = path ?? 'crontab';
      if (seen.has(key)) continue;
      seen.add(key);
      const inProject = !!path && path.startsWith(`${obs.identity.home}/projects/`);
      ctx.report({
        ...actionAt(obs, rec.action),
        message: `Wrote ${place}${path ? `: ${path.replace(obs.identity.home, '~')}` : ''}`,
        evidence: `${crontab && rec.kind === 'exec' ? rec.argv.join(' ') : path} by ${who(obs, rec)}`,
        severity: inProject ? 'medium' : 'critical',
        confidence: inProject ? 'medium' : 'high',
      });
    }
  },
});
