import { defineRule } from '../../core/rule.js';
import { hasModule, jsFacts, networkSends } from '../stealing/_js-facts.js';
import { clip, dedupeIocs, urlIocs, urlsIn, type IocArg } from '../stealing/_iocs.js';

const IP_LOOKUP = /(?:^|\.)(?:ipinfo\.io|ifconfig\.(?:co|me)|api\.ipify\.org|ipify\.org|ip-api\.com|ipapi\.co|checkip\.amazonaws\.com|icanhazip\.com|ipwho\.is|myip\.com|api\.myip\.com|wtfismyip\.com|geolocation-db\.com)$/;

export default defineRule({
  id: 'host-fingerprint-upload',
  meta: {
    kind: 'threat',
    category: 'exfiltration',
    severity: 'high',
    confidence: 'medium',
    summary: 'Collects host identity (hostname, user, home dir, MACs, public IP, whole environment) and sends it out',
    why: 'Install-time stealers and lure loaders first report who they landed on: hostname, username, home directory, platform, public IP and often all of process.env (cloud keys, tokens), then decide what to fetch next.',
    fix: 'Do not run the project. If it ran, rotate every secret that was in the environment.',
    falsePositives: 'CLIs read os.homedir()/platform, and telemetry sends platform and version. Platform/arch alone never count; a finding needs the host name, user identity, MAC addresses, a public-IP lookup or the whole environment next to a network send, and stays low with just one of them.',
    references: ['https://attack.mitre.org/techniques/T1082/', 'https://attack.mitre.org/techniques/T1041/', 'https://blog.sonatype.com/'],
    status: 'stable',
  },
  input: 'js-ast',
  prefilter: /hostname|userInfo|homedir|networkInterfaces|machineId|process\.env|ipinfo|ipify|ifconfig|ip-api|ipapi/,
  check(ctx, js) {
    const f = jsFacts(js);
    const sends = networkSends(f);
    if (!sends.length) return;
    const got: string[] = [];
    let points = 0;
    const has = (re: RegExp) => f.calls.some((c) => re.test(c.callee));
    if (has(/^(?:os\.hostname|\?\.hostname)$/) || /\bos\.hostname\b|\bCOMPUTERNAME\b|\bHOSTNAME\b/.test(js.text)) { got.push('host name'); points += 1; }
    if (has(/^(?:os\.userInfo|\?\.userInfo)$/) || /process\.env\.(?:USER|USERNAME|LOGNAME)\b/.test(js.text)) { got.push('user name'); points += 1; }
    if (has(/^(?:os\.homedir|\?\.homedir)$/)) { got.push('home directory'); points += 0.5; }
    if (has(/^(?:os\.networkInterfaces|\?\.networkInterfaces)$/)) { got.push('network interfaces'); points += 1; }
    if (hasModule(f, /^node-machine-id$/) || has(/machineIdSync|machineId$/)) { got.push('machine id'); points += 1; }
    // The whole environment serialised (passing `env: process.env` to a child process is not sending it).
    if (/(?:JSON\.stringify|querystring\.stringify|qs\.stringify|new URLSearchParams)\(\s*process\.env\s*[,)]|Object\.(?:keys|entries|values)\(\s*process\.env\s*\)/.test(js.text)) { got.push('the whole environment'); points += 2; }
    const iocs: IocArg[] = [];
    for (const s of f.strings) {
      if (s.value.length > 2000) continue;
      for (const u of urlsIn(s.value)) if (IP_LOOKUP.test(u.host)) { iocs.push(...urlIocs(u)); }
    }
    if (iocs.length) { got.push('public IP lookup'); points += 1; }
    if (points < 1.5) return;
    if (has(/^(?:os\.(?:platform|type|release|arch|cpus)|\?\.(?:platform|cpus))$/)) got.push('OS/CPU');
    const envOnly = got.length === 1 && got[0] === 'the whole environment';
    const [severity, confidence] = points >= 3 ? (['high', 'high'] as const) : points >= 2 && !envOnly ? (['medium', 'medium'] as const) : (['low', 'low'] as const);
    const send = sends.find((c) => /post|request|upload|send|emit|put/i.test(c.method)) ?? sends[0]!;
    ctx.report({
      at: { node: send.node },
      message: `Sends host fingerprint (${got.join(', ')}) via ${send.callee}`,
      evidence: clip(js.text.slice(send.node.start, Math.min(send.node.end, send.node.start + 200))),
      severity,
      confidence,
      iocs: iocs.length ? dedupeIocs(iocs) : undefined,
    });
  },
});
