import type { Syscall } from '../../core/observations.js';
import { defineRule } from '../../core/rule.js';
import { actionAt, who } from './_obs.js';

const LOOPBACK = /^(127\.|::1$|0\.0\.0\.0$)/;
// Our own fake DNS answer: a connection to it is to a *named* host, reported through the DNS event.
const FAKE = '198.18.0.42';
const REGISTRY = /(^|\.)(registry\.npmjs\.org|registry\.yarnpkg\.com|pypi\.org|files\.pythonhosted\.org)$/;

export default defineRule({
  id: 'outbound-network',
  meta: {
    kind: 'threat',
    category: 'exfiltration',
    severity: 'high',
    confidence: 'medium',
    summary: 'Reached out to the network while running (DNS lookup, raw-IP connection or HTTP request)',
    why: 'A coding test has no reason to contact hosts on install or start; loaders fetch their payload from dead drops or raw-IP C2 servers (ports 1224/1244/1245).',
    fix: 'Look at the destination and the request body shown: a payload URL or an upload of your data is the attack.',
    falsePositives: 'Package registries contacted by npm/pip are reported at low severity; apps that call their own public API on start show here too.',
    references: ['https://attack.mitre.org/techniques/T1071/'],
    status: 'preview',
  },
  input: 'observations',
  check(ctx, obs) {
    const first = Math.max(0, obs.actions.findIndex((a) => !a.skipped));
    // Which action made a connection: strace saw the connect (pid → action); the sink saw what was sent.
    const connectBy = new Map<string, Array<Syscall & { action: number }>>();
    for (const rec of obs.syscalls) {
      if (rec.kind !== 'connect' || rec.family === 'unix' || LOOPBACK.test(rec.address)) continue;
      const key = `${rec.address.replace(/^::ffff:/, '')}:${rec.port}`;
      connectBy.set(key, [...(connectBy.get(key) ?? []), rec]);
    }
    const names = new Set<string>();
    for (const ev of obs.network) {
      if (ev.type !== 'dns' || !ev.name || names.has(ev.name)) continue;
      names.add(ev.name);
      const registry = REGISTRY.test(ev.name);
      ctx.report({ ...actionAt(obs, first), message: `Looked up ${ev.name}`, evidence: `DNS query ${ev.name}`, severity: registry ? 'low' : 'high', confidence: registry ? 'low' : 'medium', iocs: registry ? [] : [{ type: 'domain', value: ev.name }] });
    }
    const explained = new Set<string>();
    for (const ev of obs.network) {
      if (ev.type !== 'tcp') continue;
      const address = (ev.localAddress ?? '').replace(/^::ffff:/, '');
      const key = `${address}:${ev.port}`;
      explained.add(key);
      // Several connections to one address:port are matched in order.
      const queue = connectBy.get(key);
      const conn = queue && queue.length > 1 ? queue.shift() : queue?.[0];
      const host = ev.http?.headers.find((h) => /^host:/i.test(h))?.slice(5).trim() ?? ev.sni;
      const raw = address !== FAKE;
      const dest = raw ? key : `${host ?? 'a named host'}${host?.includes(':') ? '' : `:${ev.port}`}`;
      const what = ev.http ? ev.http.requestLine : ev.sni ? `TLS connection (SNI ${ev.sni})` : `${ev.bytes ?? 0} bytes`;
      const body = ev.http && ev.body ? ` — body: ${ev.body.slice(0, 200)}` : '';
      const registry = !raw && !!host && REGISTRY.test(host.replace(/:\d+$/, ''));
      const severity = registry ? 'low' : raw || ev.http?.requestLine.startsWith('POST') ? 'critical' : 'high';
      const url = ev.http && host ? `http://${host}${ev.http.requestLine.split(' ')[1] ?? ''}` : undefined;
      ctx.report({
        ...actionAt(obs, conn?.action ?? first),
        message: `Sent ${ev.http ? 'a request' : 'data'} to ${dest}: ${what}`,
        evidence: `${what}${body}${conn ? ` — by ${who(obs, conn)}` : ''}`,
        severity,
        confidence: registry ? 'low' : 'high',
        iocs: [...(raw ? [{ type: 'ip' as const, value: address }] : []), ...(url && !registry ? [{ type: 'url' as const, value: url }] : [])],
      });
    }
    for (const [key, [rec]] of connectBy) {
      if (explained.has(key) || !rec) continue;
      const raw = rec.kind === 'connect' && rec.address !== FAKE;
      ctx.report({
        ...actionAt(obs, rec.action),
        message: raw ? `Tried to connect to the raw IP address ${key}` : `Tried to connect to a named host on port ${key.split(':').pop()}`,
        evidence: `connect ${key} by ${who(obs, rec)}`,
        severity: raw ? 'critical' : 'high',
        confidence: 'high',
        iocs: raw && rec.kind === 'connect' ? [{ type: 'ip', value: rec.address }] : [],
      });
    }
  },
});
