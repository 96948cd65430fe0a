import { defineRule } from '../../core/rule.js';
import { evalSinks, fileWrites, jsFacts, networkSends, processLaunches, type Str, evidenceOf } from '../stealing/_js-facts.js';
import { clip, dedupeIocs, isLocalHost, isPublicIPv4, urlsIn } from '../stealing/_iocs.js';
import { partitionPoint } from '../../core/search.js';
import { flatAst, type Node } from '../../analyzers/js/walk.js';
import { downloadToShell } from '../autorun/_shapes.js';

/** How far a loader may sit from the persistence string and still count as its context (outside a shared function). */
const NEAR_LINES = 150;
const NEAR_CHARS = 30_000;
const FN_TYPES = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);

/** The innermost function around offset `pos` (descends the flat pre-order AST; null at the top level). */
function enclosingFunction(ast: Node, pos: number): Node | null {
  const { nodes, end } = flatAst(ast);
  let fn: Node | null = null;
  let i = 0;
  for (let guard = 0; i < nodes.length && guard < 100_000; guard++) {
    let j = i + 1;
    while (j < end[i]! && !(nodes[j]!.start <= pos && pos < nodes[j]!.end)) j = end[j]!;
    if (j >= end[i]!) break;
    i = j;
    if (FN_TYPES.has(nodes[i]!.type)) fn = nodes[i]!;
  }
  return fn;
}

/**
 * "Near one of the anchors": inside the anchor's function (a bundle's module wrapper counts as one), or within
 * NEAR_LINES lines and NEAR_CHARS characters of it. A 2 MB bundle's unrelated fetch and eval are not context.
 */
function nearAnchors(text: string, ast: Node, anchors: Array<{ start: number }>): (pos: number) => boolean {
  const fns = anchors.map((a) => enclosingFunction(ast, a.start));
  let newlines: number[] | null = null;
  const lineOf = (pos: number) => {
    if (!newlines) {
      newlines = [];
      for (let k = text.indexOf('\n'); k !== -1; k = text.indexOf('\n', k + 1)) newlines.push(k);
    }
    const nl = newlines;
    return partitionPoint(nl.length, (k) => nl[k]! < pos);
  };
  return (pos) => anchors.some((a, k) => {
    const fn = fns[k];
    if (fn && fn.start <= pos && pos < fn.end) return true;
    return Math.abs(pos - a.start) <= NEAR_CHARS && Math.abs(lineOf(pos) - lineOf(a.start)) <= NEAR_LINES;
  });
}

const MECHANISMS: Array<[string, RegExp]> = [
  ['macOS LaunchAgent', /Library[\\/]+Launch(?:Agents|Daemons)|<key>RunAtLoad<\/key>|\blaunchctl\s+(?:load|bootstrap|enable)\b/],
  ['systemd user unit', /\.config[\\/]+systemd[\\/]+user|\bsystemctl\s+--user\s+(?:enable|start)|\bloginctl\s+enable-linger\b/],
  ['XDG autostart entry', /\.config[\\/]+autostart|X-GNOME-Autostart-enabled/],
  ['Windows Run key', /CurrentVersion\\+Run(?:Once)?\b|\breg(?:\.exe)?\s+add\b[^\n]*\\Run\b/i],
  ['scheduled task', /\bschtasks(?:\.exe)?\s+\/create\b|\bRegister-ScheduledTask\b/i],
  ['Startup folder', /Start Menu[\\/]+Programs[\\/]+Startup/i],
  ['crontab', /\bcrontab\s+(?:-l|-\s|\S+\.txt)|@reboot\b|[\\/]etc[\\/]cron/],
  ['shell rc file', /(?:^|[\\/~])\.(?:bashrc|zshrc|bash_profile|zprofile|zshenv|profile)$/],
  ['SSH authorized_keys', /(?:^|[\\/])authorized_keys2?$/],
];

/**
 * The same places spelt as separate path.join segments (`path.join(appData, 'Start Menu', 'Programs', 'Startup')`):
 * every segment a whole string of the file.
 */
const SEGMENTS: Array<[string, string[]]> = [
  ['Startup folder', ['Start Menu', 'Programs', 'Startup']],
  ['macOS LaunchAgent', ['Library', 'LaunchAgents']],
  ['systemd user unit', ['systemd', 'user']],
  ['XDG autostart entry', ['.config', 'autostart']],
];

/** A fixed SSH public key: appended to authorized_keys it is a backdoor login. */
const SSH_PUBKEY = /\b(?:ssh-(?:rsa|ed25519|dss)|ecdsa-sha2-nistp\d+) AAAA[0-9A-Za-z+/]{20,}/;

