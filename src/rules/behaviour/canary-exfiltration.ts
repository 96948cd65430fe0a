import { defineRule } from '../../core/rule.js';
import { actionAt } from './_obs.js';

export default defineRule({
  id: 'canary-exfiltration',
  meta: {
    kind: 'threat',
    category: 'exfiltration',
    severity: 'critical',
    confidence: 'high',
    summary: 'Sent a decoy secret out of the machine (seen on the jail’s network sinks or in a command line)',
    why: 'The canary value only existed in the fake home or environment; seeing it in an outbound request proves the code steals and uploads secrets.',
    fix: 'Treat the project as malware. If it ran anywhere real, rotate the secret class named, and report the destination shown.',
    falsePositives: 'None known: canary values are random and unique to the run.',
    references: ['https://attack.mitre.org/techniques/T1041/', 'CWE-200'],
    status: 'preview',
    nearCertain: true,
  },
  input: 'observations',
  check(ctx, obs) {
    const reported = new Set<string>();
    const firstAction = obs.actions.findIndex((a) => !a.skipped);
    for (const ev of obs.network) {
      if (ev.type !== 'tcp') continue;
      const payload = `${ev.http?.requestLine ?? ''}\n${(ev.http?.headers ?? []).join('\n')}\n${decodeBody(ev.body ?? '', !!ev.http)}`;
      for (const c of obs.canaries) {
        if (reported.has(c.token) || !containsToken(payload, c.token)) continue;
        reported.add(c.token);
        const dest = `${ev.localAddress ?? '?'}:${ev.port}${ev.http ? ` ${ev.http.requestLine}` : ''}`;
        ctx.report({
          ...actionAt(obs, Math.max(0, firstAction)),
          message: `Uploaded the decoy ${c.secretClass} to ${dest}`,
          evidence: payload.slice(0, 300),
          iocs: [{ type: 'ip' as const, value: ev.localAddress ?? '' }].filter((i) => i.value),
        });
      }
    }
    for (const rec of obs.syscalls) {
      if (rec.kind !== 'exec') continue;
      const line = rec.argv.join(' ');
      for (const c of obs.canaries) {
        if (reported.has(c.token) || !line.includes(c.token)) continue;
        reported.add(c.token);
        ctx.report({ ...actionAt(obs, rec.action), message: `Passed the decoy ${c.secretClass} to a program`, evidence: line.slice(0, 300) });
      }
    }
  },
});

function decodeBody(body: string, http: boolean): string {
  return http ? body : Buffer.from(body, 'base64').toString('latin1');
}

/** The token as sent: raw, URL-encoded, base64, or as a JSON byte array (id.json style). */
function containsToken(payload: string, token: string): boolean {
  if (payload.includes(token)) return true;
  if (payload.includes(encodeURIComponent(token))) return true;
  const b64 = Buffer.from(token).toString('base64').replace(/=+$/, '');
  if (payload.includes(b64.slice(0, Math.max(8, b64.length - 4)))) return true;
  const bytes = [...Buffer.from(token)].join(',');
  return payload.replace(/\s/g, '').includes(bytes);
}
