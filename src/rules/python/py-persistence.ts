import { defineRule } from '../../core/rule.js';
import type { Node } from 'web-tree-sitter';
import type { PyFile } from '../../core/inputs.js';
import { modelOf, stringValue } from '../../analyzers/python/model.js';
import { at, clip, contentStrings } from './_util.js';

const MECHANISMS: Array<[string, RegExp]> = [
  ['Windows Run key', /Software\\+Microsoft\\+Windows\\+CurrentVersion\\+Run(?:Once)?\b/i],
  ['scheduled task', /\bschtasks(?:\.exe)?\s+\/create\b|Register-ScheduledTask/i],
  ['Windows service', /\bsc(?:\.exe)?\s+create\s+\S+[^\n]*\bstart=\s*auto\b|\bNew-Service\b[^\n]*-StartupType\s+Automatic/i],
  ['Startup folder', /Start Menu[\\/]+Programs[\\/]+Startup|shell:startup/i],
  ['LaunchAgent/LaunchDaemon', /Library[\\/]+Launch(?:Agents|Daemons)|launchctl\s+(?:load|bootstrap)/i],
  ['systemd user unit', /\.config[\\/]+systemd[\\/]+user|systemctl\s+--user\s+enable|loginctl\s+enable-linger/i],
  ['XDG autostart', /\.config[\\/]+autostart/i],
  ['cron', /@reboot\b|\|\s*crontab\s+-(?:\s|$)|crontab\s+-l\s*[|;]/i],
  ['shell profile', /(?:^|[\\/~])\.(?:bashrc|zshrc|bash_profile|profile)\b/],
];

/**
 * Paths and command lines spelled as separate literals: os.path.join(home, "Library", "LaunchAgents", x),
 * ["systemctl", "--user", "enable", unit], ["launchctl", "load", "-w", path]. The string arguments of each call and the
 * string items of each list/tuple, joined with '/' and with ' ', are tested like one string.
 */
function joinedStrings(py: PyFile): Array<{ value: string; node: Node; decoded: boolean }> {
  const out: Array<{ value: string; node: Node; decoded: boolean }> = [];
  const model = modelOf(py);
  const groups: Node[] = [];
  for (const c of model.calls) {
    const args = c.node.childForFieldName('arguments');
    if (args) groups.push(args);
    for (const a of c.args) if (a.type === 'list' || a.type === 'tuple') groups.push(a);
  }
  for (const g of groups.slice(0, 5000)) {
    const parts = g.namedChildren.filter((x): x is Node => !!x && x.type === 'string').map((x) => stringValue(x)).filter((v): v is string => !!v);
    if (parts.length < 2) continue;
    out.push({ value: parts.join('/'), node: g, decoded: false }, { value: parts.join(' '), node: g, decoded: false });
  }
  return out;
}

export default defineRule({
  id: 'py-persistence',
  meta: {
    kind: 'threat',
    category: 'persistence',
    severity: 'high',
    confidence: 'medium',
    summary: 'Python installs itself to start again (Run key, scheduled task, Windows service, Startup folder, LaunchAgent, systemd user unit, autostart, cron, shell profile)',
    why: 'Second stages make sure they survive a reboot: RATs from fake-recruiter lures add LaunchAgents, systemd user units with linger, Run keys or scheduled tasks.',
    fix: 'Do not run it. If it ran, look for the entry named in the evidence and remove it, then treat the machine as compromised.',
    falsePositives: 'System tools and dotfile managers edit shell profiles or cron: a single mechanism in a file counts at medium confidence, two or more at high.',
    references: ['https://attack.mitre.org/tactics/TA0003/', 'https://attack.mitre.org/techniques/T1547/001/'],
    status: 'stable',
  },
  input: 'py-ast',
  prefilter: /CurrentVersion|schtasks|ScheduledTask|sc(?:\.exe)? create|New-Service|Startup|startup|Launch|systemd|systemctl|autostart|crontab|@reboot|cron\.|\.bashrc|\.zshrc|\.profile|\.bash_profile|exec|eval/,
  check(ctx, py) {
    const found = new Map<string, { node: (ReturnType<typeof contentStrings>)[number]['node']; value: string }>();
    for (const s of [...contentStrings(py), ...joinedStrings(py)]) {
      for (const [name, re] of MECHANISMS) {
        if (found.has(name)) continue;
        const m = re.exec(s.value);
        if (m) found.set(name, { node: s.node, value: s.decoded ? m[0] : s.value });
      }
    }
    if (!found.size) return;
    // A shell profile alone is what installers of CLI tools touch: only count it with another mechanism or a write.
    if (found.size === 1 && found.has('shell profile') && !/open\s*\([^)]*\.(?:bashrc|zshrc|bash_profile|profile)\b[^)]*['"]a/.test(py.text)) return;
    const first = [...found.values()].sort((a, b) => a.node.startIndex - b.node.startIndex)[0]!;
    ctx.report({
      at: at(first.node),
      message: `Persistence: ${[...found.keys()].join(', ')}`,
      evidence: clip([...found.values()].map((f) => f.value).join(' | ')),
      confidence: found.size >= 2 ? 'high' : 'medium',
    });
  },
});