export default defineRule({
  id: 'persistence-write',
  meta: {
    kind: 'threat',
    category: 'persistence',
    severity: 'high',
    confidence: 'medium',
    summary: 'Installs itself to start again: LaunchAgent plist, systemd user unit + linger, autostart entry, Run key, scheduled task, Startup folder, crontab, shell rc, SSH authorized_keys',
    why: 'Lure payloads survive reboots and closed terminals by writing a LaunchAgent (com.avatar.update.wake.plist), a systemd user unit with `loginctl enable-linger`, an XDG autostart file, an HKCU Run key, a scheduled task, a crontab line or a line in ~/.bashrc / ~/.zshrc.',
    fix: 'Do not run the project. If it ran, remove the entry it wrote (listed in the evidence) and treat the machine as compromised.',
    falsePositives: 'Electron auto-launch helpers write LaunchAgents and Run keys and shell installers append PATH lines to rc files: an autostart entry written by code is medium and a shell rc write low; next to a raw-IP endpoint, network input + eval, or a detached launch with network (in the same function or within 150 lines: a large bundle\'s unrelated modules do not count) it is high; when the entry itself pipes a download into a shell or adds a fixed SSH key it is critical; a mention with nothing written or launched is not reported.',
    references: ['https://attack.mitre.org/techniques/T1543/001/', 'https://attack.mitre.org/techniques/T1547/001/', 'https://attack.mitre.org/techniques/T1053/'],
    status: 'stable',
  },
  input: 'js-ast',
  prefilter: /LaunchAgents|LaunchDaemons|RunAtLoad|launchctl|systemd|loginctl|autostart|CurrentVersion|schtasks|ScheduledTask|Startup|crontab|@reboot|\/etc\/cron|bashrc|zshrc|bash_profile|zprofile|zshenv|\.profile|authorized_keys|_0x[0-9a-f]{4}|fromCharCode|base64/,
  check(ctx, js) {
    const f = jsFacts(js);
    const found: Array<{ name: string; s: Str }> = [];
    for (const s of f.strings) {
      if (s.value.length > 4000) continue;
      // A bare ".profile" after a template expression is a key suffix (webpack's `${type}.profile` stats entry), not a
      // file: only a whole string literal or a path names the rc file.
      const suffixOnly = s.value === '.profile' && s.afterExpression === true;
      for (const [name, re] of MECHANISMS) if (re.test(s.value) && !suffixOnly && !found.some((x) => x.name === name)) found.push({ name, s });
    }
    for (const [name, parts] of SEGMENTS) {
      if (found.some((x) => x.name === name)) continue;
      const hits = parts.map((part) => f.strings.find((s) => s.value === part));
      if (hits.every(Boolean)) found.push({ name, s: hits[hits.length - 1]! });
    }
    if (!found.length) return;
    const writes = fileWrites(f).length > 0;
    const launches = processLaunches(f);
    // A shell-command mechanism (schtasks, reg add, launchctl, crontab, loginctl) counts as written when it is launched.
    if (!writes && !launches.length) return;
    // What makes an autostart entry a threat: it sits next to a loader (network input + eval, a raw-IP endpoint, or a
    // detached launch with network) in the same function or a few lines away, not anywhere in a large bundle.
    const near = nearAnchors(js.text, js.ast, found.map((x) => x.s));
    const rawIp = f.strings.some((s) => s.value.length < 2000 && near(s.start) && urlsIn(s.value).some((u) => !isLocalHost(u.host) && isPublicIPv4(u.host)));
    const sends = networkSends(f).some((c) => near(c.node.start));
    const context = [rawIp && 'raw-IP URL', sends && evalSinks(f).some((c) => near(c.node.start)) && 'network + eval',
      sends && launches.some((c) => near(c.node.start) && /detached\s*:\s*(?:true|!0)/.test(js.text.slice(c.node.start, Math.min(c.node.end, c.node.start + 2000)))) && 'network + detached launch'].filter(Boolean) as string[];
    // What the entry would run: a download piped into a shell, or a fixed SSH key for authorized_keys. Either makes
    // the entry itself the payload, whatever surrounds it.
    const fetchRun = f.strings.find((s) => s.value.length < 4000 && near(s.start) && downloadToShell(s.value));
    const sshKey = found.some((x) => x.name === 'SSH authorized_keys') && f.strings.some((s) => s.value.length < 4000 && near(s.start) && SSH_PUBKEY.test(s.value));
    const payload = fetchRun ? `a download piped into a shell: ${clip(downloadToShell(fetchRun.value)!.evidence, 160)}` : sshKey ? 'a fixed SSH public key' : '';
    if (payload) context.unshift(payload);
    // Completion installers and PATH setup append to shell rc files: alone that is low.
    const onlyRc = found.every((x) => x.name === 'shell rc file');
    const [severity, confidence] = payload ? (['critical', 'high'] as const) : context.length ? (['high', 'high'] as const) : onlyRc ? (['low', 'low'] as const) : (['medium', 'medium'] as const);
    const at = found[0]!.s;
    ctx.report({
      at: { node: at },
      message: `Persistence: ${found.map((x) => x.name).join(', ')}${context.length ? ` (next to ${context.join(', ')})` : ''}`,
      evidence: clip(evidenceOf(js, at)),
      decoded: found.find((x) => x.s.folded)?.s.value,
      severity,
      confidence,
      iocs: dedupeIocs(found.filter((x) => /[\\/]/.test(x.s.value)).map((x) => ({ type: 'path' as const, value: clip(x.s.value, 160) }))),
    });
  },
});
